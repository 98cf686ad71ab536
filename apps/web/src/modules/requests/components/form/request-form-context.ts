import { createContext, useContext } from 'react';

/** What the request form starts with: a deal already linked (opened from a deal page). */
export interface RequestFormPrefill {
  dealId?: string;
}

export interface RequestFormContextValue {
  /** Opens the form; nothing happens for someone who may not file requests. */
  open: (prefill?: RequestFormPrefill) => void;
  canFile: boolean;
}

export const RequestFormContext = createContext<RequestFormContextValue | null>(null);

/** Opens the request form from anywhere inside the workspace shell (`open({ dealId })` from a deal page). */
export function useRequestForm(): RequestFormContextValue {
  const ctx = useContext(RequestFormContext);
  if (!ctx) throw new Error('useRequestForm outside RequestFormProvider');
  return ctx;
}
