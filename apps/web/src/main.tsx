import './app/zod-jitless.ts';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { AuthLayout } from './app/components/auth-layout.tsx';
import { FullPageLoader } from './app/components/full-page-loader.tsx';
import { Toasts } from './app/components/toasts.tsx';
import { QueryError } from './app/kit/index.ts';
import { queryClient } from './app/query-client.ts';
import { router } from './app/router.tsx';
import { SessionProvider } from './app/session.tsx';
import { cssVariablesResolver, theme } from './app/theme.ts';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Toasts />
      <QueryClientProvider client={queryClient}>
        <SessionProvider
          fallback={<FullPageLoader />}
          errorFallback={(error, retry) => (
            <AuthLayout title="Tandem is not reachable">
              <QueryError error={error} onRetry={retry} title="Could not load your session" />
            </AuthLayout>
          )}
        >
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
