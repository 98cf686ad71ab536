import type { ReactNode } from 'react';
import { Card, Stack, Title } from '@mantine/core';

/** A titled card of the scorecard or the win/loss page, kept whole on one printed page. */
export function ReportSection({ title, children, order = 2, size = 'h4' }: { title: string; children: ReactNode; order?: 2 | 3; size?: 'h4' | 'h5' }) {
  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: size === 'h5' ? 'md' : 'lg' }} component="section" aria-label={title} className="scorecard-section">
      <Stack gap={size === 'h5' ? 4 : 'sm'}>
        <Title order={order} size={size}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}
