import type { ReceptionistContactService } from '../../domain/receptionist-contacts/receptionist-contacts-service.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { telephonyConfig } from '../telephony-config.ts';
import { presentContact, presentDirectory } from './receptionist-contacts.presenters.ts';
import { CreateDirectory, DeleteDirectory, GetDirectory, ListDirectories, ModifyDirectory } from './receptionist-contacts.schemas.ts';

const { read, write } = telephonyConfig;

const DIRECTORIES = '/v1/telephony/config/locations/:locationId/receptionistContacts/directories';
const DIRECTORY = `${DIRECTORIES}/:directoryId`;

export function receptionistContactRoutes(server: Server, deps: { receptionistContacts: ReceptionistContactService }): void {
  const service = deps.receptionistContacts;

  // Webex answers 200 here, not the 201 of most create operations.
  server.post(DIRECTORIES, { schema: CreateDirectory, config: write }, async (request) => {
    const orgId = request.orgId;
    const directory = await service.create(orgId, request.params.locationId, request.body);
    return { id: presentDirectory(directory).id };
  });

  server.get(DIRECTORIES, { schema: ListDirectories, config: read }, async (request) => {
    const orgId = request.orgId;
    return { directories: (await service.list(orgId, request.params.locationId)).map(presentDirectory) };
  });

  server.get(DIRECTORY, { schema: GetDirectory, config: read }, async (request) => {
    const { orgId: _orgId, ...query } = request.query;
    const orgId = request.orgId;
    const contacts = await service.contacts(orgId, request.params.locationId, request.params.directoryId, query);
    return { contacts: contacts.map(presentContact) };
  });

  server.put(DIRECTORY, { schema: ModifyDirectory, config: write }, async (request) => {
    const orgId = request.orgId;
    const directory = await service.replace(orgId, request.params.locationId, request.params.directoryId, request.body);
    return { id: presentDirectory(directory).id };
  });

  server.delete(DIRECTORY, { schema: DeleteDirectory, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await service.delete(orgId, request.params.locationId, request.params.directoryId);
    sendEmpty(reply, 204);
  });
}
