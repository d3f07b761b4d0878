import type { FastifyRequest } from 'fastify';
import type { MyLine, SecondaryLineService } from '../../domain/for-me/secondary-lines.ts';
import { principalOf } from '../../http/auth.ts';

/**
 * The line a Call Settings For Me request acts on: the token's own person's, or on a secondary
 * line path the line owner's (Cisco's paths spell the parameter lineOwnerId or lineownerId).
 */
export function myLine(lines: SecondaryLineService, request: FastifyRequest): Promise<MyLine> {
  const principal = principalOf(request);
  const params = (request.params ?? {}) as { lineOwnerId?: string; lineownerId?: string };
  return lines.lineOf(principal.orgId, principal.personId, params.lineOwnerId ?? params.lineownerId);
}
