import { useState } from 'react';
import { TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';

type DebouncedInputProps = Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string;
  /** Called once typing pauses. */
  onCommit: (value: string) => void;
};

/** A text filter that writes to the address bar once typing pauses, and follows it when it changes elsewhere. */
export function DebouncedInput({ value, onCommit, ...props }: DebouncedInputProps) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  const [sent, setSent] = useState(value);
  // "Clear filters" or the back button changed the value: show it, unless it is what was just sent.
  if (value !== seen) {
    setSeen(value);
    if (value !== sent.trim()) setText(value);
  }
  const commit = useDebouncedCallback((t: string) => {
    setSent(t);
    onCommit(t);
  }, 350);
  return (
    <TextInput
      {...props}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        commit(e.currentTarget.value);
      }}
    />
  );
}
