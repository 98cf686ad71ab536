import { PasswordInput } from '@mantine/core';
import { z } from 'zod';
import type { FormState, TextKey } from '../forms.ts';

/** A form schema with a `confirm` field that must repeat the new password in `key`. */
export function withConfirm<S extends z.ZodRawShape>(shape: S, key: keyof S & string) {
  return z
    .object({ ...shape, confirm: z.string() })
    .refine((v: Record<string, unknown>) => v[key] === v.confirm, { path: ['confirm'], message: 'The passwords do not match' });
}

interface PasswordWithConfirmProps<V extends Record<string, unknown>> {
  form: FormState<V>;
  /** The field holding the new password; the repeat goes to `confirm`. */
  field: TextKey<V>;
  label: string;
  confirmLabel: string;
  autoFocus?: boolean;
}

/** A new password and its repeat, for forms built with `withConfirm`. */
export function PasswordWithConfirm<V extends Record<string, unknown> & { confirm: string }>(props: PasswordWithConfirmProps<V>) {
  const { form, field, label, confirmLabel, autoFocus } = props;
  return (
    <>
      <PasswordInput
        label={label}
        description="At least 10 characters"
        autoComplete="new-password"
        required
        autoFocus={autoFocus}
        {...form.input(field)}
      />
      <PasswordInput label={confirmLabel} autoComplete="new-password" required {...form.input('confirm' as TextKey<V>)} />
    </>
  );
}
