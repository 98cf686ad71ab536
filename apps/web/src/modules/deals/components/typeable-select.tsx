import { useState } from 'react';
import { Select, type ComboboxData, type SelectProps } from '@mantine/core';

interface Option {
  value: string;
  label: string;
}

type TypeableSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  options: Option[];
  value: string | null;
  onChange: (value: string | null) => void;
  /** How a typed value that matches no option is offered, e.g. `Owner named “Jo”`. */
  typedLabel: (text: string) => string;
};

/** A searchable select that also accepts what was typed, for values no list knows (CRM owner names, segments). */
export function TypeableSelect({ options, value, onChange, typedLabel, ...props }: TypeableSelectProps) {
  const [search, setSearch] = useState('');
  const data: Option[] = [...options];
  const typed = new Set<string>();
  const offer = (text: string) => {
    data.push({ value: text, label: text });
    typed.add(text);
  };
  if (value && !options.some((o) => o.value === value)) offer(value);
  const text = search.trim();
  const same = (o: Option) => o.label.toLowerCase() === text.toLowerCase() || o.value.toLowerCase() === text.toLowerCase();
  if (text && !data.some(same)) offer(text);
  return (
    <Select
      {...props}
      data={data as ComboboxData}
      value={value}
      onChange={onChange}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The input shows what was typed; the option says how it will be used.
      renderOption={({ option }) => (typed.has(option.value) ? typedLabel(option.value) : option.label)}
    />
  );
}
