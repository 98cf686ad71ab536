import { Alert, Anchor, Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconExternalLink, IconInfoCircle, IconSpeakerphone } from '@tabler/icons-react';
import { ChangeThemeStatusRequest, THEME_STATUS_LABELS, THEME_STATUSES, type ThemeDetail, type ThemeStatus } from '@tandem/contracts';
import { formatDateTime, FormError } from '../../../../app/kit/index.ts';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { useFormState } from '../../../../app/forms.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useThemeActions } from '../../hooks/use-themes.ts';
import { MESSAGE_REQUIRED, plural, THEME_STATUS_COLORS, THEME_STATUS_HINTS, ThemeStatusBadge } from '../shared/theme-bits.tsx';
import { newestFirst, ThemeHistory } from './theme-history.tsx';
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
                <Anchor key={l.id} href={l.url!} target="_blank" rel="noopener noreferrer" size="sm" fw={600}>
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

/** The usual next step, so the common case is one click. */
function nextStatus(current: ThemeStatus): ThemeStatus {
  const order: ThemeStatus[] = ['new', 'acknowledged', 'planned', 'in_progress', 'addressed'];
  const i = order.indexOf(current);
  return i >= 0 && i < order.length - 1 ? order[i + 1]! : 'acknowledged';
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

/** Keyed by the current status by its parent, so a change resets the form to the next usual step. */
function StatusForm({ theme }: { theme: ThemeDetail }) {
  const ws = useWorkspace();
  const { changeStatus } = useThemeActions(ws.slug, theme.id);
  const form = useFormState({ status: nextStatus(theme.status) as string, message: '' });
  const status = form.values.status as ThemeStatus;
  const required = MESSAGE_REQUIRED.has(status);
  const people = theme.metrics.submitters;
  const followers = Math.max(0, theme.subscribers - people);
  const audience =
    people === 0 && followers === 0
      ? 'Nobody has reported these items yet, so nobody is told.'
      : `This message goes to the ${plural(people, 'person', 'people')} who reported these items${
          followers > 0 ? ` and ${plural(followers, 'other follower')}` : ''
        }.`;

  const onSubmit = form.handleSubmit(
    StatusChange,
    async (body) => {
      const updated = await changeStatus.mutateAsync(body);
      const told = newestFirst(updated.history)[0]?.notified;
      notifySuccess(told !== undefined ? `${plural(told, 'person', 'people')} notified.` : 'Status changed.', THEME_STATUS_LABELS[updated.status]);
    },
    { input: () => ({ status, message: form.values.message.trim() || undefined }) },
  );

  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label="Change status"
    >
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          Change status
        </Text>
        <FormError message={form.formError} />
        <Select
          label="New status"
          description={THEME_STATUS_HINTS[status]}
          data={THEME_STATUSES.filter((s) => s !== theme.status).map((s) => ({ value: s, label: THEME_STATUS_LABELS[s] }))}
          allowDeselect={false}
          maw={360}
          {...form.field('status')}
          onChange={(v) => v && form.set('status', v)}
        />
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
          <Button type="submit" loading={form.submitting}>
            Set to {THEME_STATUS_LABELS[status]}
            {people + followers > 0 ? ' and notify' : ''}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
