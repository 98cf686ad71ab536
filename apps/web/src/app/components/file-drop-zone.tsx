import { useState, type DragEvent, type ReactNode } from 'react';
import { Paper } from '@mantine/core';

interface FileDropZoneProps {
  /** While busy, a dropped file is ignored. */
  busy: boolean;
  onFile: (file: File) => void;
  /** The region's accessible name, e.g. "Upload a file to import". */
  label: string;
  children: ReactNode;
}

/** A dashed area a file can be dropped on, highlighted while one is dragged over it (the imports' upload). */
export function FileDropZone({ busy, onFile, label, children }: FileDropZoneProps) {
  const [dragging, setDragging] = useState(false);

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  }

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'lg', sm: 'xl' }}
      onDragOver={(e) => {
        e.preventDefault();
        if (!busy) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: dragging ? 'var(--mantine-primary-color-filled)' : undefined,
        background: dragging ? 'var(--mantine-primary-color-light)' : undefined,
        transition: 'background 120ms, border-color 120ms',
      }}
      aria-label={label}
      role="region"
    >
      {children}
    </Paper>
  );
}
