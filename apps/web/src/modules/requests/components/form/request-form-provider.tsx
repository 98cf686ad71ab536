import { Component, lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { notifyError } from '../../../../app/components/notify.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { RequestFormContext, type RequestFormPrefill } from './request-form-context.ts';

// The form is its own chunk, fetched the first time it opens (the shell's first load stays small).
const RequestFormModal = lazy(async () => ({ default: (await import('./request-form-modal.tsx')).RequestFormModal }));

/** If the form cannot load or render, say so and close it instead of taking the page down with it. */
class FormBoundary extends Component<{ children: ReactNode; onError: () => void }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    const gone = /dynamically imported module|Importing a module script failed/i.test(String((error as Error)?.message ?? error));
    notifyError(gone ? new Error('Tandem was updated since this tab was opened. Reload the page to file a request.') : error, 'The request form could not open');
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
  prefill: RequestFormPrefill;
}

/** Holds the request form for the workspace shell: `useRequestForm().open({ dealId })` opens it from any page. */
export function RequestFormProvider({ children }: { children: ReactNode }) {
  const ws = useWorkspace();
  const canFile = ws.can('requests.create');
  const [state, setState] = useState<OpenState | null>(null);
  const open = useCallback(
    (prefill: RequestFormPrefill = {}) => {
      if (!canFile) return;
      setState((s) => ({ key: (s?.key ?? 0) + 1, opened: true, prefill }));
    },
    [canFile],
  );
  const close = useCallback(() => setState((s) => (s ? { ...s, opened: false } : s)), []);
  // A link followed from the form (a similar request, the one just filed) leaves it behind.
  const { pathname } = useLocation();
  const [shownOn, setShownOn] = useState(pathname);
  if (shownOn !== pathname) {
    setShownOn(pathname);
    if (state?.opened) setState({ ...state, opened: false });
  }
  const value = useMemo(() => ({ open, canFile }), [open, canFile]);
  return (
    <RequestFormContext.Provider value={value}>
      {children}
      {state && (
        <FormBoundary key={state.key} onError={close}>
          <Suspense fallback={null}>
            <RequestFormModal opened={state.opened} prefill={state.prefill} onClose={close} />
          </Suspense>
        </FormBoundary>
      )}
    </RequestFormContext.Provider>
  );
}
