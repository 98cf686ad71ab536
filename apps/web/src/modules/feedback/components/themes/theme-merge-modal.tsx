import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import type { MergeThemesResponse, Theme } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { FormError } from '../../../../app/kit/index.ts';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { useMergeThemes, useThemeOptions, useUndoMerge } from '../../hooks/use-themes.ts';
import { plural } from '../shared/theme-bits.tsx';
import { notifyUndoable } from '../shared/undo-toast.tsx';

interface ThemeMergeModalProps {
  slug: string;
  opened: boolean;
  /** The themes picked on the board; all but the target are merged into it. */
  selected: Theme[];
  onClose: () => void;
  onMerged: () => void;
}

/** "Merge into…": the selected themes' items move into one theme, the others then point to it. */
export function ThemeMergeModal({ slug, opened, selected, onClose, onMerged }: ThemeMergeModalProps) {
  const options = useThemeOptions(slug, opened);
  const merge = useMergeThemes(slug);
  const undo = useUndoMerge(slug);
  // The biggest selected theme is the likeliest keeper.
  const suggested = [...selected].sort((a, b) => b.metrics.items - a.metrics.items)[0]?.id ?? null;
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const targetId = picked ?? suggested;

  const all = options.data?.items ?? selected;
  const target = all.find((t) => t.id === targetId) ?? null;
  const sources = selected.filter((t) => t.id !== targetId);
  const movingItems = sources.reduce((s, t) => s + t.metrics.items, 0);
  const selectedIds = new Set(selected.map((t) => t.id));
  const data = [
    { group: 'Selected themes', items: selected.map((t) => ({ value: t.id, label: t.name })) },
    {
      group: 'Other themes',
      items: all.filter((t) => !selectedIds.has(t.id)).map((t) => ({ value: t.id, label: t.name })),
    },
  ].filter((g) => g.items.length > 0);

  /** Says in plain words what moved where, with "Undo" while the server still allows it. */
  function announce(merged: MergeThemesResponse) {
    const { sources: from, items, undoUntil } = merged.merge;
    const one = from.length === 1 ? from[0]!.name : null;
    const message = one
      ? `“${one}” is now part of “${merged.name}”: its ${plural(items, 'item')}, followers and links moved there.`
      : `${from.length} themes are now part of “${merged.name}”: their ${plural(items, 'item')}, followers and links moved there.`;
    // The window by the server's own clock (the target was updated at the merge), less a second for the round trip.
    const ms = undoUntil ? Date.parse(undoUntil) - Date.parse(merged.updatedAt) - 1000 : 0;
    if (ms <= 0) return notifySuccess(message, 'Themes merged');
    notifyUndoable({
      title: 'Themes merged',
      message,
      ms,
      undo: async () => {
        await undo.mutateAsync({ targetId: merged.id, mergeId: merged.merge.id });
        return one ? `“${one}” is back on its own, with its ${plural(items, 'item')}.` : `The ${from.length} themes are back on their own, with their items.`;
      },
    });
  }

  function close() {
    setPicked(null);
    setError(null);
    onClose();
  }

  async function confirm() {
    if (!targetId || sources.length === 0) return;
    setError(null);
    try {
      const merged = await merge.mutateAsync({ targetId, sourceThemeIds: sources.map((t) => t.id) });
      announce(merged);
      setPicked(null);
      onMerged();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <Modal opened={opened} onClose={close} title="Merge themes" centered size="lg">
      <Stack gap="md">
        <Select
          label="Merge into"
          description="The theme that stays. The others hand it their items, followers and links, and then point to it."
          data={data}
          value={targetId}
          onChange={(v) => setPicked(v)}
          searchable
          allowDeselect={false}
          nothingFoundMessage="No theme with that name"
        />
        {target && sources.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm">
              {plural(movingItems, 'item')} from {sources.length === 1 ? 'this theme' : `these ${sources.length} themes`} move into{' '}
              <b>{target.name}</b>:
            </Text>
            <List size="sm" spacing={2}>
              {sources.map((t) => (
                <List.Item key={t.id}>
                  {t.name} <Text span size="xs" c="dimmed">({plural(t.metrics.items, 'item')})</Text>
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : (
          <Alert color="yellow" variant="light">
            Pick a theme to keep other than the only one selected, or select more themes on the board.
          </Alert>
        )}
        <FormError message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={merge.isPending}>
            Cancel
          </Button>
          <Button onClick={() => void confirm()} loading={merge.isPending} disabled={!target || sources.length === 0}>
            {sources.length > 0 ? `Merge ${plural(sources.length, 'theme')}` : 'Merge'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
