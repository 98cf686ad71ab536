// The toast's own styles (the first load's stylesheet has not got them; the whole of Mantine's repeats them later).
import '@mantine/core/styles/Notification.css';
import '@mantine/notifications/styles.css';
import { Notifications } from '@mantine/notifications';
import { usePhone } from '../use-phone.ts';

/**
 * Where toasts appear: bottom right on a desktop; on a phone at the top, where they cover the
 * header for a moment rather than the button of the next form. Loaded on demand by ToastsHost.
 */
export function Toasts() {
  const phone = usePhone();
  return <Notifications position={phone ? 'top-center' : 'bottom-right'} />;
}
