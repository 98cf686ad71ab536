import type { TextSegment } from '@tandem/contracts';

/**
 * Text as the search cut it: matching runs in `<mark>`. React escapes every run, so nothing in a title or body
 * becomes markup.
 */
export function Highlighted({ segments, fallback }: { segments: TextSegment[]; fallback?: string }) {
  if (!segments.length) return <>{fallback ?? ''}</>;
  return (
    <>
      {segments.map((s, i) =>
        s.match ? (
          <mark key={i} style={{ backgroundColor: 'var(--mantine-color-yellow-2)', color: 'inherit', padding: '0 1px', borderRadius: 2 }}>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
