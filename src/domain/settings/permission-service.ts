import type { Store } from '../../store/store.ts';
import { LOCATION_ACCESS_CODES, LOCATION_DIGIT_PATTERNS, LOCATION_OUTGOING_PERMISSION } from '../call-handling/location-call-handling.ts';
import type { LocationSettingsService } from '../call-handling/location-settings-service.ts';
import {
  addAccessCodes,
  addDigitPattern,
  changeDigitPattern,
  deleteAccessCodes,
  digitPatternOf,
  mergeCallingPermissions,
  removeDigitPattern,
  type AccessCode,
  type DigitPattern,
} from './calling-permissions.ts';
import { fileNameNotWav, fileRequired, notWav, unsupportedAudio } from '../announcements/announcement-errors.ts';
import { readWav, unsupportedAudio as unsupportedAudioOf } from '../announcements/wav.ts';
import { INTERCEPT, OUTGOING_ACCESS_CODES, OUTGOING_DIGIT_PATTERNS, OUTGOING_PERMISSION } from './permission-settings.ts';
import { encodeId } from '../webex-ids.ts';
import type { SettingDocument } from './setting-documents.ts';
import { personOf, type SettingsService } from './settings-service.ts';

// The outgoing permission operations that are not a plain GET/PUT of a document: a PUT of calling
// permissions that changes only the call types it lists, and the access code and digit pattern
// lists (create, change, delete one or all) — for a person, a workspace and a location alike.

/** A line's own lists (a person's, a workspace's or a virtual line's), or a location's. */
export type LineOwner = { kind: 'person' | 'workspace' | 'virtualLine'; orgId: string; id: string };
export type PermissionOwner = LineOwner | { kind: 'location'; orgId: string; id: string };

export class PermissionService {
  private readonly store: Store;
  private readonly lines: Record<LineOwner['kind'], SettingsService>;
  private readonly locations: LocationSettingsService;

  constructor(store: Store, lines: Record<LineOwner['kind'], SettingsService>, locations: LocationSettingsService) {
    this.store = store;
    this.lines = lines;
    this.locations = locations;
  }

  /** Throws the owner's 404 unless the line is one of the organization's (before a body is read). */
  async checkOwner(owner: PermissionOwner): Promise<void> {
    await this.raw(owner, owner.kind === 'location' ? LOCATION_ACCESS_CODES.key : OUTGOING_ACCESS_CODES.key);
  }

  /** The public ID of a calling person's location (their lists of numbers are the location's). */
  async locationOf(orgId: string, personPublicId: string): Promise<string> {
    return encodeId('LOCATION', (await personOf(this.store, orgId, personPublicId)).locationId!);
  }

  /** A document as stored (no computed or presented fields). */
  private async raw(owner: PermissionOwner, key: string): Promise<SettingDocument> {
    if (owner.kind === 'location') return this.locations.raw(owner.orgId, owner.id, key);
    return this.lines[owner.kind].raw(owner.orgId, owner.id, key);
  }

  private async change(owner: PermissionOwner, key: string, change: (current: SettingDocument) => SettingDocument): Promise<void> {
    if (owner.kind === 'location') return this.locations.update(owner.orgId, owner.id, key, change);
    await this.lines[owner.kind].update(owner.orgId, owner.id, key, change(await this.raw(owner, key)));
  }

  /** useCustomEnabled and its older name useCustomPermissions say the same: either sets both. */
  async updateOutgoing(owner: PermissionOwner, body: SettingDocument): Promise<void> {
    const key = owner.kind === 'location' ? LOCATION_OUTGOING_PERMISSION.key : OUTGOING_PERMISSION.key;
    await this.change(owner, key, (current) => {
      const useCustom = (body.useCustomEnabled ?? body.useCustomPermissions) as boolean | undefined;
      return {
        ...(owner.kind !== 'location' && useCustom !== undefined ? { useCustomEnabled: useCustom, useCustomPermissions: useCustom } : {}),
        ...(body.callingPermissions !== undefined ? { callingPermissions: mergeCallingPermissions(current.callingPermissions, body.callingPermissions) } : {}),
      };
    });
  }

  async accessCodes(owner: PermissionOwner): Promise<AccessCode[]> {
    return ((await this.raw(owner, this.accessKey(owner))).accessCodes as AccessCode[] | undefined) ?? [];
  }

  addAccessCodes = (owner: PermissionOwner, codes: AccessCode[]) => this.change(owner, this.accessKey(owner), (doc) => addAccessCodes(doc, codes));

  /** Deletes the codes named, or every code. */
  deleteAccessCodes = (owner: PermissionOwner, codes?: string[]) =>
    this.change(owner, this.accessKey(owner), (doc) => (codes === undefined ? { accessCodes: [] } : deleteAccessCodes(doc, codes)));

  async digitPatterns(owner: PermissionOwner): Promise<SettingDocument> {
    return this.raw(owner, this.patternKey(owner));
  }

  async digitPattern(owner: PermissionOwner, id: string): Promise<DigitPattern> {
    return digitPatternOf(await this.raw(owner, this.patternKey(owner)), id);
  }

  async addDigitPattern(owner: PermissionOwner, input: Omit<DigitPattern, 'id'>): Promise<string> {
    let id = '';
    await this.change(owner, this.patternKey(owner), (doc) => {
      const added = addDigitPattern(doc, input);
      id = added.id;
      return added.doc;
    });
    return id;
  }

  changeDigitPattern = (owner: PermissionOwner, id: string, change: Partial<Omit<DigitPattern, 'id'>>) =>
    this.change(owner, this.patternKey(owner), (doc) => changeDigitPattern(doc, id, change));

  /** Deletes one pattern, or every pattern without an ID. */
  deleteDigitPatterns = (owner: PermissionOwner, id?: string) => this.change(owner, this.patternKey(owner), (doc) => removeDigitPattern(doc, id));

  useCustomDigitPatterns = (owner: PermissionOwner, enabled: boolean | undefined) =>
    this.change(owner, this.patternKey(owner), () => (enabled === undefined ? {} : { useCustomDigitPatterns: enabled }));

  private accessKey = (owner: PermissionOwner) => (owner.kind === 'location' ? LOCATION_ACCESS_CODES.key : OUTGOING_ACCESS_CODES.key);
  private patternKey = (owner: PermissionOwner) => (owner.kind === 'location' ? LOCATION_DIGIT_PATTERNS.key : OUTGOING_DIGIT_PATTERNS.key);

  /**
   * The custom greeting an intercepted caller hears: a WAV file, kept by name in the intercept
   * document (the simulator plays no audio, so the bytes are checked and not stored).
   */
  async uploadInterceptGreeting(owner: LineOwner, upload: { fileName?: string; content?: Uint8Array }): Promise<void> {
    if (!upload.content || !upload.fileName) throw fileRequired();
    if (!/\.wav$/i.test(upload.fileName)) throw fileNameNotWav(upload.fileName);
    const wav = readWav(upload.content);
    if (!wav.ok) throw notWav(wav.reason);
    const problem = unsupportedAudioOf(wav.info);
    if (problem) throw unsupportedAudio(problem);
    await this.lines[owner.kind].update(owner.orgId, owner.id, INTERCEPT.key, { incoming: { announcements: { filename: upload.fileName } } });
  }
}
