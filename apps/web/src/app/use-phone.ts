import { useMediaQuery } from '@mantine/hooks';

/** Below Mantine's `sm` breakpoint tables become stacked lists. Read synchronously to avoid a flash. */
export function usePhone(): boolean {
  return useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false }) ?? false;
}
