import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import { badRequest, WebexError } from '../../domain/errors.ts';
import type { AuthorizationService } from '../../domain/oauth/authorization-service.ts';
import { AuthorizePageError, OAuthError, RedirectableError } from '../../domain/oauth/oauth-errors.ts';
import { APPLICATIONS_TOKEN_SCOPE, TOKENS_READ_SCOPE, TOKENS_WRITE_SCOPE } from '../../domain/oauth/oauth-scopes.ts';
import { type AuthorizeParams, type AuthorizeRequest, type OAuthService } from '../../domain/oauth/oauth-service.ts';
import { decodeId } from '../../domain/webex-ids.ts';
import { personNotFound } from '../../domain/people/people-errors.ts';
import { principalOf, targetOrgId } from '../../http/auth.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { consentPage, errorPage } from './consent-page.ts';
import { presentAuthorization } from './oauth.presenters.ts';
import { AccessToken, Authorize, DeleteAuthorization, DeleteAuthorizationsOfClient, ListAuthorizations, ServiceAppToken, SubmitConsent, TokenExpiry } from './oauth.schemas.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes application/x-www-form-urlencoded bodies (the OAuth endpoints only). */
    form?: boolean;
  }
}

/** HTTP Basic client credentials (RFC 6749 2.3.1: each part form-urlencoded), if sent. */
function basicCredentials(request: FastifyRequest): { clientId: string; clientSecret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match) return undefined;
  const text = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return part;
    }
  };
  return { clientId: decode(text.slice(0, colon)), clientSecret: decode(text.slice(colon + 1)) };
}

/** The token endpoint answers RFC 6749's error body beside Webex's, whatever went wrong. */
function oauthErrorHandler(fallback: Server['errorHandler']) {
  return function (this: unknown, error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    const oauth =
      error instanceof OAuthError ? error
      : error.validation ? new OAuthError(400, 'invalid_request', `Invalid request: ${error.message}.`)
      : undefined;
    if (!oauth) return fallback.call(this as never, error, request, reply);
    for (const [name, value] of Object.entries(oauth.headers)) reply.header(name, value);
    reply.code(oauth.status).header('Cache-Control', 'no-store').send({
      error: oauth.error,
      error_description: oauth.message,
      message: oauth.message,
      errors: [{ description: oauth.message }],
      trackingId: request.id,
    });
  };
}

export function oauthRoutes(server: Server, deps: { oauth: OAuthService; authorizations: AuthorizationService }, options: { consentPage: boolean }): void {
  const { oauth, authorizations } = deps;

  // Form bodies are read for the OAuth endpoints only; every other route keeps answering 415.
  server.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (request, body, done) => {
    if (request.routeOptions.config?.form !== true) {
      return done(new WebexError(415, 'Unsupported media type: the request body must be JSON (Content-Type: application/json).'), undefined);
    }
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  if (options.consentPage) {
    // A browser (Accept: text/html) sees problems on a page; any other client gets Webex's error body.
    const wantsHtml = (request: FastifyRequest) => /text\/html/.test(request.headers.accept ?? '');
    const refuse = (request: FastifyRequest, reply: FastifyReply, error: WebexError, html: () => string) => {
      if (!wantsHtml(request)) throw error;
      return reply.code(error.status).send(html());
    };

    const showPage = async (request: FastifyRequest, reply: FastifyReply, params: AuthorizeParams, answer?: { personId?: string; decision?: string }) => {
      reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8');
      let checked: AuthorizeRequest;
      try {
        checked = await oauth.checkAuthorize(params);
      } catch (error) {
        if (error instanceof AuthorizePageError) return refuse(request, reply, error, () => errorPage(error.message, request.id));
        if (error instanceof RedirectableError) return reply.redirect(error.location, 302);
        throw error;
      }
      const people = () => oauth.signInChoices(checked);
      if (answer === undefined) return reply.send(consentPage(checked, await people()));
      if (answer.decision !== 'accept' && answer.decision !== 'deny') {
        const list = await people();
        return refuse(request, reply, badRequest('decision must be accept or deny.'), () => consentPage(checked, list, 'Choose Accept or Deny.'));
      }
      const personId = (answer.personId && decodeId(answer.personId, 'PEOPLE')) || undefined;
      try {
        return reply.redirect(await oauth.consent(checked, checked.app.orgId, personId, answer.decision === 'accept'), 302);
      } catch (error) {
        if (!(error instanceof WebexError) || error.status !== 404) throw error;
        const list = await people();
        return refuse(request, reply, badRequest('Choose a person of the organization to sign in as.'), () =>
          consentPage(checked, list, 'Choose a person of the organization to sign in as.'),
        );
      }
    };

    server.get('/v1/authorize', { schema: Authorize }, async (request, reply) => showPage(request, reply, request.query));

    server.post('/v1/authorize', { schema: SubmitConsent, config: { form: true } }, async (request, reply) => {
      const { personId, decision, ...params } = request.body ?? {};
      return showPage(request, reply, params, { personId, decision });
    });
  }

  server.post(
    '/v1/access_token',
    { schema: AccessToken, config: { form: true }, errorHandler: oauthErrorHandler(server.errorHandler) },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return oauth.token(request.body ?? {}, basicCredentials(request));
    },
  );

  server.post(
    '/v1/applications/:applicationId/token',
    { schema: ServiceAppToken, config: { auth: anyOf(APPLICATIONS_TOKEN_SCOPE) } },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      const { clientId, clientSecret, targetOrgId: orgId } = request.body;
      const issued = await authorizations.serviceAppToken(decodeId(request.params.applicationId, 'APPLICATION'), {
        clientId,
        clientSecret,
        targetOrgId: decodeId(orgId, 'ORGANIZATION'),
      });
      const { scope: _scope, ...pair } = issued;
      return pair;
    },
  );

  server.get('/v1/authorizations', { schema: ListAuthorizations, config: { auth: anyOf(TOKENS_READ_SCOPE, 'spark-admin:people_read') } }, async (request) => {
    const { personId, personEmail } = request.query;
    let id: string | undefined;
    if (personId !== undefined) {
      id = decodeId(personId, 'PEOPLE');
      if (!id) throw personNotFound();
    }
    const items = await authorizations.listForPerson(principalOf(request), { id, email: id === undefined ? personEmail : undefined });
    return { items: items.map(presentAuthorization) };
  });

  server.delete(
    '/v1/authorizations',
    { schema: DeleteAuthorizationsOfClient, config: { auth: anyOf(TOKENS_WRITE_SCOPE, 'spark-admin:people_write') } },
    async (request, reply) => {
      await authorizations.deleteForClient(targetOrgId(request, request.query.orgId), request.query.clientId);
      sendEmpty(reply, 204);
    },
  );

  server.get('/v1/authorizations/tokenExpiry', { schema: TokenExpiry, config: { auth: 'token' } }, async (request) => ({
    exp: authorizations.tokenExpiry(principalOf(request)),
  }));

  server.delete(
    '/v1/authorizations/:authorizationId',
    { schema: DeleteAuthorization, config: { auth: anyOf(TOKENS_WRITE_SCOPE, 'spark-admin:people_write') } },
    async (request, reply) => {
      await authorizations.delete(principalOf(request), decodeId(request.params.authorizationId, 'AUTHORIZATION'));
      sendEmpty(reply, 204);
    },
  );
}
