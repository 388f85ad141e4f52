import type { UserManager } from 'oidc-client-ts';

/**
 * With an identity provider (GET /auth/config says mode "oidc"), sign-in is the authorization-code flow with PKCE
 * through oidc-client-ts, its state kept in sessionStorage. The library is loaded only in that mode.
 */
export interface OidcSettings {
  authority: string;
  clientId: string;
  scope: string;
}

let manager: Promise<UserManager> | null = null;

export function oidcManager(settings: OidcSettings): Promise<UserManager> {
  manager ??= import('oidc-client-ts').then(
    ({ UserManager, WebStorageStateStore }) =>
      new UserManager({
        authority: settings.authority,
        client_id: settings.clientId,
        redirect_uri: `${window.location.origin}/sign-in`,
        post_logout_redirect_uri: `${window.location.origin}/sign-in`,
        response_type: 'code',
        scope: settings.scope,
        userStore: new WebStorageStateStore({ store: window.sessionStorage }),
        stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
      }),
  );
  return manager;
}

/** Ends the provider's session too, when there is one; local sessions only clear the tab (done by the caller). */
export async function signOutOfProvider(): Promise<void> {
  if (!manager) return;
  const users = await manager;
  await users.removeUser();
  await users.signoutRedirect().catch(() => undefined);
}
