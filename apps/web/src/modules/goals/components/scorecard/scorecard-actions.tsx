import { Button, Group, Select } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import type { FiscalPeriod } from '@tandem/contracts';

interface Props {
  periods?: FiscalPeriod[];
  period?: string;
  onPeriod?: (label: string) => void;
  onCsv: () => void;
  csvDisabled?: boolean;
}

/** A page's period picker, CSV download and print button (none of them printed). */
export function ReportActions({ periods, period, onPeriod, onCsv, csvDisabled }: Props) {
  return (
    <Group gap="sm" data-print="hide" wrap="wrap">
      {periods && onPeriod && (
        <Select
          aria-label="Quarter"
          data={periods.map((p) => ({ value: p.label, label: p.label }))}
          value={period ?? null}
          onChange={(v) => v && onPeriod(v)}
          allowDeselect={false}
          w={140}
        />
      )}
      <Button variant="default" leftSection={<IconDownload size={16} />} onClick={onCsv} disabled={csvDisabled}>
        Download CSV
      </Button>
      <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
        Print
      </Button>
    </Group>
  );
}
