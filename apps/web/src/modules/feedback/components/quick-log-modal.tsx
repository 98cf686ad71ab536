import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Autocomplete, Button, Chip, Group, Input, Kbd, Modal, SegmentedControl, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  CreateFeedbackRequest,
  UpdateFeedbackRequest,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_KINDS,
  FEEDBACK_SOURCE_LABELS,
  type CreateFeedbackResponse,
  type FeedbackKind,
  type FeedbackSource,
} from '@tandem/contracts';
import { notifySuccess } from '../../../app/components/notify.ts';
import { FormError } from '../../../app/components/query-state.tsx';
import { err, useFormState } from '../../../app/forms.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { usePhone } from '../../../app/use-phone.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useDeal } from '../../deals/hooks/use-deals.ts';
import { useCreateFeedback, useSimilarFeedback, useUpdateFeedback } from '../hooks/use-feedback.ts';
import { competitorSuggestions, useDealOptions } from '../hooks/use-record-options.ts';
import { notifyLogged } from './logged-notification.tsx';
import { QUICK_LOG_KEY, type QuickLogPrefill } from './quick-log-context.ts';
import { AccountPicker, DealPicker } from './record-pickers.tsx';
import { SimilarFeedbackPanel } from './similar-feedback.tsx';

/** What a rep picks from; an imported or API item keeps its own source when edited. */
const SOURCES = ['call', 'email', 'meeting', 'crm_note'] as const;
type LogSource = (typeof SOURCES)[number];

const FIELDS = ['kind', 'text', 'quote', 'dealId', 'accountId', 'competitor', 'source', 'sameAsId'] as const;

type QuickLogValues = {
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

function remember(kind: FeedbackKind, source: FeedbackSource) {
  try {
    localStorage.setItem(LAST_KEY, JSON.stringify({ kind, source }));
  } catch {
    // private mode: nothing to remember with
  }
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
export const MOD_KEY = isMac ? '⌘' : 'Ctrl';

interface QuickLogModalProps {
  opened: boolean;
  prefill: QuickLogPrefill;
  onClose: () => void;
}

/** Log what a customer said in a few seconds: kind, words, and where it came from. */
export function QuickLogModal({ opened, prefill, onClose }: QuickLogModalProps) {
  const phone = usePhone();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650} fz="lg">{prefill.item ? 'Edit feedback' : 'Log feedback'}</Text>}
      size="lg"
      fullScreen={phone}
      radius={phone ? 0 : undefined}
      transitionProps={phone ? { transition: 'fade', duration: 120 } : undefined}
    >
      <QuickLogForm prefill={prefill} onDone={onClose} phone={phone} />
    </Modal>
  );
}

function QuickLogForm({ prefill, onDone, phone }: { prefill: QuickLogPrefill; onDone: () => void; phone: boolean }) {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const navigate = useNavigate();
  const [last] = useState(remembered);
  const editing = prefill.item;
  const form = useFormState<QuickLogValues>(
    editing
      ? {
          kind: editing.kind,
          text: editing.text,
          quote: editing.quote ?? '',
          dealId: editing.deal?.id ?? null,
          accountId: editing.account?.id ?? null,
          competitor: editing.competitor ?? '',
          source: editing.source,
          sameAsId: null,
        }
      : {
          kind: last.kind,
          text: '',
          quote: '',
          dealId: prefill.dealId ?? null,
          accountId: prefill.accountId ?? null,
          competitor: '',
          source: last.source,
          sameAsId: null,
        },
  );
  const { values } = form;
  const create = useCreateFeedback(ws.slug);
  const update = useUpdateFeedback(ws.slug);
  const deals = useDealOptions(ws.slug, session.user.id, true);
  const linkedDeal = useDeal(ws.slug, values.dealId ?? undefined).data;
  const [accountName, setAccountName] = useState<string | undefined>(editing?.account?.name);
  const [text] = useDebouncedValue(values.text, 400);
  // An edit is of something already filed: no "add yours to it".
  const similar = useSimilarFeedback(ws.slug, text, !editing);
  const sources: FeedbackSource[] = (SOURCES as readonly FeedbackSource[]).includes(values.source) ? [...SOURCES] : [...SOURCES, values.source];
  const size = phone ? 'md' : 'sm';

  const knownAccountName = linkedDeal?.account?.id === values.accountId ? linkedDeal?.account?.name : accountName;
  const showSimilar = !editing && text.trim().length >= 15 && values.text.trim().length >= 15 && (similar.data?.items.length ?? 0) > 0;

  const save = form.handleSubmit(
    UpdateFeedbackRequest,
    async (body) => {
      await update.mutateAsync({ itemId: editing!.id, body });
      notifySuccess('Your changes are saved.', 'Feedback updated');
      onDone();
    },
    {
      input: () => ({
        kind: values.kind,
        text: values.text,
        quote: values.quote.trim() || null,
        dealId: values.dealId,
        accountId: values.accountId,
        competitor: values.competitor.trim() || null,
        source: values.source,
      }),
    },
  );
  const log = form.handleSubmit(
    CreateFeedbackRequest,
    async (body) => {
      const res: CreateFeedbackResponse = await create.mutateAsync(body);
      remember(values.kind, values.source);
      notifyLogged(res, ws.slug, (path) => void navigate(path));
      onDone();
    },
    {
      input: () => ({
        kind: values.kind,
        text: values.text,
        quote: values.quote.trim() || undefined,
        dealId: values.dealId ?? undefined,
        accountId: values.accountId ?? undefined,
        competitor: values.competitor.trim() || undefined,
        source: values.source,
        sameAsId: values.sameAsId ?? undefined,
      }),
    },
  );

  return (
    <form
      onSubmit={editing ? save : log}
      noValidate
      onKeyDown={(e) => {
        // Enter alone is a new line in the text; with Ctrl or ⌘ it logs, from any field.
        if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        }
      }}
      aria-label="Log feedback"
    >
      <Stack gap={phone ? 'lg' : 'md'}>
        {/* A refusal that names a field shows on it; only one that names none needs the alert. */}
        <FormError message={form.formError && FIELDS.some((f) => form.errors[f]) ? 'Check the highlighted fields.' : form.formError} />
        <Input.Wrapper label="What kind?" required error={err(form.errors, 'kind')} size={size}>
          <Chip.Group value={values.kind} onChange={(v) => form.set('kind', v as FeedbackKind)}>
            <Group gap={6} mt={6} role="radiogroup" aria-label="Kind of feedback">
              {FEEDBACK_KINDS.map((k) => (
                <Chip key={k} value={k} type="radio" name="feedback-kind" size={phone ? 'md' : 'sm'} variant="outline">
                  {FEEDBACK_KIND_LABELS[k]}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Input.Wrapper>

        <Textarea
          label="What did you hear?"
          required
          placeholder="e.g. Their security team needs SSO with Okta before they can sign"
          autosize
          minRows={phone ? 4 : 3}
          maxRows={10}
          data-autofocus
          size={size}
          {...form.input('text')}
        />

        {showSimilar && similar.data && (
          <SimilarFeedbackPanel similar={similar.data} sameAsId={values.sameAsId} onSame={(id) => form.set('sameAsId', id)} />
        )}
        {err(form.errors, 'sameAsId') && (
          <Text size="sm" c="red">
            {err(form.errors, 'sameAsId')}
          </Text>
        )}

        <Textarea
          label="Customer’s words"
          description="Optional: a quote in their words carries weight with product teams"
          placeholder="“We can’t roll this out without SSO.”"
          autosize
          minRows={1}
          maxRows={6}
          size={size}
          {...form.input('quote')}
        />

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <DealPicker
            slug={ws.slug}
            value={values.dealId}
            accountId={values.accountId}
            mine={deals.mine}
            others={deals.others}
            loading={deals.isPending}
            onChange={(deal) => {
              form.set('dealId', deal?.id ?? null);
              if (deal?.account) {
                form.set('accountId', deal.account.id);
                setAccountName(deal.account.name);
              }
            }}
            error={err(form.errors, 'dealId')}
            size={size}
          />
          <AccountPicker
            slug={ws.slug}
            value={values.accountId}
            knownName={knownAccountName}
            onChange={(account) => {
              form.set('accountId', account?.id ?? null);
              setAccountName(account?.name);
              // A deal of another account no longer fits.
              if (account && values.dealId && linkedDeal?.account?.id !== account.id) form.set('dealId', null);
            }}
            error={err(form.errors, 'accountId')}
            size={size}
          />
        </SimpleGrid>
        <Group gap="md" align="flex-start" wrap={phone ? 'wrap' : 'nowrap'}>
          <Autocomplete
            style={{ flex: 1, minWidth: 200 }}
            label="Competitor"
            placeholder="Who else they’re looking at"
            data={competitorSuggestions([...deals.mine, ...deals.others], linkedDeal)}
            limit={8}
            size={size}
            {...form.field('competitor')}
          />
          <Input.Wrapper label="Heard on" size={size} error={err(form.errors, 'source')} w={phone ? '100%' : undefined}>
            <SegmentedControl
              fullWidth
              mt={4}
              size={size}
              value={values.source}
              onChange={(v) => form.set('source', v as FeedbackSource)}
              data={sources.map((s) => ({ value: s, label: FEEDBACK_SOURCE_LABELS[s] }))}
              aria-label="Heard on"
            />
          </Input.Wrapper>
        </Group>

        <Group
          justify={phone ? 'stretch' : 'space-between'}
          gap="sm"
          wrap="wrap"
          // On a phone the buttons stay in reach above the keyboard while the form scrolls.
          style={phone ? { position: 'sticky', bottom: 0, zIndex: 2, background: 'var(--mantine-color-body)', padding: '8px 0 12px' } : undefined}
        >
          {!phone && (
            <Text size="xs" c="dimmed">
              <Kbd size="xs">{MOD_KEY}</Kbd> + <Kbd size="xs">Enter</Kbd> {editing ? 'saves' : 'logs'} it
              {!editing && (
                <>
                  {' '}· <Kbd size="xs">{QUICK_LOG_KEY}</Kbd> opens this form anywhere
                </>
              )}
            </Text>
          )}
          <Group gap="sm" wrap="nowrap" style={phone ? { flex: 1 } : undefined}>
            <Button variant="default" onClick={onDone} disabled={form.submitting} size={phone ? 'md' : 'sm'}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting} size={phone ? 'md' : 'sm'} style={phone ? { flex: 1 } : undefined}>
              {editing ? 'Save changes' : 'Log feedback'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
