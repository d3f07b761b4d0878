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
import { OUTGOING_ACCESS_CODES, OUTGOING_DIGIT_PATTERNS, OUTGOING_PERMISSION } from './permission-settings.ts';
import { encodeId } from '../webex-ids.ts';
import type { SettingDocument } from './setting-documents.ts';
import { personOf, storedDocument, type SettingsService } from './settings-service.ts';

// The outgoing permission operations that are not a plain GET/PUT of a document: a PUT of calling
// permissions that changes only the call types it lists, and the access code and digit pattern
// lists (create, change, delete one or all) — for a person and for a location alike.

export type PermissionOwner = { kind: 'person'; orgId: string; id: string } | { kind: 'location'; orgId: string; id: string };

export class PermissionService {
  private readonly store: Store;
  private readonly people: SettingsService;
  private readonly locations: LocationSettingsService;

  constructor(store: Store, people: SettingsService, locations: LocationSettingsService) {
    this.store = store;
    this.people = people;
    this.locations = locations;
  }

  /** The public ID of a calling person's location (their lists of numbers are the location's). */
  async locationOf(orgId: string, personPublicId: string): Promise<string> {
    return encodeId('LOCATION', (await personOf(this.store, orgId, personPublicId)).locationId!);
  }

  /** A document as stored (no computed or presented fields). */
  private async raw(owner: PermissionOwner, key: string): Promise<SettingDocument> {
    if (owner.kind === 'location') return this.locations.raw(owner.orgId, owner.id, key);
    const person = await personOf(this.store, owner.orgId, owner.id);
    return storedDocument(this.store, owner.orgId, person.id, this.people.definition(key));
  }

  private async change(owner: PermissionOwner, key: string, change: (current: SettingDocument) => SettingDocument): Promise<void> {
    if (owner.kind === 'location') return this.locations.update(owner.orgId, owner.id, key, change);
    await this.people.update(owner.orgId, owner.id, key, change(await this.raw(owner, key)));
  }

  /** useCustomEnabled and its older name useCustomPermissions say the same: either sets both. */
  async updateOutgoing(owner: PermissionOwner, body: SettingDocument): Promise<void> {
    const key = owner.kind === 'person' ? OUTGOING_PERMISSION.key : LOCATION_OUTGOING_PERMISSION.key;
    await this.change(owner, key, (current) => {
      const useCustom = (body.useCustomEnabled ?? body.useCustomPermissions) as boolean | undefined;
      return {
        ...(owner.kind === 'person' && useCustom !== undefined ? { useCustomEnabled: useCustom, useCustomPermissions: useCustom } : {}),
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

  private accessKey = (owner: PermissionOwner) => (owner.kind === 'person' ? OUTGOING_ACCESS_CODES.key : LOCATION_ACCESS_CODES.key);
  private patternKey = (owner: PermissionOwner) => (owner.kind === 'person' ? OUTGOING_DIGIT_PATTERNS.key : LOCATION_DIGIT_PATTERNS.key);
}
