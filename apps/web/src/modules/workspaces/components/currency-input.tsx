import { Autocomplete, Group, Text } from '@mantine/core';
import { COMMON_CURRENCIES } from '../../../app/currencies.ts';

const NAMES = new Map(COMMON_CURRENCIES.map((c) => [c.code, c.name]));

/** Common codes to pick from; any other three-letter code can be typed (validated on save). */
export function CurrencyInput({
  value,
  onChange,
  error,
  label = 'Base currency',
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  label?: string;
}) {
  const name = NAMES.get(value);
  return (
    <Autocomplete
      label={label}
      description={name ? `${name}. Amounts across Tandem are reported in this currency.` : 'A three-letter ISO 4217 code, e.g. USD or EUR'}
      required
      maxLength={3}
      value={value}
      onChange={(v) => onChange(v.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 3))}
      data={COMMON_CURRENCIES.map((c) => c.code)}
      filter={({ options, search }) => {
        const q = search.trim().toUpperCase();
        if (!q || NAMES.has(q)) return options;
        return options.filter((o) => {
          if (!('value' in o)) return false;
          return o.value.includes(q) || (NAMES.get(o.value) ?? '').toUpperCase().includes(q);
        });
      }}
      renderOption={({ option }) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600} w={40}>
            {option.value}
          </Text>
          <Text size="sm" c="dimmed">
            {NAMES.get(option.value)}
          </Text>
        </Group>
      )}
      error={error}
    />
  );
}
