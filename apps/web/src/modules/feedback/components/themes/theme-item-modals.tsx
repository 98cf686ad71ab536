import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { SplitThemeRequest, type ThemeDetail } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { ModalForm } from '../../../../app/components/modal-form.tsx';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { FormError } from '../../../../app/kit/index.ts';
import { useFormState } from '../../../../app/forms.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useMoveItems, useThemeActions, useThemeOptions } from '../../hooks/use-themes.ts';
import { plural } from '../shared/theme-bits.tsx';
import { notifyUndoable } from '../shared/undo-toast.tsx';
import { moveBack } from '../../hooks/use-feedback.ts';

/** Select value for "no theme": items go back to the untriaged feedback. */
const UNTRIAGED = 'none';

interface ItemsModalProps {
  theme: ThemeDetail;
  itemIds: string[];
  opened: boolean;
  onClose: () => void;
}

export function ThemeMoveModal({ theme, itemIds, opened, onClose, onMoved }: ItemsModalProps & { onMoved: () => void }) {
  const ws = useWorkspace();
  const options = useThemeOptions(ws.slug, opened);
  const move = useMoveItems(ws.slug);
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const others = (options.data?.items ?? []).filter((t) => t.id !== theme.id);
  const data = [
    { group: 'Themes', items: others.map((t) => ({ value: t.id, label: t.name })) },
    { group: 'No theme', items: [{ value: UNTRIAGED, label: 'Back to untriaged feedback' }] },
  ];

  function close() {
    setTarget(null);
    setError(null);
    onClose();
  }

  async function confirm() {
    if (!target) return setError('Pick where the items go.');
    setError(null);
    try {
      const themeId = target === UNTRIAGED ? null : target;
      const { moved } = await move.mutateAsync({ itemIds, themeId });
      const where = themeId ? others.find((t) => t.id === themeId)?.name ?? 'the other theme' : 'untriaged feedback';
      // All came from this theme: "Undo" puts them back into it.
      notifyUndoable({
        title: 'Items moved',
        message: `${plural(moved, 'item')} moved to ${where}.`,
        undo: () => moveBack(move.mutateAsync, itemIds.map((id) => ({ id, themeId: theme.id }))),
      });
      setTarget(null);
      onMoved();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <Modal opened={opened} onClose={close} title={`Move ${plural(itemIds.length, 'item')}`} centered>
      <Stack gap="md">
        <FormError message={error} />
        <Select
          label="Move to"
          placeholder={options.isPending ? 'Loading themes…' : 'Pick a theme'}
          data={data}
          value={target}
          onChange={setTarget}
          searchable
          nothingFoundMessage="No theme with that name"
          data-autofocus
        />
        <Text size="xs" c="dimmed">
          {target === UNTRIAGED
            ? 'They wait with the untriaged feedback until someone files them.'
            : 'The reps who logged them will see the answers of the theme they move to.'}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={move.isPending}>
            Cancel
          </Button>
          <Button onClick={() => void confirm()} loading={move.isPending}>
            Move
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ThemeSplitModal({ theme, itemIds, opened, onClose, onSplit }: ItemsModalProps & { onSplit: (created: ThemeDetail) => void }) {
  const ws = useWorkspace();
  const { split } = useThemeActions(ws.slug, theme.id);
  const form = useFormState({ name: '' });

  function close() {
    form.reset();
    onClose();
  }

  const onSubmit = form.handleSubmit(
    SplitThemeRequest,
    async (body) => {
      const created = await split.mutateAsync(body);
      notifySuccess(`${plural(itemIds.length, 'item')} moved into ${created.name}.`, 'New theme created');
      form.reset();
      onSplit(created);
    },
    { input: () => ({ name: form.values.name, itemIds }) },
  );

  return (
    <Modal opened={opened} onClose={close} title="Split into a new theme" centered>
      <ModalForm
        form={form}
        onSubmit={(e) => void onSubmit(e)}
        onCancel={close}
        submitLabel="Create theme"
        intro={
          <Text size="sm">
            The {plural(itemIds.length, 'selected item')} leave <b>{theme.name}</b> and start a new theme of their own.
          </Text>
        }
      >
        <TextInput label="Name of the new theme" required maxLength={120} data-autofocus {...form.input('name')} />
      </ModalForm>
    </Modal>
  );
}
