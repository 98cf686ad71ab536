import { useState } from 'react';
import { UpdateRequestSettingsRequest } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { problemFieldErrors, zodFieldErrors, type FieldErrors } from '../../../../app/forms.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useUpdateRequestSettings } from '../../hooks/use-request-settings.ts';

/**
 * One section of the settings page saving its own part: checked with the contract's schema first (the server's
 * words, next to the field), then sent; what the server refuses shows next to the field it names
 * ("weights.pipeline", "calendar.holidays.2"), anything else in an alert.
 */
export function useSectionSave() {
  const ws = useWorkspace();
  const update = useUpdateRequestSettings(ws.slug);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  /** Errors on fields the section shows go beside them; the rest (e.g. "weights": all of them 0) in the alert. */
  function show(fields: FieldErrors, shown: (key: string) => boolean, fallback: string | null) {
    const beside = Object.fromEntries(Object.entries(fields).filter(([k]) => shown(k)));
    const rest = Object.entries(fields).filter(([k]) => !shown(k)).map(([, m]) => m);
    setErrors(beside);
    setFailure(rest.length ? rest.join(' ') : Object.keys(beside).length ? null : fallback);
  }

  async function save(body: UpdateRequestSettingsRequest, done: string, shown: (key: string) => boolean): Promise<boolean> {
    setErrors({});
    setFailure(null);
    const checked = UpdateRequestSettingsRequest.safeParse(body);
    if (!checked.success) {
      show(zodFieldErrors(checked.error), shown, null);
      return false;
    }
    try {
      await update.mutateAsync(body);
      notifySuccess(done);
      return true;
    } catch (err) {
      show(problemFieldErrors(err), shown, errorMessage(err));
      return false;
    }
  }

  return { save, errors, failure, saving: update.isPending, clear: (key: string) => setErrors((e) => ({ ...e, [key]: '' })) };
}

export type SectionSave = ReturnType<typeof useSectionSave>;
