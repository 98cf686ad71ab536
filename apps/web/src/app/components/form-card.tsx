import type { FormEvent, ReactNode } from 'react';
import { Card, Stack, Title } from '@mantine/core';
import { FormError } from '../kit/index.ts';

/** A titled card holding one form, with the server's refusal above the fields. */
export function FormCard(props: { title: string; onSubmit: (e: FormEvent) => void; error: string | null; children: ReactNode }) {
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <form onSubmit={props.onSubmit} noValidate>
        <Stack gap="md">
          <Title order={3} size="h4">
            {props.title}
          </Title>
          <FormError message={props.error} />
          {props.children}
        </Stack>
      </form>
    </Card>
  );
}
