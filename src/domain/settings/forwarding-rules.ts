import { resolveDestination } from '../calls/destinations.ts';
import { badRequest } from '../errors.ts';
import type { SettingContext, SettingDocument } from './setting-documents.ts';

// The rules of a person's call forwarding document beyond its schema (Webex's descriptions):
// numberOfRings is 2 to 20; a forwarding that is enabled needs a destination; a destination
// must be somewhere a call can go (an extension or number of the organization, or a PSTN number)
// and not the person themselves.

export const SYSTEM_MAX_NUMBER_OF_RINGS = 20;
const MIN_NUMBER_OF_RINGS = 2;

type Forward = { enabled?: boolean; destination?: string; numberOfRings?: number };

export async function checkForwarding(doc: SettingDocument, ctx: SettingContext): Promise<void> {
  const forwarding = doc.callForwarding as Record<'always' | 'busy' | 'noAnswer', Forward>;
  const rings = forwarding.noAnswer.numberOfRings;
  if (rings === undefined || !Number.isInteger(rings) || rings < MIN_NUMBER_OF_RINGS || rings > SYSTEM_MAX_NUMBER_OF_RINGS) {
    throw badRequest(`numberOfRings must be between ${MIN_NUMBER_OF_RINGS} and ${SYSTEM_MAX_NUMBER_OF_RINGS}, inclusive.`);
  }
  const entries: [string, Forward][] = [
    ['callForwarding.always', forwarding.always],
    ['callForwarding.busy', forwarding.busy],
    ['callForwarding.noAnswer', forwarding.noAnswer],
    ['businessContinuity', doc.businessContinuity as Forward],
  ];
  for (const [name, forward] of entries) await checkDestination(name, forward, ctx);
}

async function checkDestination(name: string, forward: Forward, ctx: SettingContext): Promise<void> {
  const destination = forward.destination?.trim();
  if (!destination) {
    if (forward.enabled) throw badRequest(`${name}.destination is required when ${name} is enabled.`);
    return;
  }
  const party = await resolveDestination(ctx.store, { orgId: ctx.orgId, locationId: ctx.owner.locationId }, destination);
  if (!party || party.kind === 'feature') throw badRequest(`${name}.destination "${destination}" is not a valid forwarding destination.`);
  const whose = ctx.owner.kind === 'person' ? "person's" : ctx.owner.kind === 'workspace' ? "workspace's" : "virtual line's";
  if (party.kind === 'person' && party.personId === ctx.owner.id) throw badRequest(`${name}.destination cannot be the ${whose} own number or extension.`);
}
