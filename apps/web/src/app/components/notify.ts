import { errorMessage } from '../api-error.ts';
import { requestToasts } from './toasts-host.tsx';

/** @mantine/notifications loads on the first toast (not in the first load); its container mounts with it. */
async function show(options: { color: string; title?: string; message: string; autoClose: number }): Promise<void> {
  requestToasts();
  const { notifications } = await import('@mantine/notifications');
  notifications.show(options);
}

export function notifySuccess(message: string, title?: string): void {
  void show({ color: 'teal', title, message, autoClose: 4000 });
}

export function notifyError(err: unknown, title = 'That did not work'): void {
  void show({ color: 'red', title, message: errorMessage(err), autoClose: 8000 });
}
