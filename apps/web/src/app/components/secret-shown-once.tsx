import type { ReactNode } from 'react';
import { Group, Stack, Text } from '@mantine/core';
import { CopyField } from './copy-field.tsx';

interface SecretShownOnceProps {
  /** The copy field's label, e.g. "Invite link". */
  label: string;
  value: string;
  /** Above the field: what was created, or a warning. */
  above?: ReactNode;
  /** Below the field, dimmed: who it is for and when it expires. */
  children: ReactNode;
  actions: ReactNode;
}

/**
 * A link or token Tandem keeps only a hash of, so this is the one time it can be
 * copied: the value with a copy button, what to do with it, and the way out.
 */
export function SecretShownOnce({ label, value, above, children, actions }: SecretShownOnceProps) {
  return (
    <Stack gap="md">
      {above}
      <CopyField label={label} value={value} />
      <Text size="sm" c="dimmed">
        {children}
      </Text>
      <Group justify="flex-end">{actions}</Group>
    </Stack>
  );
}
