import type { ReceptionistContactService } from '../../domain/receptionist-contacts/receptionist-contacts-service.ts';
import type { Server } from '../../http/types.ts';

export function receptionistContactRoutes(_server: Server, _deps: { receptionistContacts: ReceptionistContactService }): void {}
