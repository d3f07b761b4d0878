import type { AuthorizeRequest } from '../../domain/oauth/oauth-service.ts';
import type { Person } from '../../store/store.ts';
import { encodeId } from '../../domain/webex-ids.ts';

// The sign-in and consent page of GET /v1/authorize, rendered on the server: no script, one form.
// A sandbox has no passwords, so signing in is choosing who you are among the organization's
// people. Every value is escaped; the hidden fields repeat the request, which POST checks again.

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1f24}
h1{font-size:1.4rem}ul{padding-left:1.2rem}code{background:#eef1f4;padding:0 .25rem;border-radius:3px}
label{display:block;margin:1rem 0 .25rem;font-weight:600}select{width:100%;padding:.4rem;font-size:1rem}
.buttons{display:flex;gap:.75rem;margin-top:1.5rem}button{padding:.55rem 1.2rem;font-size:1rem;border-radius:6px;border:1px solid #8a94a0;background:#fff;cursor:pointer}
button[value=accept]{background:#0a6ed1;border-color:#0a6ed1;color:#fff}.error{background:#fde8e8;border:1px solid #e0a3a3;padding:.75rem 1rem;border-radius:6px}
small{color:#5b6570}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escape(title)} · Callplane</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** A request Callplane will not redirect anywhere: the reason, on the page. */
export function errorPage(message: string, trackingId: string): string {
  return page(
    'Authorization failed',
    `<h1>This app cannot sign you in</h1><p class="error" role="alert">${escape(message)}</p>` +
      `<p>Tell the app's developer. Callplane only sends you back to an address the app registered.</p><p><small>TrackingID ${escape(trackingId)}</small></p>`,
  );
}

/** The form of the sign-in and consent page. */
export function consentPage(request: AuthorizeRequest, people: readonly Person[], error?: string): string {
  const hidden = {
    client_id: request.app.clientId,
    response_type: 'code',
    redirect_uri: request.redirectUri,
    scope: request.scopes.join(' '),
    state: request.state,
    code_challenge: request.codeChallenge ?? undefined,
    code_challenge_method: request.codeChallenge ? 'S256' : undefined,
  };
  const fields = Object.entries(hidden)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value!)}">`)
    .join('');
  const options = people
    .map((p) => `<option value="${escape(encodeId('PEOPLE', p.id))}">${escape(p.displayName)} (${escape(p.email)})</option>`)
    .join('');
  const scopes = request.scopes.map((s) => `<li><code>${escape(s)}</code></li>`).join('');
  return page(
    `Sign in to ${request.app.name}`,
    `<h1>Sign in to <span id="app-name">${escape(request.app.name)}</span></h1>` +
      (error ? `<p class="error" role="alert">${escape(error)}</p>` : '') +
      `<form method="post" action="/v1/authorize">${fields}` +
      `<label for="person">Sign in as</label><select id="person" name="personId" required>${options}</select>` +
      `<p>The app asks to:</p><ul id="scopes">${scopes}</ul>` +
      `<p><small>Scopes your roles do not allow are left out of the token. You return to <code>${escape(request.redirectUri)}</code>.</small></p>` +
      `<div class="buttons"><button type="submit" name="decision" value="accept">Accept</button>` +
      `<button type="submit" name="decision" value="deny">Deny</button></div></form>`,
  );
}
