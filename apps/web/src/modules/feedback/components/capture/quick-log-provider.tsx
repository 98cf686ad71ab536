import { Component, lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { useHotkeys } from '@mantine/hooks';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { DealDetail } from '@tandem/contracts';
import { notifyError } from '../../../../app/components/notify.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { dealsKey } from '../../../deals/index.ts';
import { QUICK_LOG_KEY, QuickLogContext, type QuickLogPrefill } from './quick-log-context.ts';

// The form is its own chunk (kept out of the first load) and fetched once the shell is idle,
// so pressing L opens it at once.
const loadModal = () => import('./quick-log-modal.tsx');
const QuickLogModal = lazy(async () => ({ default: (await loadModal()).QuickLogModal }));

/**
 * The form sits above the pages' error boundary: if it cannot load (a chunk gone after a deploy) or render, say so
 * in a notification and close it, instead of the whole workspace giving way to an error page.
 */
class QuickLogBoundary extends Component<{ children: ReactNode; onError: () => void }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    const gone = /dynamically imported module|Importing a module script failed/i.test(String((error as Error)?.message ?? error));
    notifyError(gone ? new Error('Tandem was updated since this tab was opened. Reload the page to log feedback.') : error, 'The feedback form could not open');
    this.props.onError();
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

interface OpenState {
  /** Changes on every opening, so each one starts with a fresh form. */
  key: number;
  opened: boolean;
  prefill: QuickLogPrefill;
}

/** Whether a key press belongs to something else: a field, a menu, an open dialog. */
function busyElsewhere(e: KeyboardEvent): boolean {
  if (e.repeat || e.defaultPrevented) return true;
  const target = e.target instanceof Element ? e.target : null;
  if (target?.closest('[role="dialog"], [role="listbox"], [role="menu"], [contenteditable="true"]')) return true;
  return !!document.querySelector('[role="dialog"][aria-modal="true"]');
}

/**
 * On a deal's or an account's page, L logs feedback about that record: the deal (and the
 * account the page already loaded for it), or the account.
 */
function recordOnPage(pathname: string, slug: string, queryClient: QueryClient): QuickLogPrefill {
  const m = /^\/w\/[^/]+\/(deals|accounts)\/([0-9a-f-]{36})\/?$/i.exec(pathname);
  if (!m) return {};
  if (m[1] === 'accounts') return { accountId: m[2] };
  const deal = queryClient.getQueryData<DealDetail>([...dealsKey(slug), 'deal', m[2]]);
  return { dealId: m[2], accountId: deal?.account?.id };
}

/** Holds the quick-log form for the workspace shell: `useQuickLog().open()` and the L key open it. */
export function QuickLogProvider({ children }: { children: ReactNode }) {
  const ws = useWorkspace();
  const canLog = ws.can('feedback.write');
  const [state, setState] = useState<OpenState | null>(null);
  const { pathname } = useLocation();
  const queryClient = useQueryClient();

  const open = useCallback(
    (prefill: QuickLogPrefill = {}) => {
      if (!canLog) return;
      setState((s) => ({ key: (s?.key ?? 0) + 1, opened: true, prefill }));
    },
    [canLog],
  );
  /** The header's button and the L key: about the deal or account on screen, if any. */
  const openHere = useCallback(() => open(recordOnPage(pathname, ws.slug, queryClient)), [open, pathname, ws.slug, queryClient]);
  const close = useCallback(() => setState((s) => (s ? { ...s, opened: false } : s)), []);

  useHotkeys([
    [
      QUICK_LOG_KEY.toLowerCase(),
      (e) => {
        if (busyElsewhere(e) || !canLog) return;
        e.preventDefault(); // the L must not land in the form's text once it has focus
        openHere();
      },
      { preventDefault: false },
    ],
  ]);

  useEffect(() => {
    if (!canLog) return;
    // Loaded ahead so L opens at once; a failure here is reported when the form is actually opened.
    const timer = window.setTimeout(() => void loadModal().catch(() => undefined), 1500);
    return () => window.clearTimeout(timer);
  }, [canLog]);

  const value = useMemo(() => ({ open, openHere, canLog }), [open, openHere, canLog]);
  return (
    <QuickLogContext.Provider value={value}>
      {children}
      {state && (
        <QuickLogBoundary key={state.key} onError={close}>
          <Suspense fallback={null}>
            <QuickLogModal opened={state.opened} prefill={state.prefill} onClose={close} />
          </Suspense>
        </QuickLogBoundary>
      )}
    </QuickLogContext.Provider>
  );
}
