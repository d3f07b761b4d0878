// What the domain may ask of persistence for receptionist contact directories.

export type ReceptionistDirectory = {
  id: string;
  orgId: string;
  locationId: string;
  name: string;
  created: string;
  lastModified: string;
};

/** A listed person as they are now (the directory stores only who is listed). */
export type DirectoryContact = {
  personId: string;
  firstName: string | null;
  lastName: string | null;
  department: string | null;
  /** E.164 primary number, or null for an extension-only user. */
  phoneNumber: string | null;
  extension: string | null;
  locationId: string;
};

export type DirectoryContactFilter = {
  /** Case-insensitive prefix. */
  firstName?: string;
  /** Case-insensitive prefix. */
  lastName?: string;
  /** Digits contained in the E.164 number. */
  phoneNumberDigits?: string;
  extension?: string;
  personId?: string;
  /** true: a contact matching any criterion; false: matching all of them. */
  anyCriterion: boolean;
};

export interface ReceptionistContactRepository {
  /** Inserts a directory and its contacts in the given order; UniqueViolation for a name in use. */
  insert(directory: ReceptionistDirectory, personIds: readonly string[]): Promise<void>;
  get(orgId: string, id: string): Promise<ReceptionistDirectory | undefined>;
  findByName(locationId: string, name: string): Promise<ReceptionistDirectory | undefined>;
  /** The location's directories by name. */
  list(orgId: string, locationId: string): Promise<ReceptionistDirectory[]>;
  /** Renames a directory and replaces its whole contact list. */
  replace(directory: ReceptionistDirectory, personIds: readonly string[]): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;
  /** Listed people who still have Webex Calling, in the order given, narrowed by the filter. */
  contacts(directoryId: string, filter: DirectoryContactFilter): Promise<DirectoryContact[]>;
}
