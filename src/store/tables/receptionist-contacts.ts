// Tables of the receptionist-contacts area (see store/migrations/0006-receptionist-contacts.ts).

/** A named directory of contacts of a calling location. */
export type ReceptionistDirectoriesTable = {
  id: string;
  org_id: string;
  location_id: string;
  name: string;
  created: string;
  last_modified: string;
};

/** A person listed in a directory; deleting the person deletes the row (foreign key cascade). */
export type ReceptionistDirectoryContactsTable = {
  directory_id: string;
  person_id: string;
  /** Order in which the contacts were given. */
  position: number;
};

export type ReceptionistContactTables = {
  receptionist_directories: ReceptionistDirectoriesTable;
  receptionist_directory_contacts: ReceptionistDirectoryContactsTable;
};
