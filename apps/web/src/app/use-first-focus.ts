import { useEffect, useRef } from 'react';

/**
 * `autoFocus` for the pages of the first load (sign-in, setup): the field takes focus in the frame after React's
 * commit instead of during it. React's `autoFocus` calls focus() while committing, which forces the first style and
 * layout of the whole page inside that task, one long task (Lighthouse's total blocking time) instead of two.
 */
export function useFirstFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  return ref;
}
