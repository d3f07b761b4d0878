import { Type } from 'typebox';
import { WebexError } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import type { Server } from '../../http/types.ts';

const Health = {
  summary: 'Health check',
  description: 'Answers 200 once the store is migrated and answering; 503 when the store does not answer.',
  tags: ['Callplane'],
  response: { 200: Type.Object({ status: Type.Literal('ok') }) },
};

export function healthRoutes(server: Server, deps: { store: Store }): void {
  server.get('/healthz', { schema: Health }, async () => {
    try {
      await deps.store.ping();
    } catch {
      throw new WebexError(503, 'The store does not answer.');
    }
    return { status: 'ok' as const };
  });
}
