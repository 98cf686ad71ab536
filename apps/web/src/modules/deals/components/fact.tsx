import type { ReactNode } from 'react';
import { Badge, Group, Stack, Text } from '@mantine/core';

/** A labelled value in a record's details. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <div style={{ fontSize: 'var(--mantine-font-size-sm)', overflowWrap: 'anywhere' }}>{children ?? '—'}</div>
    </Stack>
  );
}

export function Tags({ items, empty = 'None', color = 'gray' }: { items: string[]; empty?: string; color?: string }) {
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {items.map((t) => (
        <Badge key={t} variant="light" color={color} tt="none" size="md" fw={500}>
          {t}
        </Badge>
      ))}
    </Group>
  );
}

export function Dimmed({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" span>
      {children}
    </Text>
  );
}
