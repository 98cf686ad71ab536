import { createContext, useContext } from 'react';
import type { FeedbackItem } from '@tandem/contracts';

/**
 * What the quick-log form starts with when opened from a record: the deal (and its account),
 * or an account; or an item of one's own, to edit it.
 */
export interface QuickLogPrefill {
  dealId?: string;
  accountId?: string;
  item?: FeedbackItem;
}

export interface QuickLogContextValue {
  /** Opens the form; false when the person may not log feedback (then there is nothing to open). */
  open: (prefill?: QuickLogPrefill) => void;
  /** Opens it about the deal or account whose page is on screen, if any. */
  openHere: () => void;
  canLog: boolean;
}

export const QuickLogContext = createContext<QuickLogContextValue | null>(null);

/** Opens the quick-log form from anywhere inside the workspace shell. */
export function useQuickLog(): QuickLogContextValue {
  const ctx = useContext(QuickLogContext);
  if (!ctx) throw new Error('useQuickLog outside QuickLogProvider');
  return ctx;
}

/** The one key that opens the form, shown wherever the form can be opened. */
export const QUICK_LOG_KEY = 'L';
