import type { ReactNode } from 'react';
import { Text, VisuallyHidden } from '@mantine/core';

export interface ChartFigureProps {
  /** What the figure shows, with its summary (the figure's accessible name). */
  label: string;
  /** The chart itself: hidden from screen readers, which read `table` instead. */
  children: ReactNode;
  /** The same numbers as a table, for screen readers. */
  table: { caption: string; columns: string[]; rows: { key: string; cells: ReactNode[] }[] };
  /** The line under the chart, in plain words. */
  caption: ReactNode;
}

/**
 * A chart as a `<figure>`: the drawing hidden from assistive technology, the same numbers in a visually hidden
 * table, and a caption. Keeps the chart library out of this file so the kit stays light.
 */
export function ChartFigure({ label, children, table, caption }: ChartFigureProps) {
  return (
    <figure style={{ margin: 0 }} aria-label={label}>
      <div aria-hidden="true">{children}</div>
      <VisuallyHidden>
        <table>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.key}>
                {r.cells.map((cell, i) => (
                  <td key={table.columns[i]}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
      <Text component="figcaption" size="xs" c="dimmed" mt={4}>
        {caption}
      </Text>
    </figure>
  );
}
