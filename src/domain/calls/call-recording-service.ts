import type { Store } from '../../store/store.ts';
import { personNotFound } from '../people/people-errors.ts';
import { decodeId } from '../webex-ids.ts';
import { parseRecordingSettings, updateRecordingSettings, type CallRecordingSettings, type CallRecordingUpdate } from './call-recording-settings.ts';

/** A person's call recording settings, which decide what the recording call controls may do. */
export class CallRecordingService {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  async get(orgId: string, personPublicId: string): Promise<CallRecordingSettings> {
    const person = await this.person(this.store, orgId, personPublicId);
    return parseRecordingSettings(await this.store.calls.recordingSettings(person.id));
  }

  async update(orgId: string, personPublicId: string, update: CallRecordingUpdate): Promise<void> {
    await this.store.transaction(async (tx) => {
      const person = await this.person(tx, orgId, personPublicId);
      const next = updateRecordingSettings(parseRecordingSettings(await tx.calls.recordingSettings(person.id)), update);
      await tx.calls.saveRecordingSettings(person.id, orgId, JSON.stringify(next));
    });
  }

  private async person(store: Store, orgId: string, publicId: string) {
    const id = decodeId(publicId, 'PEOPLE');
    const person = id ? await store.people.get(orgId, id) : undefined;
    if (!person) throw personNotFound();
    return person;
  }
}
