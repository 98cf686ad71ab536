import { Alert, Anchor, Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconExternalLink, IconInfoCircle, IconSpeakerphone } from '@tabler/icons-react';
import { ChangeThemeStatusRequest, isStepBack, THEME_STATUS_LABELS, THEME_STATUSES, type ThemeDetail, type ThemeStatus } from '@tandem/contracts';
import { formatDateTime, FormError } from '../../../../app/kit/index.ts';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { useFormState } from '../../../../app/forms.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useThemeActions } from '../../hooks/use-themes.ts';
import { MESSAGE_REQUIRED, plural, THEME_STATUS_COLORS, THEME_STATUS_HINTS, ThemeStatusBadge } from '../shared/theme-bits.tsx';
import { newestFirst, ThemeHistory } from './theme-history.tsx';
import { notifyUndoable } from '../shared/undo-toast.tsx';
import { ThemeLinks } from './theme-links.tsx';

/**
 * Status and response: triage users change the status with a message that goes to every
 * submitter and add what addressed it; everyone sees the links and the history.
 */
export function ThemeStatusPanel({ theme, tz }: { theme: ThemeDetail; tz: string }) {
  const ws = useWorkspace();
  const canTriage = ws.can('feedback.triage');
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="theme-response-title">
      <Stack gap="lg">
        <Title order={3} size="h4" id="theme-response-title">
          Status and response
        </Title>
        {/* Links first: they go out with the next status message. */}
        <ThemeLinks theme={theme} tz={tz} canEdit={canTriage} />
        {canTriage && <StatusForm key={theme.status} theme={theme} />}
        <ThemeHistory history={theme.history} tz={tz} />
      </Stack>
    </Card>
  );
}

/** The answer the field has been given, at the top of the theme page for everyone. */
export function CurrentResponse({ theme, tz }: { theme: ThemeDetail; tz: string }) {
  const ws = useWorkspace();
  const canTriage = ws.can('feedback.triage');
  const answeredBy = newestFirst(theme.history).find((h) => h.message && h.message === theme.response)?.by ?? null;
  if (!theme.response) {
    return (
      <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />} title={`${THEME_STATUS_LABELS[theme.status]}: no response yet`}>
        {canTriage
          ? 'The people who reported these items have not heard back. Change the status with a message (under Status and response) to tell them where it stands.'
          : `${THEME_STATUS_HINTS[theme.status]} Marketing has not written a response yet; you will be told when they do.`}
      </Alert>
    );
  }
  return (
    <Alert
      variant="light"
      color={THEME_STATUS_COLORS[theme.status]}
      icon={<IconSpeakerphone size={18} />}
      title={
        <Group gap="xs">
          <span>Marketing's response</span>
          <ThemeStatusBadge status={theme.status} size="sm" />
        </Group>
      }
      role="region"
      aria-label="Current response"
    >
      <Stack gap={6}>
        <Text size="md" style={{ whiteSpace: 'pre-line' }}>
          {theme.response}
        </Text>
        {theme.links.some((l) => l.url) && (
          <Group gap="xs" wrap="wrap">
            {theme.links
              .filter((l) => l.url)
              .map((l) => (
                <Anchor key={l.id} href={l.url!} target="_blank" rel="noopener noreferrer" size="sm" fw={600} c="blue.9">
                  <Group gap={4} wrap="nowrap" component="span">
                    <IconExternalLink size={14} aria-hidden="true" />
                    {l.title}
                  </Group>
                </Anchor>
              ))}
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {answeredBy ? `${answeredBy.name}, ` : ''}
          {formatDateTime(theme.respondedAt, tz)}
        </Text>
      </Stack>
    </Alert>
  );
}

/**
 * The choices after the current status: the next step first (preselected, so the common case is one click),
 * then the later steps and "won't address"; going back to an earlier step is offered apart and never preselected.
 * After "addressed" or "won't address" nothing is preselected: the theme is closed.
 */
export function statusChoices(current: ThemeStatus) {
  const others = THEME_STATUSES.filter((s) => s !== current);
  const forward = others.filter((s) => !isStepBack(current, s));
  const back = others.filter((s) => isStepBack(current, s));
  const next = current === 'addressed' || current === 'wont_address' ? null : (forward.find((s) => s !== 'wont_address') ?? null);
  return { next, forward, back };
}

/** "Rae Rep, Sam Lead and 3 others". */
function names(people: { name: string }[], max = 3): string {
  if (people.length <= max) return people.length > 1 ? `${people.slice(0, -1).map((p) => p.name).join(', ')} and ${people.at(-1)!.name}` : (people[0]?.name ?? '');
  return `${people.slice(0, max).map((p) => p.name).join(', ')} and ${plural(people.length - max, 'other')}`;
}

/** Whom the change tells, by why they hear of it; said before anything is sent. */
export function audienceText(audience: ThemeDetail['audience']): string {
  const { reporters, followers } = audience;
  if (!reporters.length && !followers.length) return 'Nobody is told: nobody else reported these items or follows this theme.';
  const parts = [
    reporters.length ? `${names(reporters)} (reported ${reporters.length === 1 ? 'an item' : 'items'})` : '',
    followers.length ? `${names(followers)} (${followers.length === 1 ? 'follows' : 'follow'} the theme)` : '',
  ].filter(Boolean);
  return `Tells ${plural(reporters.length + followers.length, 'person', 'people')}: ${parts.join('; ')}.`;
}

/** Addressed and won't address must say what happened; the contract leaves that to the server, the form says it first. */
const StatusChange = ChangeThemeStatusRequest.superRefine((v, ctx) => {
  if (MESSAGE_REQUIRED.has(v.status) && !v.message) {
    ctx.addIssue({
      code: 'custom',
      path: ['message'],
      message: `${THEME_STATUS_LABELS[v.status]} needs a message: the people who reported this want to know what happened.`,
    });
  }
});

/** Keyed by the current status by its parent, so a change resets the form to the next step forward (never back). */
function StatusForm({ theme }: { theme: ThemeDetail }) {
  const ws = useWorkspace();
  const { changeStatus, undoStatus } = useThemeActions(ws.slug, theme.id);
  const choices = statusChoices(theme.status);
  const form = useFormState({ status: (choices.next ?? '') as string, message: '' });
  const status = (form.values.status || null) as ThemeStatus | null;
  const required = status !== null && MESSAGE_REQUIRED.has(status);
  const told = theme.audience.reporters.length + theme.audience.followers.length;
  const audience = audienceText(theme.audience);

  const onSubmit = form.handleSubmit(
    StatusChange,
    async (body) => {
      const updated = await changeStatus.mutateAsync(body);
      const change = newestFirst(updated.history)[0];
      const label = THEME_STATUS_LABELS[updated.status];
      const n = change?.notified ?? 0;
      if (change?.undoUntil) {
        const ms = Date.parse(change.undoUntil) - Date.parse(change.at);
        notifyUndoable({
          title: `Set to ${label}`,
          message: n ? `${plural(n, 'person', 'people')} will be told in ${Math.round(ms / 1000)} seconds.` : 'Nobody is told.',
          ms: ms - 1000,
          undo: async () => {
            const back = await undoStatus.mutateAsync(change.id);
            return `Back to ${THEME_STATUS_LABELS[back.status]}. Nobody was told.`;
          },
        });
      } else {
        notifySuccess(n ? `${plural(n, 'person', 'people')} notified.` : 'Status changed; nobody was told.', label);
      }
    },
    { input: () => ({ status: status ?? undefined, message: form.values.message.trim() || undefined }) },
  );

  const option = (s: ThemeStatus) => ({ value: s, label: THEME_STATUS_LABELS[s] });
  const data = [
    ...(choices.forward.length ? [{ group: 'Next steps', items: choices.forward.map(option) }] : []),
    ...(choices.back.length
      ? [{ group: theme.status === 'addressed' || theme.status === 'wont_address' ? 'Re-open' : 'Back to an earlier step', items: choices.back.map(option) }]
      : []),
  ];

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Change status">
      <Stack gap="sm">
        <Group gap="xs">
          <Text size="sm" fw={600}>
            Change status
          </Text>
          <Text size="sm" c="dimmed" span>
            now
          </Text>
          <ThemeStatusBadge status={theme.status} />
        </Group>
        <FormError message={form.formError} />
        <Select
          label="New status"
          description={status ? THEME_STATUS_HINTS[status] : 'This theme is closed. Pick a status only to re-open it.'}
          placeholder="Choose a status"
          data={data}
          allowDeselect={false}
          maw={360}
          {...form.field('status')}
          value={status}
          onChange={(v) => v && form.set('status', v)}
        />
        {status && isStepBack(theme.status, status) && (
          <Text size="sm" c="orange.9" role="note">
            This moves the theme back from {THEME_STATUS_LABELS[theme.status]} to {THEME_STATUS_LABELS[status]}.
          </Text>
        )}
        <Textarea
          label="Message to the field"
          description={audience}
          placeholder={
            status === 'wont_address'
              ? 'Why not, and what reps can tell the customer instead'
              : status === 'addressed'
                ? 'What was done, and where reps can find it'
                : 'Where it stands and what comes next (optional)'
          }
          required={required}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={4000}
          {...form.input('message')}
        />
        {theme.links.length > 0 && (
          <Text size="xs" c="dimmed">
            {theme.links.length === 1 ? 'The link' : `The ${theme.links.length} links`} under "What addressed it"{' '}
            {theme.links.length === 1 ? 'goes' : 'go'} out with the message.
          </Text>
        )}
        <Group>
          <Button type="submit" loading={form.submitting} disabled={!status}>
            {status ? `Set to ${THEME_STATUS_LABELS[status]}` : 'Choose a status'}
            {status && told > 0 ? ` and notify ${plural(told, 'person', 'people')}` : ''}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
