import { FEEDBACK_KINDS, type FeedbackKind, type FeedbackSource } from '@tandem/contracts';
import type { QuickLogPrefill } from './quick-log-context.ts';

/** What a rep picks from; an imported or API item keeps its own source when edited. */
export const SOURCES = ['call', 'email', 'meeting', 'crm_note'] as const;
type LogSource = (typeof SOURCES)[number];

/** The form's fields, named as the API names them so its refusals land on the right one. */
export const FIELDS = ['kind', 'text', 'quote', 'dealId', 'accountId', 'competitor', 'source', 'sameAsId'] as const;

export type QuickLogValues = {
  kind: FeedbackKind;
  text: string;
  quote: string;
  dealId: string | null;
  accountId: string | null;
  competitor: string;
  source: FeedbackSource;
  sameAsId: string | null;
};

/** The kind and source of the rep's last item: most reps log the same sort of thing from the same place. */
const LAST_KEY = 'tandem.feedback.last';

function remembered(): { kind: FeedbackKind; source: LogSource } {
  try {
    const raw = JSON.parse(localStorage.getItem(LAST_KEY) ?? '{}') as { kind?: string; source?: string };
    return {
      kind: (FEEDBACK_KINDS as readonly string[]).includes(raw.kind ?? '') ? (raw.kind as FeedbackKind) : 'pain_point',
      source: (SOURCES as readonly string[]).includes(raw.source ?? '') ? (raw.source as LogSource) : 'call',
    };
  } catch {
    return { kind: 'pain_point', source: 'call' };
  }
}

export function remember(kind: FeedbackKind, source: FeedbackSource) {
  try {
    localStorage.setItem(LAST_KEY, JSON.stringify({ kind, source }));
  } catch {
    // private mode: nothing to remember with
  }
}

/** An item being edited as it is; a new one with the last kind and source and the record it was opened from. */
export function initialValues(prefill: QuickLogPrefill): QuickLogValues {
  const item = prefill.item;
  if (item) {
    return {
      kind: item.kind,
      text: item.text,
      quote: item.quote ?? '',
      dealId: item.deal?.id ?? null,
      accountId: item.account?.id ?? null,
      competitor: item.competitor ?? '',
      source: item.source,
      sameAsId: null,
    };
  }
  const last = remembered();
  return {
    kind: last.kind,
    text: '',
    quote: '',
    dealId: prefill.dealId ?? null,
    accountId: prefill.accountId ?? null,
    competitor: '',
    source: last.source,
    sameAsId: null,
  };
}

/** A new item: blanks are left out. */
export const createInput = (v: QuickLogValues) => ({
  kind: v.kind,
  text: v.text,
  quote: v.quote.trim() || undefined,
  dealId: v.dealId ?? undefined,
  accountId: v.accountId ?? undefined,
  competitor: v.competitor.trim() || undefined,
  source: v.source,
  sameAsId: v.sameAsId ?? undefined,
});

/** An edit: blanks clear what was there. */
export const updateInput = (v: QuickLogValues) => ({
  kind: v.kind,
  text: v.text,
  quote: v.quote.trim() || null,
  dealId: v.dealId,
  accountId: v.accountId,
  competitor: v.competitor.trim() || null,
  source: v.source,
});

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
export const MOD_KEY = isMac ? '⌘' : 'Ctrl';
