import type { FastifyReply } from 'fastify';

/** Answers a status with no body at all: Fastify would write `null` for a null payload. */
export function sendEmpty(reply: FastifyReply<any, any, any, any, any, any, any, any>, status: number): void {
  reply.code(status).send();
}
