import { Button, Group, Paper, Text } from '@mantine/core';

/** Stays in view at the bottom of a long editor, so a change far down the list can be saved where it was made. */
export function SaveBar({
  dirty,
  saving,
  error,
  label,
  onSave,
  onDiscard,
}: {
  dirty: boolean;
  saving: boolean;
  /** Why the last save failed, repeated here because the form's alert may be scrolled away. */
  error?: string | null;
  label: string;
  onSave: () => void;
  onDiscard: () => void;
}) {
  return (
    <Paper
      pos="sticky"
      bottom={0}
      py="sm"
      radius={0}
      style={{ zIndex: 2, borderTop: dirty ? '1px solid var(--mantine-color-gray-3)' : undefined }}
    >
      <Group justify="flex-end" gap="sm" wrap="wrap">
        {dirty && (
          <>
            <Text size="sm" c={error ? 'red.7' : 'dimmed'} mr="auto" style={{ flex: '1 1 220px' }}>
              {error ? `Not saved: ${error}` : 'Unsaved changes'}
            </Text>
            <Button variant="subtle" color="gray" onClick={onDiscard} disabled={saving} style={{ flexShrink: 0 }}>
              Discard
            </Button>
          </>
        )}
        <Button onClick={onSave} loading={saving} disabled={!dirty} style={{ flexShrink: 0 }}>
          {label}
        </Button>
      </Group>
    </Paper>
  );
}
