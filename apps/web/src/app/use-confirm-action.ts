import { useState } from 'react';
import { errorMessage } from './api-error.ts';

/**
 * An action on one item that asks first (revoke, delete, deactivate): `ask(item)` opens
 * the confirmation, `modal` goes to <ConfirmModal>, which closes on success and shows
 * the error otherwise.
 */
export function useConfirmAction<T>(action: (item: T) => Promise<void>) {
  const [target, setTarget] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    if (target === null) return;
    setBusy(true);
    setError(null);
    try {
      await action(target);
      setTarget(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function close() {
    setTarget(null);
    setError(null);
  }

  return {
    /** The item waiting for confirmation. */
    target,
    ask: (item: T) => setTarget(item),
    modal: { opened: target !== null, loading: busy, error, onConfirm: () => void confirm(), onClose: close },
  };
}
