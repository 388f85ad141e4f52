import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { BrowserRouter } from 'react-router';
import { onSessionChange } from '../auth/session.js';
import { LanguageProvider } from '../i18n/i18n.js';
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
  useEffect(() => onSessionChange((session) => { if (!session) queryClient.clear(); }), []);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <LanguageProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </LanguageProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
