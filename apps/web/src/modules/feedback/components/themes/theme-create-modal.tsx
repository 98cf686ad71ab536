import { useNavigate } from 'react-router-dom';
import { Modal, Textarea, TextInput } from '@mantine/core';
import { CreateThemeRequest } from '@tandem/contracts';
import { ModalForm } from '../../../../app/components/modal-form.tsx';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { useFormState } from '../../../../app/forms.ts';
import { useCreateTheme } from '../../hooks/use-themes.ts';

const EMPTY = { name: '', description: '' };

/** An empty theme, named by a PMM; items are moved into it afterwards. Opens the new theme. */
export function ThemeCreateModal({ slug, opened, onClose }: { slug: string; opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const create = useCreateTheme(slug);
  const form = useFormState(EMPTY);

  function close() {
    form.reset();
    onClose();
  }

  const onSubmit = form.handleSubmit(
    CreateThemeRequest,
    async (body) => {
      const theme = await create.mutateAsync(body);
      notifySuccess(`Move feedback into it from the untriaged items or another theme.`, `${theme.name} is created`);
      form.reset();
      onClose();
      void navigate(`/w/${slug}/feedback/themes/${theme.id}`);
    },
    { input: () => ({ name: form.values.name, description: form.values.description.trim() || undefined }) },
  );

  return (
    <Modal opened={opened} onClose={close} title="New theme" centered size="lg">
      <ModalForm form={form} onSubmit={onSubmit} onCancel={close} submitLabel="Create theme">
        <TextInput
          label="Name"
          description="What the field keeps hearing, in the words a rep would use."
          placeholder="e.g. SSO setup is too hard for IT teams"
          required
          data-autofocus
          {...form.input('name')}
        />
        <Textarea
          label="Description (optional)"
          placeholder="What belongs in this theme and what does not"
          autosize
          minRows={2}
          maxRows={6}
          {...form.input('description')}
        />
      </ModalForm>
    </Modal>
  );
}
