import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';

/**
 * The toasts' container, out of the first load: @mantine/notifications (and its transitions and styles) is
 * fetched when a toast is first wanted — `requestToasts()`, which notify.ts calls — or once the page has loaded
 * and the browser is idle (not when the workspace shell mounts: that ran before a page's first paint). A toast
 * shown before the container is there waits in the notifications store and appears when it mounts.
 */
const Toasts = lazy(async () => ({ default: (await import('./toasts.tsx')).Toasts }));

let wanted = false;
const listeners = new Set<() => void>();

export function requestToasts(): void {
  if (wanted) return;
  wanted = true;
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function ToastsHost() {
  const on = useSyncExternalStore(subscribe, () => wanted);
  useEffect(() => {
    if (on) return;
    // Not every browser has requestIdleCallback (Safari): a timer instead.
    const idle = typeof window.requestIdleCallback === 'function';
    let handle: number | undefined;
    const whenIdle = () => {
      handle = idle ? window.requestIdleCallback(requestToasts, { timeout: 5000 }) : window.setTimeout(requestToasts, 2000);
    };
    if (document.readyState === 'complete') whenIdle();
    else window.addEventListener('load', whenIdle, { once: true });
    return () => {
      window.removeEventListener('load', whenIdle);
      if (handle === undefined) return;
      if (idle) window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
    };
  }, [on]);
  if (!on) return null;
  return (
    <Suspense fallback={null}>
      <Toasts />
    </Suspense>
  );
}
