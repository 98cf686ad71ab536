import { Select } from '@mantine/core';
import { MONTHS } from '../../../app/kit/index.ts';

const DATA = MONTHS.map((m, i) => ({ value: String(i + 1), label: m }));

export function FiscalMonthSelect({
  value,
  onChange,
  error,
}: {
  value: number;
  onChange: (month: number) => void;
  error?: string;
}) {
  return (
    <Select
      label="Fiscal year starts in"
      description="Quarters and years in Tandem follow your fiscal year."
      data={DATA}
      value={String(value)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      required
      error={error}
    />
  );
}
