import { Anchor, AppShell, Badge, Button, Group, NavLink, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { LanguageSwitch } from '../shared/LanguageSwitch.js';
import { formatDateTime } from '../shared/format.js';
import { useEffect } from 'react';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { clearSession, expireSession, readSession } from '../auth/session.js';
import { useMe } from '../auth/use-me.js';
import { common } from '../i18n/common.js';
import { codeLabels } from '../i18n/codes.js';
import { useLanguage, useTexts } from '../i18n/i18n.js';
import { PageState } from '../shared/PageState.js';
import { visibleMenu } from './menu.js';
import { signOutOfProvider } from '../auth/oidc.js';
import { ReferralAlert } from '../features/referrals/ReferralAlert.js';
import { referralTexts } from '../features/referrals/texts.js';
import { useOverdueCount, useReferralNotifications } from '../features/referrals/use-referral-notifications.js';

/** The shell: who is signed in and until when, the language switch, sign-out, and the menu of what the role may do. */
export function AppLayout() {
  const t = useTexts(common);
  const k = useTexts(codeLabels);
  const { language } = useLanguage();
  const me = useMe();
  const location = useLocation();
  const session = readSession();
  const expiresAt = me.data?.expiresAt ?? session?.expiresAt;

  // At expiry the session ends by itself (back to sign-in, drafts kept), without waiting for a 401.
  useEffect(() => {
    if (!expiresAt) return;
    const timer = setTimeout(expireSession, Math.max(0, Date.parse(expiresAt) - Date.now()));
    return () => clearTimeout(timer);
  }, [expiresAt]);

  const menu = me.data ? visibleMenu(me.data.allowed) : [];
  // The receiving units (those with the referral queue in their menu) hear of new and overdue referrals anywhere.
  const receives = menu.some((entry) => entry.key === 'referrals');
  const notifications = useReferralNotifications(receives);
  const overdue = useOverdueCount(receives);
  const r = useTexts(referralTexts);
  const expiry = formatDateTime(expiresAt, language);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 232, breakpoint: 'sm' }} padding="md">
      <Anchor href="#main" className="skip-link">
        {t.skipToContent}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Title order={1} size="h4">
            {t.appName}
          </Title>
          <Group gap="sm" wrap="nowrap">
            {me.data && (
              <Text size="sm" data-testid="who">
                {k.roles[me.data.role]} · {me.data.departments.length ? me.data.departments.join(', ') : t.national}
              </Text>
            )}
            {expiry && (
              <Badge color="gray" variant="outline" data-testid="expiry" title={t.sessionExpires}>
                {t.sessionExpires} {expiry}
              </Badge>
            )}
            <LanguageSwitch />
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                clearSession();
                void signOutOfProvider();
              }}
            >
              {t.signOut}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t.menu}>
        <Stack gap={2}>
          {menu.map((entry) => (
            <NavLink
              key={entry.key}
              component={RouterLink}
              to={entry.path}
              label={t.nav[entry.key]}
              active={location.pathname.startsWith(entry.path)}
              variant="filled"
              rightSection={
                entry.key === 'referrals' && overdue.data ? (
                  <Badge color="red.8" variant="filled" size="sm" data-testid="overdue-count">
                    {overdue.data}
                    <VisuallyHidden> {r.overdueWord(overdue.data)}</VisuallyHidden>
                  </Badge>
                ) : undefined
              }
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {me.isError ? <PageState query={me} /> : <Outlet />}
      </AppShell.Main>
      {notifications.latest && (
        <ReferralAlert
          key={`${notifications.latest.referralId}:${notifications.latest.kind}`}
          notice={notifications.latest}
          onClose={notifications.dismiss}
        />
      )}
    </AppShell>
  );
}
