import type { ReactNode } from 'react';
import { Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';

/** One numbered step of the review: the page reads top to bottom, like a stepper that shows every step at once. */
export function SetupSection({ step, title, description, aside, children }: { step: number; title: string; description?: ReactNode; aside?: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" aria-label={title}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon radius="xl" size={28} variant="light" aria-hidden>
              <Text fw={700} size="sm">
                {step}
              </Text>
            </ThemeIcon>
            <Stack gap={2}>
              <Title order={3} fz="lg" lh={1.6}>
                {title}
              </Title>
              {description && (
                <Text size="sm" c="dimmed" maw={760}>
                  {description}
                </Text>
              )}
            </Stack>
          </Group>
          {aside}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
