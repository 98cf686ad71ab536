import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';

interface HomeCardProps {
  title: string;
  /** "All 12 requests" → the full list. */
  more?: { label: string; to: string };
  /** One dimmed line under the title: what the card holds and why it is here. */
  hint?: ReactNode;
  children: ReactNode;
}

/** One block of a role's home: a titled card, the first few rows, and a link to the whole list. */
export function HomeCard({ title, more, hint, children }: HomeCardProps) {
  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} h="100%" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h4">
            {title}
          </Title>
          {more && (
            <Anchor component={Link} to={more.to} size="sm">
              {more.label}
            </Anchor>
          )}
        </Group>
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
        {children}
      </Stack>
    </Card>
  );
}

/** A row of a home card: a link that names the record, then what to know about it. */
export function HomeRow({ to, title, children }: { to: string; title: string; children?: ReactNode }) {
  return (
    <Stack gap={2} py={6} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }} component="li">
      <Anchor component={Link} to={to} size="sm" fw={500} lineClamp={2}>
        {title}
      </Anchor>
      {children && (
        <Group gap={6} wrap="wrap">
          {children}
        </Group>
      )}
    </Stack>
  );
}

export function HomeList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0} component="ul" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {children}
    </Stack>
  );
}

export function Quiet({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

export function RowsSkeleton({ rows }: { rows: number }) {
  return (
    <Stack gap="xs">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={36} />
      ))}
    </Stack>
  );
}
