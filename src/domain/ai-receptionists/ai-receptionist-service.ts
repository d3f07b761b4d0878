import { randomUUID } from 'node:crypto';
import type { StoredAiReceptionist } from '../../store/ai-receptionists-store.ts';
import type { Location, Page, Store } from '../../store/store.ts';
import { checkFeatureExtension, checkFeatureNumber } from '../auto-attendants/auto-attendant-service.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest } from '../errors.ts';
import { findCallingLocation, findLocation } from '../locations/location-service.ts';
import { looseE164 } from '../phone-numbers.ts';
import { decodeId } from '../webex-ids.ts';
import { defaultVoice, SUPPORTED_COUNTRIES, TEMPLATES, type Template } from './ai-receptionist-catalogue.ts';
import {
  aiReceptionistNameInUse,
  aiReceptionistNotFound,
  asObject,
  checkDialByName,
  checkDirectLineCallerIdName,
  checkGuidelines,
  checkName,
  checkTransparency,
  checkVoice,
  countryNotSupported,
  MAX_PER_ORGANIZATION,
  numberOrExtensionRequired,
  templateNotFound,
  checkRingPattern,
  tooManyAiReceptionists,
} from './ai-receptionist-rules.ts';
import type { AiReceptionistSettings, DefaultAction } from './ai-receptionist-types.ts';
import { findKnowledgeBase } from './knowledge-base-service.ts';
import { checkTransferTo, describeTarget, type TransferToInput } from './transfer-targets.ts';

// AI receptionists of a calling location: a number and/or extension answered by an AI agent that
// hands the caller to an intent's destination, or applies its default action. Names are unique
// per location; numbers and extensions are claimed as an auto attendant claims them (free in the
// location, the number one of the location's), and every other line's checks see them
// (lines/line-checks.ts).

export type AiReceptionistInput = {
  name?: string;
  enabled?: boolean;
  phoneNumber?: string;
  extension?: string;
  alternateNumbers?: { phoneNumber?: string; ringPattern?: string }[];
  directLineCallerIdName?: unknown;
  dialByName?: string;
  defaultAction?: unknown;
  aiAgent?: unknown;
};

export type AiReceptionistListQuery = { locationId?: string; name?: string; phoneNumber?: string; start: number; max: number };

const DESTINATION = /^\+?[\d*#]{2,30}$/;

export class AiReceptionistService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, query: AiReceptionistListQuery): Promise<{ page: Page<StoredAiReceptionist, number>; locations: Map<string, Location> }> {
    let locationId: string | undefined;
    if (query.locationId !== undefined) {
      locationId = decodeId(query.locationId, 'LOCATION');
      if (locationId === undefined) throw badRequest('locationId is not a location ID.');
    }
    const page = await this.store.aiReceptionists.list(orgId, { ...query, locationId, phoneNumber: query.phoneNumber?.replace(/[^\d+]/g, '') });
    const locations = await this.store.locations.getMany(orgId, [...new Set(page.items.map((r) => r.locationId))]);
    return { page, locations: new Map(locations.map((l) => [l.id, l])) };
  }

  async create(orgId: string, locationPublicId: string, input: AiReceptionistInput): Promise<StoredAiReceptionist> {
    return this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const name = await this.checkNewName(tx, location, input.name);
      if (typeof input.enabled !== 'boolean') throw badRequest('enabled is required.');
      if (input.phoneNumber === undefined && input.extension === undefined) throw numberOrExtensionRequired();
      if (input.defaultAction === undefined) throw badRequest('defaultAction is required.');
      if (input.aiAgent === undefined) throw badRequest('aiAgent is required.');
      const now = timestamp(this.clock);
      const settings: AiReceptionistSettings = {
        alternateNumbers: [],
        directLineCallerIdName: { directLineCallerIdNameSelection: 'DISPLAY_NAME' },
        defaultAction: { actionType: 'PLAY_MESSAGE_AND_DISCONNECT', audioMessageSelection: 'DEFAULT' },
        aiAgent: { agentId: randomUUID(), voice: defaultVoice(location.address.country), guidelines: {}, transparencySettings: { enabled: true } },
      };
      const draft: StoredAiReceptionist = { id: randomUUID(), orgId, locationId: location.id, name, enabled: input.enabled, phoneNumber: null, extension: null, knowledgeBaseId: null, settings, created: now, lastModified: now };
      const receptionist = await this.apply(tx, location, draft, { ...input, name: undefined, aiAgent: { transparencySettings: {}, ...asObject(input.aiAgent, 'aiAgent') } });
      await tx.aiReceptionists.insert(receptionist);
      return receptionist;
    });
  }

  /** The receptionist with its intent count and its default action's transfer target as it is now. */
  async get(orgId: string, locationPublicId: string, publicId: string) {
    const { receptionist, location } = await findAiReceptionist(this.store, orgId, locationPublicId, publicId);
    const counts = await this.store.aiReceptionists.intentCounts(orgId, [receptionist.id]);
    const action = receptionist.settings.defaultAction;
    const defaultTransferTo = action.actionType === 'TRANSFER_TO_OPERATOR' && action.transferTo ? await describeTarget(this.store, orgId, action.transferTo) : undefined;
    return { receptionist, location, intentCount: counts.get(receptionist.id) ?? 0, defaultTransferTo };
  }

  template(publicId: string): Template {
    const id = decodeId(publicId, 'TEMPLATE');
    const template = TEMPLATES.find((t) => t.id === id);
    if (!template) throw templateNotFound();
    return template;
  }

  async update(orgId: string, locationPublicId: string, publicId: string, input: AiReceptionistInput): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { receptionist, location } = await findAiReceptionist(tx, orgId, locationPublicId, publicId);
      const changed = await this.apply(tx, location, receptionist, input);
      await tx.aiReceptionists.update({ ...changed, lastModified: timestamp(this.clock) });
    });
  }

  async delete(orgId: string, locationPublicId: string, publicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { receptionist } = await findAiReceptionist(tx, orgId, locationPublicId, publicId);
      await tx.aiReceptionists.delete(orgId, receptionist.id);
    });
  }

  /** Whether a new receptionist of this name may be made in the location (and the organization has room). */
  async validate(orgId: string, locationPublicId: string, name: string | undefined): Promise<void> {
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    await this.checkNewName(this.store, location, name);
  }

  /** Whether AI receptionists are offered in the country (and, given a location, that it is the location's). */
  async validateCountry(orgId: string, input: { countryCode?: string; locationId?: string }): Promise<void> {
    const country = input.countryCode?.trim().toUpperCase() ?? '';
    if (!/^[A-Z]{2}$/.test(country)) throw badRequest('countryCode must be a two-letter country code.');
    if (input.locationId !== undefined) {
      const location = await findLocation(this.store, orgId, input.locationId);
      if (location.address.country !== country) throw badRequest(`The location is in ${location.address.country}, not in ${country}.`);
    }
    if (!SUPPORTED_COUNTRIES.has(country)) throw countryNotSupported(country);
  }

  /** The country of a calling location (the voices it may use depend on it). */
  async locationCountry(orgId: string, locationPublicId: string): Promise<string> {
    return (await findCallingLocation(this.store, orgId, locationPublicId)).address.country;
  }

  private async checkNewName(tx: Store, location: Location, value: string | undefined): Promise<string> {
    const name = checkName(value ?? '');
    if (await tx.aiReceptionists.findByName(location.id, name)) throw aiReceptionistNameInUse(name);
    if ((await tx.aiReceptionists.countOfOrganization(location.orgId)) >= MAX_PER_ORGANIZATION) throw tooManyAiReceptionists(MAX_PER_ORGANIZATION);
    return name;
  }

  private async apply(tx: Store, location: Location, r: StoredAiReceptionist, input: AiReceptionistInput): Promise<StoredAiReceptionist> {
    const next: StoredAiReceptionist = { ...r, settings: { ...r.settings } };
    const s = next.settings;
    if (input.name !== undefined) {
      next.name = checkName(input.name);
      const namesake = await tx.aiReceptionists.findByName(location.id, next.name);
      if (namesake && namesake.id !== r.id) throw aiReceptionistNameInUse(next.name);
    }
    if (input.enabled !== undefined) next.enabled = input.enabled;
    // An empty string removes the number or extension; one of them must remain. A receptionist
    // keeps its own without a check (the line checks would find it holding them).
    if (input.phoneNumber !== undefined && input.phoneNumber !== r.phoneNumber && looseE164(input.phoneNumber) !== r.phoneNumber) next.phoneNumber = input.phoneNumber === '' ? null : await checkFeatureNumber(tx, location, input.phoneNumber, undefined);
    if (input.extension !== undefined && input.extension !== r.extension) next.extension = input.extension === '' ? null : await checkFeatureExtension(tx, location, input.extension, undefined);
    if (next.phoneNumber === null && next.extension === null) throw numberOrExtensionRequired();
    if (input.alternateNumbers !== undefined) s.alternateNumbers = await this.alternates(tx, location, next, input.alternateNumbers);
    if (input.directLineCallerIdName !== undefined) s.directLineCallerIdName = checkDirectLineCallerIdName(input.directLineCallerIdName, s.directLineCallerIdName);
    if (input.dialByName !== undefined) s.dialByName = checkDialByName(input.dialByName);
    if (input.defaultAction !== undefined) s.defaultAction = await checkDefaultAction(tx, location, input.defaultAction);
    if (input.aiAgent !== undefined) {
      const agent = asObject(input.aiAgent, 'aiAgent');
      const current = s.aiAgent;
      s.aiAgent = {
        agentId: current.agentId,
        voice: agent.voice !== undefined ? checkVoice(agent.voice, location.address.country) : current.voice,
        guidelines: agent.guidelines !== undefined ? checkGuidelines(agent.guidelines, current.guidelines) : current.guidelines,
        transparencySettings: agent.transparencySettings !== undefined ? checkTransparency(agent.transparencySettings, current.transparencySettings) : current.transparencySettings,
      };
      // An empty knowledgeBaseId disconnects the knowledge base.
      if (agent.knowledgeBaseId !== undefined) {
        const id = agent.knowledgeBaseId === '' || agent.knowledgeBaseId === null ? null : (await findKnowledgeBase(tx, location.orgId, String(agent.knowledgeBaseId), 'aiAgent.knowledgeBaseId')).id;
        if (id !== r.knowledgeBaseId) s.knowledgeBaseConnectedAt = timestamp(this.clock);
        if (id === null) delete s.knowledgeBaseConnectedAt;
        next.knowledgeBaseId = id;
      }
    }
    return next;
  }

  private async alternates(tx: Store, location: Location, r: StoredAiReceptionist, input: NonNullable<AiReceptionistInput['alternateNumbers']>) {
    if (input.length > 10) throw badRequest('alternateNumbers holds at most 10 numbers.');
    const kept = new Set(r.settings.alternateNumbers.map((a) => a.phoneNumber));
    const out: AiReceptionistSettings['alternateNumbers'] = [];
    for (const alt of input) {
      if (!alt.phoneNumber) throw badRequest('alternateNumbers: each entry needs its phoneNumber.');
      const phoneNumber = kept.has(alt.phoneNumber) ? alt.phoneNumber : await checkFeatureNumber(tx, location, alt.phoneNumber, undefined, 'alternateNumbers.phoneNumber');
      if (phoneNumber === r.phoneNumber || out.some((x) => x.phoneNumber === phoneNumber)) throw badRequest(`alternateNumbers: ${phoneNumber} is given twice.`);
      const ringPattern = checkRingPattern(alt.ringPattern ?? 'NORMAL');
      out.push({ phoneNumber, ringPattern });
    }
    return out;
  }
}

/** The receptionist of the location, or 404 (for another organization's or location's too). */
export async function findAiReceptionist(store: Store, orgId: string, locationPublicId: string, publicId: string): Promise<{ receptionist: StoredAiReceptionist; location: Location }> {
  const location = await findCallingLocation(store, orgId, locationPublicId);
  const id = decodeId(publicId, 'AI_RECEPTIONIST');
  const receptionist = id !== undefined ? await store.aiReceptionists.get(orgId, id) : undefined;
  if (!receptionist || receptionist.locationId !== location.id) throw aiReceptionistNotFound();
  return { receptionist, location };
}

/**
 * PLAY_MESSAGE_AND_DISCONNECT plays the default or a custom message (an announcement of the
 * organization or of the location, by audioFileId); TRANSFER_TO_OPERATOR sends the caller to
 * transferToNumber or transferTo.
 */
async function checkDefaultAction(tx: Store, location: Location, input: unknown): Promise<DefaultAction> {
  const a = asObject(input, 'defaultAction');
  if (a.actionType === 'TRANSFER_TO_OPERATOR') {
    if (a.transferTo !== undefined) return { actionType: 'TRANSFER_TO_OPERATOR', transferTo: await checkTransferTo(tx, location.orgId, a.transferTo as TransferToInput, 'defaultAction.transferTo') };
    const number = typeof a.transferToNumber === 'string' ? a.transferToNumber.trim() : '';
    if (!DESTINATION.test(number)) throw badRequest('defaultAction.transferToNumber (a number or extension) or transferTo is required with TRANSFER_TO_OPERATOR.');
    return { actionType: 'TRANSFER_TO_OPERATOR', transferToNumber: number };
  }
  if (a.actionType !== 'PLAY_MESSAGE_AND_DISCONNECT') throw badRequest('defaultAction.actionType must be PLAY_MESSAGE_AND_DISCONNECT or TRANSFER_TO_OPERATOR.');
  const selection = a.audioMessageSelection;
  if (selection === 'DEFAULT') return { actionType: 'PLAY_MESSAGE_AND_DISCONNECT', audioMessageSelection: 'DEFAULT' };
  if (selection !== 'CUSTOM') throw badRequest('defaultAction.audioMessageSelection (DEFAULT or CUSTOM) is required with PLAY_MESSAGE_AND_DISCONNECT.');
  const fileId = typeof a.audioFileId === 'string' ? a.audioFileId : typeof (a.audioFile as { id?: unknown } | undefined)?.id === 'string' ? (a.audioFile as { id: string }).id : undefined;
  if (fileId === undefined) throw badRequest('defaultAction.audioFileId is required with a CUSTOM message.');
  const id = decodeId(fileId, 'ANNOUNCEMENT');
  const file = id === undefined ? undefined : await tx.announcements.get(location.orgId, id);
  if (!file || (file.locationId !== null && file.locationId !== location.id)) throw badRequest(`defaultAction.audioFileId ${fileId} is not an announcement of the organization or of this location.`);
  return {
    actionType: 'PLAY_MESSAGE_AND_DISCONNECT',
    audioMessageSelection: 'CUSTOM',
    audioFile: { id: file.id, fileName: file.fileName, mediaFileType: 'WAV', level: file.locationId === null ? 'ORGANIZATION' : 'LOCATION' },
  };
}
