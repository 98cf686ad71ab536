import { useState } from 'react';
import { Button, Group, Paper, Select, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { Theme } from '@tandem/contracts';
import { notifyError } from '../../../../app/components/notify.ts';
import { moveBack } from '../../hooks/use-feedback.ts';
import { notifyUndoable } from '../shared/undo-toast.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useMoveFeedback } from '../../hooks/use-feedback.ts';

const NO_THEME = '__none__';

interface MoveToThemeProps {
  /** The selected items, with the theme each is in now (what "Undo" puts them back into). */
  items: { id: string; themeId: string | null }[];
  themes: Theme[];
  onMoved: () => void;
  onClear: () => void;
}

/** Triage: the selected items go into one theme, or out of any ("No theme" puts them back in triage). */
export function MoveToTheme({ items, themes, onMoved, onClear }: MoveToThemeProps) {
  const itemIds = items.map((i) => i.id);
  const ws = useWorkspace();
  const [target, setTarget] = useState<string | null>(null);
  const move = useMoveFeedback(ws.slug);
  const count = itemIds.length;
  const data = [{ value: NO_THEME, label: 'No theme (back to triage)' }, ...themes.map((t) => ({ value: t.id, label: t.name }))];

  function run() {
    if (!target) return;
    const themeId = target === NO_THEME ? null : target;
    const name = themes.find((t) => t.id === themeId)?.name;
    move.mutate(
      { itemIds, themeId },
      {
        onSuccess: ({ moved }) => {
          notifyUndoable({
            title: 'Feedback moved',
            message: name ? `${moved} moved to “${name}”.` : `${moved} taken out of their theme; they wait for triage again.`,
            undo: () => moveBack(move.mutateAsync, items),
          });
          setTarget(null);
          onMoved();
        },
        onError: (e) => notifyError(e, 'Could not move the feedback'),
      },
    );
  }

  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      bg="var(--mantine-color-blue-0)"
      role="region"
      aria-label="Move selected feedback"
      shadow="sm"
      // Stays in view at the bottom while the PMM scrolls on, picking more items; placed after the list, it
      // takes its own room there, so it never covers a row.
      style={{ position: 'sticky', bottom: 'var(--mantine-spacing-sm)', zIndex: 3 }}
    >
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          {count} selected
        </Text>
        <Select
          aria-label="Move to theme"
          placeholder="Move to theme…"
          data={data}
          value={target}
          onChange={setTarget}
          searchable
          nothingFoundMessage="No theme by that name"
          w={{ base: '100%', sm: 280 }}
          size="sm"
        />
        <Button size="sm" rightSection={<IconArrowRight size={14} />} disabled={!target} loading={move.isPending} onClick={run}>
          Move
        </Button>
        <Button size="sm" variant="subtle" color="gray" onClick={onClear}>
          Clear selection
        </Button>
      </Group>
    </Paper>
  );
}
