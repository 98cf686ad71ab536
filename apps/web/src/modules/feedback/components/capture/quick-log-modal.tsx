import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Chip, Group, Input, Kbd, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { CreateFeedbackRequest, FEEDBACK_KIND_LABELS, FEEDBACK_KINDS, UpdateFeedbackRequest, type FeedbackKind } from '@tandem/contracts';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { FormError } from '../../../../app/kit/index.ts';
import { err, useFormState } from '../../../../app/forms.ts';
import { usePhone } from '../../../../app/use-phone.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useCreateFeedback, useSimilarFeedback, useUpdateFeedback } from '../../hooks/use-feedback.ts';
import { notifyLogged } from './logged-notification.tsx';
import { QUICK_LOG_KEY, type QuickLogPrefill } from './quick-log-context.ts';
import { RecordFields } from './quick-log-records.tsx';
import { createInput, FIELDS, initialValues, MOD_KEY, remember, updateInput, type QuickLogValues } from './quick-log-values.ts';
import { SimilarFeedbackPanel } from './similar-feedback.tsx';

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
  const navigate = useNavigate();
  const editing = prefill.item;
  const [initial] = useState(() => initialValues(prefill));
  const form = useFormState<QuickLogValues>(initial);
  const { values } = form;
  const create = useCreateFeedback(ws.slug);
  const update = useUpdateFeedback(ws.slug);
  // Near-duplicates must show within 300 ms of the last keystroke (issue 13): 150 ms of quiet, then one request
  // (about 50 ms at 10,000 items); a request overtaken by more typing is cancelled.
  const [text] = useDebouncedValue(values.text, 150);
  // An edit is of something already filed: no "add yours to it".
  const similar = useSimilarFeedback(ws.slug, text, !editing);
  const showSimilar = !editing && text.trim().length >= 15 && values.text.trim().length >= 15 && (similar.data?.items.length ?? 0) > 0;
  // "Same thing" holds only while its match is on screen for the text as it now reads: rewriting the text about
  // something else must not file the new item into the old one's theme.
  const sameAsId =
    showSimilar && !similar.isPlaceholderData && similar.data?.items.some((i) => i.id === values.sameAsId) ? values.sameAsId : null;
  const size = phone ? 'md' : 'sm';

  const save = form.handleSubmit(
    UpdateFeedbackRequest,
    async (body) => {
      await update.mutateAsync({ itemId: editing!.id, body });
      notifySuccess('Your changes are saved.', 'Feedback updated');
      onDone();
    },
    { input: () => updateInput(values) },
  );
  const log = form.handleSubmit(
    CreateFeedbackRequest,
    async (body) => {
      const res = await create.mutateAsync(body);
      remember(values.kind, values.source);
      notifyLogged(res, ws.slug, (path) => void navigate(path));
      onDone();
    },
    { input: () => createInput({ ...values, sameAsId }) },
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
          <SimilarFeedbackPanel
            similar={similar.data}
            sameAsId={sameAsId}
            pending={similar.isPlaceholderData}
            onSame={(id) => form.set('sameAsId', id)}
          />
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

        <RecordFields form={form} accountName={editing?.account?.name} phone={phone} />

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
