import { MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { onSessionChange } from '../auth/session.js';
import { LanguageProvider, useLanguage } from '../i18n/i18n.js';
import { AppRoutes } from './AppRoutes.js';
import { cssVariablesResolver, theme } from './theme.js';
import { ApiError } from '../api/errors.js';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; a dropped connection might.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      refetchOnWindowFocus: true,
    },
  },
});

export function App() {
  // Nothing read while signed in stays in memory after sign-out or expiry.
  useEffect(
    () =>
      onSessionChange((session) => {
        if (!session) queryClient.clear();
      }),
    [],
  );
  return (
    <LanguageProvider>
      <ThemedProvider>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </ThemedProvider>
    </LanguageProvider>
  );
}

/** The theme, plus the one label Mantine draws itself: a notification's close button needs a name (axe, WCAG 4.1.2). */
function ThemedProvider({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  const themed = useMemo(
    () =>
      mergeThemeOverrides(theme, {
        components: {
          Notification: { defaultProps: { closeButtonProps: { 'aria-label': language === 'es' ? 'Cerrar aviso' : 'Close notice' } } },
        },
      }),
    [language],
  );
  return (
    <MantineProvider theme={themed} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}
