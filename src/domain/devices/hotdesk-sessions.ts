import { randomUUID } from 'node:crypto';
import type { StoredHotdeskSession } from '../../store/hotdesk-sessions-store.ts';
import type { Store } from '../../store/store.ts';
import type { Clock } from '../clock.ts';
import { badRequest, notFound } from '../errors.ts';
import { personOf } from '../settings/settings-service.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import { callingWorkspaceOf } from '../workspaces/workspace-service.ts';
import { hotelingOf } from './device-hoteling.ts';
import type { HotDeskingService } from './hot-desking.ts';
import { profileLineIds } from './hot-desking-members.ts';

// Hot desk sessions: a Webex Calling user signed in as a guest to a workspace whose hot desking
// is on. The booking starts at sign-in on the server clock and lasts the workspace's hoteling
// guest limit (guestHoursLimit, when limitGuestUse) or else 8 hours, a working day; past its end
// the session is over and no longer listed. One session per workspace and one per person: a new
// sign-in ends the old ones. While a session lasts, the guest's calls ring the workspace too
// (shared-lines.ts).

/** A booking without the workspace's own guest limit lasts a working day. */
export const DEFAULT_BOOKING_HOURS = 8;

export const hotdeskSessionNotFound = () => notFound('Hot desk session not found.');
export const hotDeskingOff = () => badRequest('Hot desking is not enabled on this workspace.');
export const voicePortalSignInOff = (who: 'location' | 'person') =>
  badRequest(`Hot desking sign-in via the voice portal is disabled for this ${who} (voicePortalHotDeskSignInEnabled is false).`);

export type SessionFilter = { personId?: string; workspaceId?: string };

export class HotdeskSessionService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly hotDesking: HotDeskingService;

  constructor(store: Store, clock: Clock, hotDesking: HotDeskingService) {
    this.store = store;
    this.clock = clock;
    this.hotDesking = hotDesking;
  }

  /** Active sessions; a filter naming no person or workspace of the organization matches none. */
  async list(orgId: string, filter: SessionFilter): Promise<StoredHotdeskSession[]> {
    const personId = filter.personId === undefined ? undefined : decodeId(filter.personId, 'PEOPLE');
    const workspaceId = filter.workspaceId === undefined ? undefined : decodeId(filter.workspaceId, 'PLACE');
    if ((filter.personId !== undefined && !personId) || (filter.workspaceId !== undefined && !workspaceId)) return [];
    return this.store.hotdeskSessions.active(orgId, this.now(), { ...(personId ? { personId } : {}), ...(workspaceId ? { workspaceId } : {}) });
  }

  /** Ends an active session: the workspace stops ringing for the guest's lines. */
  async delete(orgId: string, publicId: string): Promise<void> {
    const id = decodeId(publicId, 'HOTDESK_SESSION');
    const session = id ? await this.store.hotdeskSessions.get(orgId, id) : undefined;
    if (!session || session.bookingEndTime <= this.now()) throw hotdeskSessionNotFound();
    await this.store.hotdeskSessions.delete(orgId, session.id);
  }

  /** The voice portal sign-in: both the workspace's location and the person must allow it. */
  async signIn(orgId: string, personPublicId: string, workspacePublicId: string): Promise<StoredHotdeskSession> {
    const person = await personOf(this.store, orgId, personPublicId);
    const workspace = await callingWorkspaceOf(this.store, orgId, workspacePublicId);
    if (workspace.hotdeskingStatus !== 'on') throw hotDeskingOff();
    const location = await this.hotDesking.get(orgId, 'location', encodeId('LOCATION', workspace.callingLocationId!));
    if (!location.voicePortalHotDeskSignInEnabled) throw voicePortalSignInOff('location');
    if (!(await this.hotDesking.get(orgId, 'person', personPublicId)).voicePortalHotDeskSignInEnabled) throw voicePortalSignInOff('person');
    const hoteling = await hotelingOf(this.store, orgId, 'workspace', workspace.id);
    const hours = hoteling.limitGuestUse && hoteling.guestHoursLimit !== undefined ? hoteling.guestHoursLimit : DEFAULT_BOOKING_HOURS;
    const start = this.clock.now();
    const session: StoredHotdeskSession = {
      id: randomUUID(),
      orgId,
      personId: person.id,
      workspaceId: workspace.id,
      bookingStartTime: start.toISOString(),
      bookingEndTime: new Date(start.getTime() + hours * 3_600_000).toISOString(),
    };
    await this.store.transaction((tx) => tx.hotdeskSessions.replace(session));
    return session;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

/** The workspaces where guests whose hot desking profile carries the line are signed in at `now`. */
export async function hotDeskWorkspacesOf(store: Store, orgId: string, lineId: string, now: Date): Promise<string[]> {
  const workspaces: string[] = [];
  for (const session of await store.hotdeskSessions.active(orgId, now.toISOString())) {
    if ((await profileLineIds(store, orgId, session.personId)).includes(lineId)) workspaces.push(session.workspaceId);
  }
  return workspaces;
}
