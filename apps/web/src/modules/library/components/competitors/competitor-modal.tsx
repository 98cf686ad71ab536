import { useEffect, useState } from 'react';
import { Button, Modal, TagsInput, Textarea, TextInput } from '@mantine/core';
import { CreateCompetitorRequest, type Competitor } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { ConfirmModal } from '../../../../app/components/confirm-modal.tsx';
import { ModalForm } from '../../../../app/components/modal-form.tsx';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { useFormState } from '../../../../app/forms.ts';
import { useCreateCompetitor, useDeleteCompetitor, useUpdateCompetitor } from '../../hooks/use-competitors.ts';

/** What the form starts from: a record to edit, or a name (and spellings) seen in deals to create one from. */
export type CompetitorDraft = { competitor: Competitor } | { name: string; aliases: string[] };

const valuesOf = (draft: CompetitorDraft | null) =>
  draft && 'competitor' in draft
    ? {
        name: draft.competitor.name,
        aliases: draft.competitor.aliases,
        website: draft.competitor.website ?? '',
        description: draft.competitor.description ?? '',
      }
    : { name: draft?.name ?? '', aliases: draft?.aliases ?? [], website: '', description: '' };

/** Creates or edits a competitor. A name or alias another record holds comes back as a 409 on its field. */
export function CompetitorModal({
  slug,
  draft,
  onClose,
  onDeleted,
}: {
  slug: string;
  draft: CompetitorDraft | null;
  onClose: () => void;
  /** After a delete (the competitor page leaves for the list). */
  onDeleted?: () => void;
}) {
  const create = useCreateCompetitor(slug);
  const update = useUpdateCompetitor(slug);
  const remove = useDeleteCompetitor(slug);
  const [confirming, setConfirming] = useState(false);
  const form = useFormState(valuesOf(draft));
  const editing = draft && 'competitor' in draft ? draft.competitor : null;
  const { reset } = form;
  // A new draft (another row's "Create", or "Edit") starts the form over.
  useEffect(() => reset(valuesOf(draft)), [draft]); // eslint-disable-line react-hooks/exhaustive-deps

  const onSubmit = form.handleSubmit(
    CreateCompetitorRequest,
    async (body) => {
      if (editing) {
        const saved = await update.mutateAsync({ id: editing.id, body });
        notifySuccess('Deals and feedback that name it by any of its names now link to it.', `${saved.name} is saved`);
      } else {
        const saved = await create.mutateAsync(body);
        notifySuccess('Past deals and feedback that name it are linked to it already.', `${saved.name} is created`);
      }
      onClose();
    },
    {
      input: () => ({
        name: form.values.name,
        aliases: form.values.aliases,
        website: form.values.website.trim() || null,
        description: form.values.description.trim() || null,
      }),
    },
  );

  return (
    <Modal opened={draft !== null} onClose={onClose} title={editing ? `Edit ${editing.name}` : 'New competitor'} centered size="lg">
      <ModalForm form={form} onSubmit={onSubmit} onCancel={onClose} submitLabel={editing ? 'Save' : 'Create competitor'}>
        <TextInput label="Name" placeholder="e.g. Snowflake" required data-autofocus {...form.input('name')} />
        <TagsInput
          label="Other names"
          description="Spellings reps and the CRM use (a ticker, the legal name). Case, punctuation and Inc./Ltd. do not matter."
          placeholder="e.g. SNOW, Snowflake Inc. — press Enter after each"
          clearable
          {...form.field('aliases')}
          error={Object.entries(form.errors)
            .filter(([k]) => k.startsWith('aliases'))
            .map(([, v]) => v)
            .find(Boolean)}
        />
        <TextInput label="Website (optional)" placeholder="https://" {...form.input('website')} />
        <Textarea label="Description (optional)" autosize minRows={2} maxRows={6} {...form.input('description')} />
      </ModalForm>
      {editing && (
        <Button variant="subtle" color="red" size="compact-sm" mt="md" onClick={() => setConfirming(true)}>
          Delete this competitor
        </Button>
      )}
      {editing && (
        <ConfirmModal
          opened={confirming}
          title={`Delete ${editing.name}?`}
          confirmLabel="Delete"
          danger
          loading={remove.isPending}
          error={remove.error ? errorMessage(remove.error) : null}
          onClose={() => {
            remove.reset();
            setConfirming(false);
          }}
          onConfirm={() =>
            remove.mutate(editing.id, {
              onSuccess: () => {
                notifySuccess('Deals and feedback keep the name; it shows again under names that match no competitor.', `${editing.name} is deleted`);
                setConfirming(false);
                onClose();
                onDeleted?.();
              },
            })
          }
        >
          Deals and feedback keep the name as written; it will show under the names that match no competitor. Material tagged with it must be
          untagged first.
        </ConfirmModal>
      )}
    </Modal>
  );
}
