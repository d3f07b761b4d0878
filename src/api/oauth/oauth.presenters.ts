import { encodeId } from '../../domain/webex-ids.ts';
import type { AuthorizationView, OAuthApp } from '../../store/oauth-store.ts';

export function presentApp(app: OAuthApp) {
  return {
    id: encodeId('APPLICATION', app.id),
    type: app.type,
    name: app.name,
    clientId: app.clientId,
    redirectUris: app.redirectUris,
    scopes: app.scopes,
    orgId: encodeId('ORGANIZATION', app.orgId),
    createdBy: encodeId('PEOPLE', app.createdBy),
    created: app.created,
  };
}

/** One authorization as Webex lists it: the refresh authorization that makes access tokens. */
export function presentAuthorization(a: AuthorizationView) {
  return {
    id: encodeId('AUTHORIZATION', a.id),
    applicationId: encodeId('APPLICATION', a.appId),
    applicationName: a.appName,
    personId: encodeId('PEOPLE', a.personId),
    clientId: a.clientId,
    created: a.created,
    type: 'refresh',
  };
}
