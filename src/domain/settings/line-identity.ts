import type { SettingContext } from './setting-documents.ts';

// Who a settings document's owner is as a line: a person's, a workspace's or a virtual line's
// names, number and extension. Settings shared by every kind of line (caller ID, voicemail,
// members lists) read these instead of the person, so one definition serves all owners.

export type LineIdentity = {
  id: string;
  firstName: string;
  lastName: string;
  displayName: string;
  number: string | null;
  extension: string | null;
  /** A person's email (voicemail copies go there until set); lines of other kinds have none. */
  email: string | null;
};

export async function lineIdentity(ctx: SettingContext): Promise<LineIdentity> {
  const { store, orgId, owner } = ctx;
  switch (owner.kind) {
    case 'virtualLine': {
      const line = (await store.virtualLines.get(orgId, owner.id))!;
      const displayName = line.displayName ?? `${line.firstName} ${line.lastName}`;
      return { id: line.id, firstName: line.firstName, lastName: line.lastName, displayName, number: line.phoneNumber, extension: line.extension, email: null };
    }
    case 'workspace': {
      const workspace = (await store.workspaces.get(orgId, owner.id))!;
      return { id: workspace.id, firstName: workspace.displayName, lastName: '', displayName: workspace.displayName, number: workspace.phoneNumber, extension: workspace.extension, email: null };
    }
    default: {
      const person = ctx.person;
      const number = (await store.numbers.ownedBy([person.id])).get(person.id)?.phoneNumber ?? null;
      return {
        id: person.id,
        firstName: person.firstName ?? person.displayName,
        lastName: person.lastName ?? '',
        displayName: person.displayName,
        number,
        extension: person.extension,
        email: person.email,
      };
    }
  }
}
