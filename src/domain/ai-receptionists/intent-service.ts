import { randomUUID } from 'node:crypto';
import type { StoredIntent } from '../../store/ai-receptionists-store.ts';
import type { Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest } from '../errors.ts';
import { decodeId } from '../webex-ids.ts';
import { findAiReceptionist } from './ai-receptionist-service.ts';
import { checkName, intentNameInUse, intentNotFound } from './ai-receptionist-rules.ts';
import { checkTransferTo, describeTarget, type TransferToInput } from './transfer-targets.ts';

// An AI receptionist's intents: what a caller may ask for (name, description: what the agent
// listens for) and where the receptionist then transfers the call. Names are unique per
// receptionist; intents keep the order they were made in.

export type IntentInput = { name?: string; description?: string; transferTo?: TransferToInput };

export type IntentView = StoredIntent & { target: Awaited<ReturnType<typeof describeTarget>> };

const checkDescription = (value: unknown): string => {
  if (typeof value !== 'string' || value.trim() === '') throw badRequest('description is required.');
  if (value.length > 1024) throw badRequest('description holds at most 1024 characters.');
  return value;
};

export class IntentService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, locationPublicId: string, receptionistPublicId: string): Promise<IntentView[]> {
    const { receptionist } = await findAiReceptionist(this.store, orgId, locationPublicId, receptionistPublicId);
    const intents = await this.store.aiReceptionists.intents(orgId, receptionist.id);
    return Promise.all(intents.map(async (i) => ({ ...i, target: await describeTarget(this.store, orgId, i.transferTo) })));
  }

  async create(orgId: string, locationPublicId: string, receptionistPublicId: string, input: IntentInput): Promise<StoredIntent> {
    return this.store.transaction(async (tx) => {
      const { receptionist } = await findAiReceptionist(tx, orgId, locationPublicId, receptionistPublicId);
      const intent: StoredIntent = {
        id: randomUUID(),
        orgId,
        aiReceptionistId: receptionist.id,
        name: await checkIntentName(tx, orgId, receptionist.id, input.name, undefined),
        description: checkDescription(input.description),
        transferTo: await checkTransferTo(tx, orgId, input.transferTo, 'transferTo'),
        created: timestamp(this.clock),
      };
      await tx.aiReceptionists.insertIntent(intent);
      return intent;
    });
  }

  async get(orgId: string, locationPublicId: string, receptionistPublicId: string, intentPublicId: string): Promise<IntentView> {
    const intent = await this.find(this.store, orgId, locationPublicId, receptionistPublicId, intentPublicId);
    return { ...intent, target: await describeTarget(this.store, orgId, intent.transferTo) };
  }

  async update(orgId: string, locationPublicId: string, receptionistPublicId: string, intentPublicId: string, input: IntentInput): Promise<void> {
    await this.store.transaction(async (tx) => {
      const intent = await this.find(tx, orgId, locationPublicId, receptionistPublicId, intentPublicId);
      await tx.aiReceptionists.updateIntent({
        ...intent,
        ...(input.name !== undefined ? { name: await checkIntentName(tx, orgId, intent.aiReceptionistId, input.name, intent.id) } : {}),
        ...(input.description !== undefined ? { description: checkDescription(input.description) } : {}),
        ...(input.transferTo !== undefined ? { transferTo: await checkTransferTo(tx, orgId, input.transferTo, 'transferTo') } : {}),
      });
    });
  }

  async delete(orgId: string, locationPublicId: string, receptionistPublicId: string, intentPublicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const intent = await this.find(tx, orgId, locationPublicId, receptionistPublicId, intentPublicId);
      await tx.aiReceptionists.deleteIntent(orgId, intent.id);
    });
  }

  private async find(store: Store, orgId: string, locationPublicId: string, receptionistPublicId: string, intentPublicId: string): Promise<StoredIntent> {
    const { receptionist } = await findAiReceptionist(store, orgId, locationPublicId, receptionistPublicId);
    const id = decodeId(intentPublicId, 'INTENT');
    const intent = id === undefined ? undefined : (await store.aiReceptionists.intents(orgId, receptionist.id)).find((i) => i.id === id);
    if (!intent) throw intentNotFound();
    return intent;
  }
}

async function checkIntentName(tx: Store, orgId: string, receptionistId: string, value: string | undefined, self: string | undefined): Promise<string> {
  const name = checkName(value ?? '');
  const namesake = (await tx.aiReceptionists.intents(orgId, receptionistId)).find((i) => i.name.toLowerCase() === name.toLowerCase() && i.id !== self);
  if (namesake) throw intentNameInUse(name);
  return name;
}
