import { lazy, Suspense, type ComponentProps } from 'react';
import { Skeleton } from '@mantine/core';

// The section is its own chunk: the workspace shell imports this module's surface
// (for the quick-log form), and the first load should not carry deal-page code.
const Section = lazy(async () => ({ default: (await import('./linked-feedback.tsx')).LinkedFeedback }));

/** The "Feedback" section of a deal or account page, loaded with the page that shows it. */
export function LinkedFeedback(props: ComponentProps<typeof Section>) {
  return (
    <Suspense fallback={<Skeleton height={120} radius="md" />}>
      <Section {...props} />
    </Suspense>
  );
}
