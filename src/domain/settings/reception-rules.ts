import { badRequest } from '../errors.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import type { SettingContext, SettingDocument } from './setting-documents.ts';

// The receptionist client's monitored members: stored as the IDs a PUT gives, shown by a GET as
// the members themselves. Callplane has people only (no workspaces or virtual lines yet), so a
// member is a calling person of the organization.

export async function checkReception(doc: SettingDocument, ctx: SettingContext): Promise<void> {
  const members = (doc.monitoredMembers as string[] | undefined) ?? [];
  if (new Set(members).size !== members.length) throw badRequest('monitoredMembers lists a member twice.');
  for (const member of members) {
    const id = decodeId(member, 'PEOPLE');
    const person = id ? await ctx.store.people.get(ctx.orgId, id) : undefined;
    if (!person || person.locationId === null) throw badRequest(`monitoredMembers: ${member} is not a calling user of this organization.`);
  }
}

export async function presentReception(doc: SettingDocument, ctx: SettingContext): Promise<SettingDocument> {
  const ids = ((doc.monitoredMembers as string[] | undefined) ?? []).map((m) => decodeId(m, 'PEOPLE')).filter((id): id is string => id !== undefined);
  const people = (await Promise.all(ids.map((id) => ctx.store.people.get(ctx.orgId, id)))).filter((p) => p !== undefined && p.locationId !== null);
  const numbers = await ctx.store.numbers.ownedBy(people.map((p) => p!.id));
  const monitoredMembers = people.map((p) => {
    const number = numbers.get(p!.id)?.phoneNumber;
    return {
      id: encodeId('PEOPLE', p!.id),
      ...(p!.firstName ? { firstName: p!.firstName } : {}),
      ...(p!.lastName ? { lastName: p!.lastName } : {}),
      displayName: p!.displayName,
      type: 'PEOPLE',
      email: p!.email,
      numbers: [{ ...(number ? { external: number } : {}), ...(p!.extension ? { extension: p!.extension } : {}), primary: true }],
    };
  });
  // A member deleted since is no longer shown.
  return monitoredMembers.length > 0 ? { ...doc, monitoredMembers } : { receptionEnabled: doc.receptionEnabled };
}
