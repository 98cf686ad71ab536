import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ActionIcon, Anchor, Breadcrumbs, Button, Group, Select, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconBell, IconBellCheck, IconPencil } from '@tabler/icons-react';
import type { ThemeDetail } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { problemFieldErrors } from '../../../../app/forms.ts';
import { notifyError } from '../../../../app/components/notify.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { usePhone } from '../../../../app/use-phone.ts';
import { useAllMembers } from '../../../people/index.ts';
import { useFollowTheme, useThemeActions } from '../../hooks/use-themes.ts';
import { plural, ThemeStatusBadge } from '../shared/theme-bits.tsx';

/** Name (renamed in place by triage), status, owner, description and the follow button. */
export function ThemeHeader({ theme }: { theme: ThemeDetail }) {
  const ws = useWorkspace();
  const canTriage = ws.can('feedback.triage');
  useDocumentTitle(`${theme.name} · Themes · Tandem`);
  return (
    <Stack gap="xs" mb="lg">
      <Breadcrumbs separatorMargin={6}>
        <Anchor component={Link} to={`/w/${ws.slug}/feedback/themes`} size="sm">
          Themes
        </Anchor>
        <Text size="sm" c="dimmed" lineClamp={1}>
          {theme.name}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={6} style={{ flex: '1 1 320px', minWidth: 0 }}>
          {canTriage ? <EditableName theme={theme} /> : <Title order={1} size="h2">{theme.name}</Title>}
          <Group gap="sm" wrap="wrap">
            <ThemeStatusBadge status={theme.status} size="lg" />
            {canTriage ? (
              <OwnerPicker theme={theme} />
            ) : (
              <Text size="sm" c="dimmed">
                {theme.owner ? `Owner: ${theme.owner.name}` : 'No owner yet'}
              </Text>
            )}
          </Group>
        </Stack>
        <FollowButton theme={theme} />
      </Group>
      <Description theme={theme} canEdit={canTriage} />
    </Stack>
  );
}

function EditableName({ theme }: { theme: ThemeDetail }) {
  const ws = useWorkspace();
  const { update } = useThemeActions(ws.slug, theme.id);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    const name = (draft ?? '').trim();
    if (!name) return setError('Enter a name');
    if (name === theme.name) return setDraft(null);
    try {
      await update.mutateAsync({ name });
      setDraft(null);
      setError(null);
    } catch (err) {
      const onName = problemFieldErrors(err).name;
      setError(onName ? onName.replace(/^./, (c) => c.toUpperCase()) : errorMessage(err));
    }
  }

  if (draft === null) {
    return (
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {theme.name}
        </Title>
        <Tooltip label="Rename" withArrow>
          <ActionIcon variant="subtle" color="gray" mt={6} onClick={() => setDraft(theme.name)} aria-label="Rename theme">
            <IconPencil size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
    );
  }
  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <Group gap="xs" align="flex-start" wrap="wrap">
        <TextInput
          aria-label="Theme name"
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Escape' && setDraft(null)}
          error={error}
          maxLength={120}
          autoFocus
          size="md"
          style={{ flex: '1 1 260px' }}
        />
        <Button type="submit" loading={update.isPending} size="md">
          Save
        </Button>
        <Button variant="default" size="md" onClick={() => {
            setDraft(null);
            setError(null);
          }} disabled={update.isPending}>
          Cancel
        </Button>
      </Group>
    </form>
  );
}

function OwnerPicker({ theme }: { theme: ThemeDetail }) {
  const ws = useWorkspace();
  const members = useAllMembers(ws.slug, { activeOnly: true });
  const { update } = useThemeActions(ws.slug, theme.id);
  // PMMs own themes; admins may too. Keep a current owner listed even if their role changed.
  const people = (members.data ?? [])
    .filter((m) => m.role === 'marketing' || m.role === 'admin')
    .map((m) => ({ value: m.userId, label: m.name }));
  if (theme.owner && !people.some((p) => p.value === theme.owner?.userId)) {
    people.push({ value: theme.owner.userId, label: theme.owner.name });
  }
  return (
    <Select
      aria-label="Owner"
      placeholder={members.isPending ? 'Loading people…' : 'Pick an owner (PMM)'}
      leftSection={
        <Text size="xs" c="dimmed" pl={4}>
          Owner
        </Text>
      }
      leftSectionWidth={52}
      size="xs"
      w={240}
      data={people}
      value={theme.owner?.userId ?? null}
      searchable
      clearable
      nothingFoundMessage="No PMM with that name"
      disabled={update.isPending}
      onChange={(v) =>
        update.mutate({ ownerUserId: v }, { onError: (e) => notifyError(e, 'Could not change the owner') })
      }
    />
  );
}

function Description({ theme, canEdit }: { theme: ThemeDetail; canEdit: boolean }) {
  const ws = useWorkspace();
  const { update } = useThemeActions(ws.slug, theme.id);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await update.mutateAsync({ description: draft?.trim() || null });
      setDraft(null);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  if (draft !== null) {
    return (
      <form onSubmit={(e) => void save(e)} noValidate>
        <Stack gap="xs" maw={720}>
          <Textarea
            label="Description"
            placeholder="What belongs in this theme and what does not"
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            error={error}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={2000}
            autoFocus
          />
          <Group gap="xs">
            <Button type="submit" size="xs" loading={update.isPending}>
              Save description
            </Button>
            <Button size="xs" variant="default" onClick={() => {
            setDraft(null);
            setError(null);
          }} disabled={update.isPending}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }
  return (
    <Group gap={6} align="flex-start" wrap="nowrap" maw={760}>
      <Text size="sm" c={theme.description ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-line' }}>
        {theme.description ?? (canEdit ? 'No description yet.' : '')}
      </Text>
      {canEdit && (
        <Anchor component="button" type="button" size="sm" onClick={() => setDraft(theme.description ?? '')} style={{ flex: 'none' }}>
          {theme.description ? 'Edit' : 'Add a description'}
        </Anchor>
      )}
    </Group>
  );
}

function FollowButton({ theme }: { theme: ThemeDetail }) {
  const ws = useWorkspace();
  const follow = useFollowTheme(ws.slug, theme.id);
  const phone = usePhone();
  const others = theme.subscribers - (theme.following ? 1 : 0);
  const Wrap = phone ? Group : Stack;
  return (
    <Wrap gap={phone ? 'sm' : 2} align={phone ? 'center' : 'flex-end'}>
      <Tooltip
        label={theme.following ? 'You are told when its status changes. Click to stop.' : 'Be told when its status changes'}
        withArrow
        multiline
        w={220}
      >
        <Button
          variant={theme.following ? 'light' : 'default'}
          leftSection={theme.following ? <IconBellCheck size={16} /> : <IconBell size={16} />}
          aria-pressed={theme.following}
          loading={follow.isPending}
          onClick={() => follow.mutate(!theme.following, { onError: (e) => notifyError(e, 'Could not change following') })}
        >
          {theme.following ? 'Following' : 'Follow'}
        </Button>
      </Tooltip>
      <Text size="xs" c="dimmed">
        {others > 0 ? `${plural(others, 'other person', 'other people')} following` : 'Nobody else follows it yet'}
      </Text>
    </Wrap>
  );
}
