import { Alert, Button, Center, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { LanguageSwitch } from '../shared/LanguageSwitch.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client.js';
import { unwrap } from '../api/errors.js';
import { useTexts } from '../i18n/i18n.js';
import { errorMessage } from '../shared/PageState.js';
import { oidcManager } from './oidc.js';
import { lastEndReason, readSession, saveSession, type Session } from './session.js';
import { fetchMe, type Me } from './use-me.js';
import { landingPath, preloadScreen } from '../app/screens.js';
import type { paths } from '../api/schema.js';

const texts = {
  es: {
    title: 'Ingresar al Registro de Trata',
    local: 'Para ingresar use el enlace de un solo uso que le entregaron. Para uso local, genérelo con:',
    linkHint: 'El enlace vence a los 15 minutos y sirve una sola vez.',
    roles: 'Roles: operator, police, prosecutor, judiciary, protection, analyst, auditor, admin; --department DD limita a departamentos.',
    signingIn: 'Verificando el enlace…',
    provider: 'Ingresar con el proveedor de identidad',
    expired: 'Su sesión venció. Vuelva a ingresar: su borrador se conserva.',
    signedOut: 'Cerró su sesión. Los datos de esta pestaña se borraron.',
    failed: 'No se pudo ingresar',
    offline: 'Sin conexión con el registro.',
  },
  en: {
    title: 'Sign in to the Trafficking Registry',
    local: 'Sign in with the one-time link you were given. For local use, generate one with:',
    linkHint: 'The link expires after 15 minutes and works once.',
    roles: 'Roles: operator, police, prosecutor, judiciary, protection, analyst, auditor, admin; --department DD limits to departments.',
    signingIn: 'Checking the link…',
    provider: 'Sign in with the identity provider',
    expired: 'Your session expired. Sign in again: your draft is kept.',
    signedOut: 'You signed out. This tab’s data was cleared.',
    failed: 'Could not sign in',
    offline: 'No connection to the registry.',
  },
};

type AuthConfig = paths['/api/v1/auth/config']['get']['responses'][200]['content']['application/json'];

/**
 * Local mode: `npm run cli -- login-url --role R` prints `/sign-in#code=…`; the code (in the fragment, so it never
 * reaches a server log) is exchanged once for a session token. OIDC mode: the provider's code flow with PKCE.
 */
export function SignInPage() {
  const t = useTexts(texts);
  const navigate = useNavigate();
  const location = useLocation();
  const next = (location.state as { next?: string } | null)?.next ?? sessionStorage.getItem('rt.next') ?? '/';
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const started = useRef(false);
  // A link opened in a tab already on /sign-in changes only the fragment: no reload, so listen for it.
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onHash = () => {
      started.current = false;
      setFailure(null);
      setHash(window.location.hash);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const queryClient = useQueryClient();
  const config = useQuery({
    queryKey: ['auth-config'],
    queryFn: (): Promise<AuthConfig> => unwrap(api.GET('/api/v1/auth/config')),
  });

  const finish = async (session: Session) => {
    saveSession(session);
    sessionStorage.removeItem('rt.next');
    const me = await fetchMe(queryClient);
    const target = landingPath(next, me.allowed);
    preloadScreen(target);
    navigate(target, { replace: true });
  };

  // A local link's code is exchanged at once: only the local mode prints links (the API refuses otherwise).
  useEffect(() => {
    const code = new URLSearchParams(hash.slice(1)).get('code');
    if (started.current || !code) return;
    started.current = true;
    history.replaceState(null, '', '/sign-in'); // the code leaves the address bar and the history at once
    setBusy(true);
    unwrap(api.POST('/api/v1/auth/sign-in', { body: { code } }))
      .then(finish)
      .catch(setFailure)
      .finally(() => setBusy(false));
  }, [hash]);

  useEffect(() => {
    if (started.current || !config.data) return;
    const search = new URLSearchParams(window.location.search);
    if (config.data.mode === 'oidc' && config.data.oidc && search.has('code') && search.has('state')) {
      started.current = true;
      setBusy(true);
      void (async () => {
        const users = await oidcManager(config.data.oidc!);
        const user = await users.signinRedirectCallback();
        const me = await fetch('/api/v1/me', { headers: { Authorization: `Bearer ${user.access_token}` } });
        if (!me.ok) throw new Error(`${me.status}`);
        const who = (await me.json()) as Me;
        await finish({
          token: user.access_token,
          expiresAt: who.expiresAt,
          role: who.role,
          departments: who.departments,
          subject: who.subject,
        });
      })()
        .catch(setFailure)
        .finally(() => setBusy(false));
    }
  }, [config.data, hash]);

  if (readSession() && !busy) return <Navigate to="/" replace />;
  const reason = lastEndReason();
  const oidc = config.data?.mode === 'oidc' ? config.data.oidc : null;
  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="xl" maw={560} w="100%">
        <Stack>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Title order={1} size="h2">
              {t.title}
            </Title>
            <LanguageSwitch />
          </Group>
          {reason === 'expired' && (
            <Alert color="yellow" role="status">
              {t.expired}
            </Alert>
          )}
          {reason === 'signed-out' && (
            <Alert color="gray" role="status">
              {t.signedOut}
            </Alert>
          )}
          {failure !== null && (
            <Alert color="red" title={t.failed} role="alert">
              {errorMessage(failure, t.offline)}
            </Alert>
          )}
          {busy && <Text aria-live="polite">{t.signingIn}</Text>}
          {oidc && (
            <Button
              onClick={() => {
                sessionStorage.setItem('rt.next', next);
                void oidcManager(oidc).then((users) => users.signinRedirect());
              }}
            >
              {t.provider}
            </Button>
          )}
          {config.data?.mode === 'local' && !busy && (
            <>
              <Text>{t.local}</Text>
              <Code block>{'npm run cli -- login-url --role operator\nnpm run cli -- login-url --role police --department 08'}</Code>
              <Text size="sm">{t.roles}</Text>
              <Text size="sm" c="dimmed">
                {t.linkHint}
              </Text>
            </>
          )}
          {config.isError && (
            <Alert color="red" role="alert">
              {errorMessage(config.error, t.offline)}
            </Alert>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
