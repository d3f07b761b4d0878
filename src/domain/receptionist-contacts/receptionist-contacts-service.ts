import { randomUUID } from 'node:crypto';
import type { DirectoryContact, ReceptionistDirectory } from '../../store/receptionist-contacts-store.ts';
import type { Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { decodeId } from '../webex-ids.ts';
import { decodeDirectoryId } from './directory-ids.ts';
import {
  blankDirectoryName,
  contactNotFound,
  contactType,
  contactWithoutCalling,
  contactWithoutId,
  directoryNameInUse,
  directoryNotFound,
  featureContact,
  invalidContact,
  invalidPersonFilter,
  searchModeFalse,
  searchModeWithoutCriteria,
} from './receptionist-contacts-errors.ts';

// Receptionist contact directories: named lists of people of the organization with Webex
// Calling, kept per calling location. A directory stores who is listed; the details shown are
// the people's own, read live. Deleting a person removes them from every directory (the store's
// foreign key cascades); a person who loses Webex Calling is hidden until they have it again.

/** A contact as Webex takes it: {personId}, {featureId, type}, or (on PUT) a bare ID. */
export type ContactInput = string | { personId?: string; featureId?: string; type?: string };

export type DirectoryInput = { name: string; contacts: ContactInput[] };

export type ContactQuery = {
  searchCriteriaModeOr?: boolean;
  firstName?: string;
  lastName?: string;
  phoneNumber?: string;
  extension?: string;
  personId?: string;
};

export class ReceptionistContactService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async create(orgId: string, locationPublicId: string, input: DirectoryInput): Promise<ReceptionistDirectory> {
    return this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const name = this.checkName(input.name);
      const personIds = await this.people(tx, orgId, input.contacts);
      if (await tx.receptionistContacts.findByName(location.id, name)) throw directoryNameInUse(name);
      const now = timestamp(this.clock);
      const directory: ReceptionistDirectory = { id: randomUUID(), orgId, locationId: location.id, name, created: now, lastModified: now };
      await tx.receptionistContacts.insert(directory, personIds);
      return directory;
    });
  }

  async list(orgId: string, locationPublicId: string): Promise<ReceptionistDirectory[]> {
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    return this.store.receptionistContacts.list(orgId, location.id);
  }

  /**
   * The directory's contacts, all of them or those matching the criteria: every criterion by
   * default, any one of them with searchCriteriaModeOr=true (which Webex takes only as true and
   * only with a criterion).
   */
  async contacts(orgId: string, locationPublicId: string, directoryPublicId: string, query: ContactQuery): Promise<DirectoryContact[]> {
    const directory = await this.find(this.store, orgId, locationPublicId, directoryPublicId);
    const { searchCriteriaModeOr, phoneNumber, personId, ...names } = query;
    const criteria = [query.firstName, query.lastName, phoneNumber, query.extension, personId].filter((c) => c !== undefined);
    if (searchCriteriaModeOr === false) throw searchModeFalse();
    if (searchCriteriaModeOr === true && criteria.length === 0) throw searchModeWithoutCriteria();
    let personUuid: string | undefined;
    if (personId !== undefined) {
      personUuid = decodeId(personId, 'PEOPLE');
      if (!personUuid) throw invalidPersonFilter();
    }
    return this.store.receptionistContacts.contacts(directory.id, {
      ...names,
      phoneNumberDigits: phoneNumber?.replace(/\D/g, ''),
      personId: personUuid,
      anyCriterion: searchCriteriaModeOr === true,
    });
  }

  /** Renames the directory and replaces its whole contact list (Webex has no incremental update). */
  async replace(orgId: string, locationPublicId: string, directoryPublicId: string, input: DirectoryInput): Promise<ReceptionistDirectory> {
    return this.store.transaction(async (tx) => {
      const directory = await this.find(tx, orgId, locationPublicId, directoryPublicId);
      const name = this.checkName(input.name);
      const personIds = await this.people(tx, orgId, input.contacts);
      const namesake = await tx.receptionistContacts.findByName(directory.locationId, name);
      if (namesake && namesake.id !== directory.id) throw directoryNameInUse(name);
      const changed = { ...directory, name, lastModified: timestamp(this.clock) };
      await tx.receptionistContacts.replace(changed, personIds);
      return changed;
    });
  }

  async delete(orgId: string, locationPublicId: string, directoryPublicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const directory = await this.find(tx, orgId, locationPublicId, directoryPublicId);
      await tx.receptionistContacts.delete(orgId, directory.id);
    });
  }

  private checkName(value: string): string {
    const name = value.trim();
    if (name.length === 0 || name.length > 40) throw blankDirectoryName();
    return name;
  }

  /** The people the contacts name, each once and in order; all must have Webex Calling. */
  private async people(tx: Store, orgId: string, contacts: ContactInput[]): Promise<string[]> {
    const wanted = new Map<string, string>();
    for (const contact of contacts) {
      const publicId = this.personIdOf(contact);
      const id = decodeId(publicId, 'PEOPLE');
      if (!id) throw invalidContact(publicId);
      if (!wanted.has(id)) wanted.set(id, publicId);
    }
    const found = new Map((await tx.people.getMany(orgId, [...wanted.keys()])).map((p) => [p.id, p]));
    for (const [id, publicId] of wanted) {
      const person = found.get(id);
      if (!person) throw contactNotFound(publicId);
      if (person.locationId === null) throw contactWithoutCalling(publicId);
    }
    return [...wanted.keys()];
  }

  private personIdOf(contact: ContactInput): string {
    if (typeof contact === 'string') return contact;
    if (contact.featureId !== undefined) throw featureContact(contact.featureId);
    if (contact.personId === undefined) throw contactWithoutId();
    if (contact.type !== undefined && contact.type.toUpperCase() !== 'PEOPLE') throw contactType(contact.type);
    return contact.personId;
  }

  private async find(tx: Store, orgId: string, locationPublicId: string, directoryPublicId: string): Promise<ReceptionistDirectory> {
    const location = await findCallingLocation(tx, orgId, locationPublicId);
    const id = decodeDirectoryId(directoryPublicId);
    const directory = id && (await tx.receptionistContacts.get(orgId, id));
    if (!directory || directory.locationId !== location.id) throw directoryNotFound();
    return directory;
  }
}
