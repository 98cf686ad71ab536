import './app/zod-jitless.ts';
import './app/styles-first.css';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { AuthLayout } from './app/components/auth-layout.tsx';
import { FullPageLoader } from './app/components/full-page-loader.tsx';
import { ToastsHost } from './app/components/toasts-host.tsx';
import { QueryError } from './app/kit/index.ts';
import { queryClient } from './app/query-client.ts';
import { router } from './app/router.tsx';
import { sessionQuery } from './app/session-query.ts';
import { SessionProvider } from './app/session.tsx';
import { cssVariablesResolver, theme } from './app/theme.ts';
import { setupStatusQuery } from './modules/auth/index.ts';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

// The first answers are asked for before React renders, side by side: who is signed in, and whether Tandem still
// needs its first admin (the root page, sign-in and setup ask). index.html preloads both, so they are usually here
// by now; the first render waits for them (at most a moment), so that it draws the page and not a loader first.
const firstAnswers = Promise.allSettled([queryClient.prefetchQuery(sessionQuery), queryClient.prefetchQuery(setupStatusQuery)]);
await Promise.race([firstAnswers, new Promise((resolve) => setTimeout(resolve, 400))]);

const app = (
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <ToastsHost />
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
  </StrictMode>
);

// A transition: React renders the first page in slices, yielding to the browser between them.
startTransition(() => createRoot(root).render(app));
