import { useState } from 'react';
import { ActionIcon, Anchor, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { IconExternalLink, IconNote, IconPlus, IconTrash } from '@tabler/icons-react';
import { AddThemeLinkRequest, type ThemeDetail } from '@tandem/contracts';
import { notifyError } from '../../../../app/components/notify.ts';
import { formatDate, FormError } from '../../../../app/kit/index.ts';
import { useFormState } from '../../../../app/forms.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useThemeActions } from '../../hooks/use-themes.ts';

const EMPTY = { kind: 'url' as 'url' | 'note', title: '', url: '', note: '' };

/** "What addressed it": links to the deck, page or release, or a note, shown to everyone. */
export function ThemeLinks({ theme, tz, canEdit }: { theme: ThemeDetail; tz: string; canEdit: boolean }) {
  const ws = useWorkspace();
  const { removeLink } = useThemeActions(ws.slug, theme.id);
  const [adding, setAdding] = useState(false);
  if (!canEdit && theme.links.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="theme-links-title">
      <Group justify="space-between" gap="xs">
        <Title order={4} size="h6" id="theme-links-title">
          What addressed it
        </Title>
        {canEdit && !adding && (
          <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
            Add a link or note
          </Button>
        )}
      </Group>
      {theme.links.length === 0 && !adding && (
        <Text size="sm" c="dimmed">
          Nothing yet. Link the battlecard, page, release note or talk track that answers this theme; links go out with the next
          status message.
        </Text>
      )}
      {theme.links.map((l) => (
        <Paper key={l.id} withBorder p="xs" radius="sm">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
              {l.url ? (
                <IconExternalLink size={16} style={{ flex: 'none', marginTop: 3 }} aria-hidden="true" />
              ) : (
                <IconNote size={16} style={{ flex: 'none', marginTop: 3 }} aria-hidden="true" />
              )}
              <Stack gap={0} style={{ minWidth: 0 }}>
                {l.url ? (
                  <Anchor href={l.url} target="_blank" rel="noopener noreferrer" size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {l.title}
                  </Anchor>
                ) : (
                  <Text size="sm" fw={500}>
                    {l.title}
                  </Text>
                )}
                {l.note && (
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {l.note}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {l.createdBy ? `${l.createdBy.name}, ` : ''}
                  {formatDate(l.createdAt, tz)}
                </Text>
              </Stack>
            </Group>
            {canEdit && (
              <Tooltip label="Remove" withArrow>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove ${l.title}`}
                  loading={removeLink.isPending && removeLink.variables === l.id}
                  onClick={() => removeLink.mutate(l.id, { onError: (e) => notifyError(e, 'Could not remove it') })}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </Paper>
      ))}
      {adding && <AddLinkForm theme={theme} onDone={() => setAdding(false)} />}
    </Stack>
  );
}

function AddLinkForm({ theme, onDone }: { theme: ThemeDetail; onDone: () => void }) {
  const ws = useWorkspace();
  const { addLink } = useThemeActions(ws.slug, theme.id);
  const form = useFormState(EMPTY);
  const isUrl = form.values.kind === 'url';
  const onSubmit = form.handleSubmit(
    AddThemeLinkRequest,
    async (body) => {
      await addLink.mutateAsync(body);
      form.reset();
      onDone();
    },
    {
      input: () => ({
        kind: form.values.kind,
        title: form.values.title,
        url: isUrl ? form.values.url.trim() || undefined : undefined,
        note: isUrl ? undefined : form.values.note.trim() || undefined,
      }),
    },
  );
  return (
    <Paper withBorder p="sm" radius="sm" bg="var(--mantine-color-gray-0)">
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Add a link or note">
        <Stack gap="sm">
          <FormError message={form.formError} />
          <SegmentedControl
            aria-label="Kind"
            data={[
              { value: 'url', label: 'Link' },
              { value: 'note', label: 'Note' },
            ]}
            value={form.values.kind}
            onChange={(v) => form.set('kind', v as 'url' | 'note')}
            w="fit-content"
          />
          <TextInput
            label="Title"
            placeholder={isUrl ? 'e.g. SSO setup guide for IT admins' : 'e.g. Talk track for the pricing objection'}
            required
            maxLength={200}
            data-autofocus
            {...form.input('title')}
          />
          {isUrl ? (
            <TextInput label="Web address" placeholder="https://" required type="url" {...form.input('url')} />
          ) : (
            <Textarea label="Note" required autosize minRows={2} maxRows={8} maxLength={4000} {...form.input('note')} />
          )}
          <Group gap="xs">
            <Button type="submit" size="xs" loading={form.submitting}>
              Add
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                form.reset();
                onDone();
              }}
              disabled={form.submitting}
            >
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
