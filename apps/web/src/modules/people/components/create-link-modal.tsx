import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { errorMessage } from '../../../app/api-error.ts';
import { FormError } from '../../../app/kit/index.ts';

interface CreateLinkModalProps<T, L> {
  /** Whom the link is for; the modal is open while this is set. */
  target: T | null;
  title: string;
  /** What creating the link does, shown before it is created. */
  intro: (target: T) => ReactNode;
  createLabel: string;
  create: (target: T) => Promise<L>;
  /** The created link, with a way to close the modal. */
  shown: (link: L, target: T, close: () => void) => ReactNode;
  onClose: () => void;
}

/** Explain, then create a link on request and show it once (password resets, new invitation links). */
export function CreateLinkModal<T, L>({ target, title, intro, createLabel, create, shown, onClose }: CreateLinkModalProps<T, L>) {
  const [link, setLink] = useState<L | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  function close() {
    setLink(null);
    setError(null);
    onClose();
  }

  async function createLink(t: T) {
    setLoading(true);
    setError(null);
    try {
      setLink(await create(t));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }

  return (
    <Modal opened={target !== null} onClose={close} title={title} centered size="lg">
      {target !== null &&
        (link !== null ? (
          shown(link, target, close)
        ) : (
          <Stack gap="md">
            {intro(target)}
            <FormError message={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={loading}>
                Cancel
              </Button>
              <Button onClick={() => void createLink(target)} loading={loading}>
                {createLabel}
              </Button>
            </Group>
          </Stack>
        ))}
    </Modal>
  );
}
