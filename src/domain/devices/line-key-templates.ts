import { randomUUID } from 'node:crypto';
import type { FeatureDocument } from '../../store/call-queues-store.ts';
import type { StoredDevice } from '../../store/devices-store.ts';
import type { Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { decodeId } from '../webex-ids.ts';
import { findModel, type DeviceModel } from './device-models.ts';
import { deviceOf } from './device-service.ts';
import { checkLayoutModel, checkLineKeys, defaultLineKeys, type LineKey, type LineKeyInput } from './line-keys.ts';

// Line key templates (one model's line keys, to apply to many phones) and each device's own
// layout: DEFAULT (the model's factory keys for the device's lines) or CUSTOM keys, with the keys
// of attached expansion modules (KEM).

export const templateNotFound = () => notFound('Line key template not found.');
const KIND = 'lineKeyTemplate';
const MAX_NAME = 80;

export type TemplateData = { deviceModel: string; userReorderEnabled: boolean; lineKeys: LineKey[] };
export type KemKey = { kemModuleIndex: number; kemKeyIndex: number; kemKeyType: LineKey['lineKeyType']; kemKeyLabel?: string; kemKeyValue?: string; sharedLineIndex: number };
export type LayoutInput = { layoutMode: 'DEFAULT' | 'CUSTOM'; userReorderEnabled?: boolean; lineKeys: LineKeyInput[]; kemModuleType?: DeviceLayout['kemModuleType']; kemKeys?: (Omit<KemKey, 'sharedLineIndex'> & { sharedLineIndex?: number })[] };
export type DeviceLayout = { layoutMode: 'DEFAULT' | 'CUSTOM'; userReorderEnabled: boolean; lineKeys: LineKey[]; kemModuleType?: DeviceModel['kemModuleType'][number]; kemKeys?: KemKey[] };
export type ApplyFilter = { action: 'APPLY_TEMPLATE' | 'APPLY_DEFAULT_TEMPLATES'; templateId: string; locationIds?: string[]; excludeDevicesWithCustomLayout?: boolean; includeDeviceTags?: string[]; excludeDeviceTags?: string[] };

const KEM_KEYS = { KEM_14_KEYS: 14, KEM_18_KEYS: 18, KEM_20_KEYS: 20 } as const;

export class LineKeyTemplateService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  list(orgId: string): Promise<FeatureDocument[]> {
    return this.store.featureDocuments.list(orgId, KIND);
  }

  /** `store`: the transaction to read in, when inside one. */
  async get(orgId: string, publicId: string, store: Store = this.store): Promise<{ doc: FeatureDocument; data: TemplateData }> {
    const id = decodeId(publicId, 'LINE_KEY_TEMPLATE');
    const doc = id ? await store.featureDocuments.get(orgId, KIND, id) : undefined;
    if (!doc) throw templateNotFound();
    return { doc, data: doc.data as TemplateData };
  }

  async create(orgId: string, input: { templateName: string; deviceModel: string; userReorderEnabled?: boolean; lineKeys: LineKeyInput[] }): Promise<string> {
    const name = input.templateName.trim();
    if (name.length < 1 || name.length > MAX_NAME) throw badRequest(`templateName must hold 1 to ${MAX_NAME} characters.`);
    const model = checkLayoutModel(findModel(input.deviceModel), input.deviceModel);
    const data: TemplateData = { deviceModel: model.model, userReorderEnabled: input.userReorderEnabled ?? false, lineKeys: checkLineKeys(model, input.lineKeys) };
    return this.store.transaction(async (tx) => {
      if ((await tx.featureDocuments.list(orgId, KIND)).some((d) => d.name.toLowerCase() === name.toLowerCase())) throw conflict(`A line key template named "${name}" already exists.`);
      const id = randomUUID();
      const now = timestamp(this.clock);
      await tx.featureDocuments.insert({ id, orgId, kind: KIND, name, data, created: now, lastModified: now });
      return id;
    });
  }

  async update(orgId: string, publicId: string, input: { userReorderEnabled?: boolean; lineKeys: LineKeyInput[] }): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { doc, data } = await this.get(orgId, publicId, tx);
      const model = checkLayoutModel(findModel(data.deviceModel), data.deviceModel);
      const next: TemplateData = { ...data, userReorderEnabled: input.userReorderEnabled ?? data.userReorderEnabled, lineKeys: checkLineKeys(model, input.lineKeys) };
      await tx.featureDocuments.update({ ...doc, data: next, lastModified: timestamp(this.clock) });
    });
  }

  async delete(orgId: string, publicId: string): Promise<void> {
    const { doc } = await this.get(orgId, publicId);
    await this.store.featureDocuments.delete(orgId, KIND, doc.id);
  }

  /** The devices an apply would change: the template's model (any model with line keys for defaults), by location and tags. */
  async targets(orgId: string, filter: ApplyFilter): Promise<StoredDevice[]> {
    let model: string | undefined;
    if (filter.action === 'APPLY_TEMPLATE') model = (await this.get(orgId, filter.templateId)).data.deviceModel;
    const locations = filter.locationIds?.map((id) => decodeId(id, 'LOCATION') ?? '-');
    const out: StoredDevice[] = [];
    for (let start = 0; ; start += 1000) {
      const page = await this.store.devices.list(orgId, { activationState: undefined, start, max: 1000 });
      for (const device of page.items) {
        const deviceModel = findModel(device.model);
        if (!deviceModel || deviceModel.numberOfLineKeyButtons === 0) continue;
        if (model !== undefined && deviceModel.model !== model) continue;
        if (locations && (device.locationId === null || !locations.includes(device.locationId))) continue;
        if (filter.includeDeviceTags?.length && !filter.includeDeviceTags.every((t) => device.tags.includes(t))) continue;
        if (filter.excludeDeviceTags?.some((t) => device.tags.includes(t))) continue;
        if (filter.excludeDevicesWithCustomLayout && (await this.store.devices.layout(orgId, device.id)) !== undefined) continue;
        out.push(device);
      }
      if (page.next === undefined) return out;
    }
  }

  async layout(orgId: string, devicePublicId: string): Promise<DeviceLayout> {
    const device = await deviceOf(this.store, orgId, devicePublicId);
    const stored = await this.store.devices.layout(orgId, device.id);
    if (stored !== undefined) return JSON.parse(stored) as DeviceLayout;
    const model = findModel(device.model);
    const keys = model && model.numberOfLineKeyButtons > 0 ? defaultLineKeys(model, await this.store.devices.members(orgId, device.id)) : [];
    return { layoutMode: 'DEFAULT', userReorderEnabled: false, lineKeys: keys };
  }

  async setLayout(orgId: string, devicePublicId: string, input: LayoutInput): Promise<void> {
    await this.store.transaction(async (tx) => {
      const device = await deviceOf(tx, orgId, devicePublicId);
      const model = checkLayoutModel(findModel(device.model), device.model);
      if (input.layoutMode === 'DEFAULT') return tx.devices.setLayout(orgId, device.id, null);
      const layout: DeviceLayout = { layoutMode: 'CUSTOM', userReorderEnabled: input.userReorderEnabled ?? false, lineKeys: checkLineKeys(model, input.lineKeys) };
      if (input.kemModuleType !== undefined || input.kemKeys?.length) {
        const type = input.kemModuleType;
        if (type === undefined || !model.kemModuleType.includes(type)) throw badRequest(`A ${model.displayName} takes no ${type ?? 'unnamed'} key expansion module.`);
        for (const key of input.kemKeys ?? []) {
          if (key.kemModuleIndex < 1 || key.kemModuleIndex > model.kemModuleCount || key.kemKeyIndex < 1 || key.kemKeyIndex > KEM_KEYS[type]) {
            throw badRequest(`KEM key ${key.kemModuleIndex}/${key.kemKeyIndex} is not on ${model.kemModuleCount} modules of ${KEM_KEYS[type]} keys.`);
          }
          if (key.kemKeyType === 'PRIMARY_LINE') throw badRequest('Only line key 1 is the PRIMARY_LINE.');
        }
        Object.assign(layout, { kemModuleType: type, kemKeys: (input.kemKeys ?? []).map((k) => ({ ...k, sharedLineIndex: k.sharedLineIndex ?? 0 })) });
      }
      await tx.devices.setLayout(orgId, device.id, JSON.stringify(layout));
    });
  }

  /** Applies a template (or the factory default) to one device: the layout jobs' step. */
  async applyTo(tx: Store, device: StoredDevice, template: TemplateData | null): Promise<void> {
    if (template === null) return tx.devices.setLayout(device.orgId, device.id, null);
    const layout: DeviceLayout = { layoutMode: 'CUSTOM', userReorderEnabled: template.userReorderEnabled, lineKeys: template.lineKeys };
    await tx.devices.setLayout(device.orgId, device.id, JSON.stringify(layout));
  }
}
