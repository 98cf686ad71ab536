import type { FormEvent, ReactNode } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { FormError } from '../kit/index.ts';

interface ModalFormProps {
  form: { formError: string | null; submitting: boolean };
  onSubmit: (e: FormEvent) => void;
  onCancel: () => void;
  submitLabel: string;
  /** Shown above the server's refusal and the fields. */
  intro?: ReactNode;
  children: ReactNode;
}

/** The inside of a modal that holds one form: the server's refusal, the fields, Cancel and submit. */
export function ModalForm({ form, onSubmit, onCancel, submitLabel, intro, children }: ModalFormProps) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {intro}
        <FormError message={form.formError} />
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={form.submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
