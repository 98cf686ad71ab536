import { ActionIcon, Button, Tooltip, type ButtonProps } from '@mantine/core';
import { IconHandStop } from '@tabler/icons-react';
import { usePhone } from '../../../../app/use-phone.ts';
import { useRequestForm, type RequestFormPrefill } from './request-form-context.ts';

/** "New request" (or "Request help" on a deal page, with the deal linked): opens the form. */
export function NewRequestButton({ prefill, label = 'New request', ...props }: { prefill?: RequestFormPrefill; label?: string } & ButtonProps) {
  const form = useRequestForm();
  if (!form.canFile) return null;
  return (
    <Button leftSection={<IconHandStop size={16} />} onClick={() => form.open(prefill)} {...props}>
      {label}
    </Button>
  );
}

/** The header's entry: ask marketing for material or help from any page. */
export function HeaderNewRequestButton() {
  const form = useRequestForm();
  const phone = usePhone();
  if (!form.canFile) return null;
  if (phone) {
    return (
      <ActionIcon variant="light" size="lg" radius="xl" aria-label="New request to marketing" onClick={() => form.open()}>
        <IconHandStop size={20} stroke={1.6} />
      </ActionIcon>
    );
  }
  return (
    <Tooltip label="Ask marketing for material or help" withArrow position="bottom">
      <Button variant="light" size="sm" leftSection={<IconHandStop size={16} />} onClick={() => form.open()}>
        New request
      </Button>
    </Tooltip>
  );
}
