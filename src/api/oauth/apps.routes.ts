import { anyOf, ROLE_FULL_ADMIN } from '../../domain/auth/scopes.ts';
import type { AppService } from '../../domain/oauth/app-service.ts';
import type { AuthorizationService } from '../../domain/oauth/authorization-service.ts';
import { RedirectableError } from '../../domain/oauth/oauth-errors.ts';
import type { OAuthService } from '../../domain/oauth/oauth-service.ts';
import { forbidden } from '../../domain/errors.ts';
import { personNotFound } from '../../domain/people/people-errors.ts';
import { decodeId } from '../../domain/webex-ids.ts';
import { fullAdmin, principalOf } from '../../http/auth.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { presentApp, presentAuthorization } from './oauth.presenters.ts';
import { AuthorizeServiceApp, Consent, DeleteApp, GetApp, ListApps, ListOrgAuthorizations, RegisterApp } from './apps.schemas.ts';

// /sandbox/v1: what the Developer Portal and Control Hub do for apps: a full administrator's, its
// role checked with the scopes before the body is read, like every sandbox administration route.
const adminRead = fullAdmin(anyOf('spark-admin:people_read'));
const adminWrite = fullAdmin(anyOf('spark-admin:people_write'));

export function appRoutes(server: Server, deps: { apps: AppService; oauth: OAuthService; authorizations: AuthorizationService }): void {
  const { apps, oauth, authorizations } = deps;
  const appIdOf = (id: string) => decodeId(id, 'APPLICATION');

  server.post('/sandbox/v1/apps', { schema: RegisterApp, config: adminWrite }, async (request, reply) => {
    const { app, clientSecret } = await apps.register(principalOf(request), request.body);
    reply.code(201);
    return { ...presentApp(app), clientSecret };
  });

  server.get('/sandbox/v1/apps', { schema: ListApps, config: adminRead }, async (request) => ({
    items: (await apps.list(principalOf(request))).map(presentApp),
  }));

  server.get('/sandbox/v1/apps/:appId', { schema: GetApp, config: adminRead }, async (request) =>
    presentApp(await apps.get(principalOf(request), appIdOf(request.params.appId))),
  );

  server.delete('/sandbox/v1/apps/:appId', { schema: DeleteApp, config: adminWrite }, async (request, reply) => {
    await apps.delete(principalOf(request), appIdOf(request.params.appId));
    sendEmpty(reply, 204);
  });

  // By client ID, which the developer hands to administrators: the app may be another organization's.
  server.post('/sandbox/v1/authorizations', { schema: AuthorizeServiceApp, config: adminWrite }, async (request, reply) => {
    const { authorization, created } = await authorizations.authorizeServiceApp(principalOf(request), request.body.clientId);
    reply.code(created ? 201 : 200);
    return presentAuthorization(authorization);
  });

  server.get('/sandbox/v1/authorizations', { schema: ListOrgAuthorizations, config: adminRead }, async (request) => ({
    items: (await authorizations.listForOrg(principalOf(request))).map(presentAuthorization),
  }));

  // Any token consents for its own person; for another person it takes a full administrator.
  server.post('/sandbox/v1/authorize', { schema: Consent, config: { auth: 'token' } }, async (request) => {
    const principal = principalOf(request);
    const body = request.body;
    let personId = principal.personId;
    if (body.personId !== undefined) {
      const decoded = decodeId(body.personId, 'PEOPLE');
      if (!decoded) throw personNotFound();
      if (decoded !== principal.personId && !principal.roles.includes(ROLE_FULL_ADMIN)) {
        throw forbidden('Consenting for another person needs a full administrator of the organization.');
      }
      personId = decoded;
    }
    const params = {
      client_id: body.clientId,
      response_type: body.responseType ?? 'code',
      redirect_uri: body.redirectUri,
      scope: body.scope,
      state: body.state,
      code_challenge: body.codeChallenge,
      code_challenge_method: body.codeChallengeMethod,
    };
    let location: string;
    try {
      const checked = await oauth.checkAuthorize(params);
      location = await oauth.consent(checked, principal.orgId, personId, body.decision !== 'deny');
    } catch (error) {
      // What the page shows (AuthorizePageError) is a 400 here; the rest goes back as ?error=.
      if (!(error instanceof RedirectableError)) throw error;
      location = error.location;
    }
    const query = new URL(location).searchParams;
    return {
      location,
      ...(query.get('code') ? { code: query.get('code')! } : {}),
      ...(query.get('state') !== null ? { state: query.get('state')! } : {}),
      ...(query.get('error') ? { error: query.get('error')! } : {}),
    };
  });
}
