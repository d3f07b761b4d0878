import type { Store } from '../../store/store.ts';
import { personNotFound } from '../people/people-errors.ts';
import { decodeId } from '../webex-ids.ts';
import { virtualLineOf } from '../virtual-lines/virtual-line-service.ts';
import { callingWorkspaceOf } from '../workspaces/workspace-service.ts';
import { parseRecordingSettings, updateRecordingSettings, type CallRecordingSettings, type CallRecordingUpdate } from './call-recording-settings.ts';

/**
 * Whose recording settings: a person's, a virtual line's or a workspace's, stored by the line's ID
 * either way, which is how the call engine's policies find them (every line is a person party).
 */
export type RecordingOwnerKind = 'person' | 'virtualLine' | 'workspace';

/** A person's (or virtual line's, workspace's) call recording settings, which decide what the recording call controls may do. */
export class CallRecordingService {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  async get(orgId: string, personPublicId: string, kind: RecordingOwnerKind = 'person'): Promise<CallRecordingSettings> {
    const person = await this.owner(this.store, orgId, personPublicId, kind);
    return parseRecordingSettings(await this.store.calls.recordingSettings(person.id));
  }

  async update(orgId: string, personPublicId: string, update: CallRecordingUpdate, kind: RecordingOwnerKind = 'person'): Promise<void> {
    await this.store.transaction(async (tx) => {
      const person = await this.owner(tx, orgId, personPublicId, kind);
      const next = updateRecordingSettings(parseRecordingSettings(await tx.calls.recordingSettings(person.id)), update);
      await tx.calls.saveRecordingSettings(person.id, orgId, JSON.stringify(next));
    });
  }

  private async owner(store: Store, orgId: string, publicId: string, kind: RecordingOwnerKind): Promise<{ id: string }> {
    if (kind === 'virtualLine') return virtualLineOf(store, orgId, publicId);
    if (kind === 'workspace') return callingWorkspaceOf(store, orgId, publicId);
    const id = decodeId(publicId, 'PEOPLE');
    const person = id ? await store.people.get(orgId, id) : undefined;
    if (!person) throw personNotFound();
    return person;
  }
}
