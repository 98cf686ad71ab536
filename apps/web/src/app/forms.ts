import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiError, errorMessage } from './api-error.ts';

export type FieldErrors = Record<string, string>;

/** zod's generic "too small" wording reads badly next to a form field. */
function friendlyIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return Number(issue.minimum) <= 1 ? 'Required' : `Use at least ${String(issue.minimum)} characters`;
  }
  if (issue.code === 'too_big' && issue.origin === 'string') return `Use at most ${String(issue.maximum)} characters`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'Required';
  return issue.message;
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    out[key] ??= friendlyIssue(issue);
  }
  return out;
}

/** The server names fields as "body.email", "/email" or "email"; forms know them as "email". */
function fieldName(path: string): string {
  const parts = path.split(/[./]/).filter((p) => p && p !== 'body' && p !== 'query' && p !== 'params');
  return parts.join('.') || '_';
}

export function problemFieldErrors(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (err instanceof ApiError) {
    for (const e of err.problem.errors ?? []) out[fieldName(e.path)] ??= e.message;
  }
  return out;
}

/**
 * What the form's alert says about the server's refusal. When every error the server names is a field of the form
 * (each then shown beside its field), the alert only points at them instead of repeating each as "path: message";
 * otherwise it carries the server's detail, so nothing the server said is lost.
 */
export function serverErrorSummary(err: unknown, fields: FieldErrors, formFields: readonly string[]): string {
  const keys = Object.keys(fields);
  if (keys.length > 0 && keys.every((k) => formFields.includes(k))) {
    return keys.length === 1 ? 'Check the field marked below.' : `Check the ${keys.length} fields marked below.`;
  }
  return errorMessage(err);
}

/**
 * A request schema, or a function that loads one: the pages of the first load (sign-in, setup) import theirs
 * when the form is first used, so zod is not part of the first load (vite.config.ts).
 */
export type SchemaSource<S extends z.ZodType> = S | (() => Promise<S>);

function resolveSchema<S extends z.ZodType>(source: SchemaSource<S>): Promise<S> {
  return typeof source === 'function' ? (source as () => Promise<S>)() : Promise.resolve(source);
}

/** Keys of `V` whose values are strings: the ones a text input can edit. */
export type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

interface SubmitOptions {
  /** What to validate instead of the values, e.g. with blanks turned into `undefined`. */
  input?: () => unknown;
  /** Success leaves the page: stay `submitting` so the button cannot be pressed again meanwhile. */
  leaves?: boolean;
  /** Runs after the server's refusal is shown on the form, to add to it. */
  onError?: (error: unknown) => void;
}

/**
 * Form state for a zod-validated request: values, client-side field errors, and the
 * server's answer (per-field errors next to fields, the detail in an alert).
 */
export function useFormState<V extends Record<string, unknown>>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  function set<K extends keyof V>(key: K, value: V[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key as string]) setErrors((e) => ({ ...e, [key as string]: '' }));
  }

  /** Props that bind a text input (value, change event, error) to a string field. */
  function input<K extends TextKey<V>>(key: K) {
    return {
      value: values[key] as string,
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, e.currentTarget.value as V[K]),
      error: err(errors, key),
    };
  }

  /** Props that bind an input reporting its value (not an event) to a field. */
  function field<K extends keyof V & string>(key: K) {
    return { value: values[key], onChange: (value: V[K]) => set(key, value), error: err(errors, key) };
  }

  /** Validates with the contract's schema; returns the parsed request or null (errors shown). */
  function validate<S extends z.ZodType>(schema: S, input: unknown = values): z.output<S> | null {
    const result = schema.safeParse(input);
    if (result.success) {
      setErrors({});
      setFormError(null);
      return result.data;
    }
    setErrors(zodFieldErrors(result.error));
    return null;
  }

  function showServerError(err: unknown) {
    const fields = problemFieldErrors(err);
    setErrors(fields);
    setFormError(serverErrorSummary(err, fields, Object.keys(values)));
  }

  /**
   * An onSubmit handler: validates, then runs `action` with the parsed request while
   * `submitting` is true; what the server refuses shows on the form. The schema may come from a
   * loader (`SchemaSource`), awaited first.
   */
  function handleSubmit<S extends z.ZodType>(
    schema: SchemaSource<S>,
    action: (body: z.output<S>) => Promise<unknown>,
    options: SubmitOptions = {},
  ) {
    return async (e: FormEvent) => {
      e.preventDefault();
      let resolved: S;
      try {
        resolved = await resolveSchema(schema);
      } catch {
        setFormError('This form could not be checked: part of the page did not load. Check your connection and try again.');
        return;
      }
      const body = validate(resolved, options.input ? options.input() : values);
      if (!body) return;
      setSubmitting(true);
      try {
        await action(body);
        if (!options.leaves) setSubmitting(false);
      } catch (error) {
        showServerError(error);
        options.onError?.(error);
        setSubmitting(false);
      }
    };
  }

  function reset(next: V = initial) {
    setValues(next);
    setErrors({});
    setFormError(null);
  }

  return { values, set, input, field, errors, formError, setFormError, submitting, validate, handleSubmit, showServerError, reset };
}

export type FormState<V extends Record<string, unknown>> = ReturnType<typeof useFormState<V>>;

export function err(errors: FieldErrors, key: string): string | undefined {
  return errors[key] || undefined;
}
