import { Badge, Group } from '@mantine/core';
import type { ImportRecord } from '@tandem/contracts';
import { importedNothing, STATUS_COLORS, STATUS_LABELS } from './import-fields.ts';

export function ImportStatusBadge({
  record,
  size = 'sm',
}: {
  record: Pick<ImportRecord, 'status' | 'dryRun' | 'full' | 'counts'>;
  size?: 'sm' | 'md' | 'lg';
}) {
  // Completed with every row rejected is not a green success.
  const nothing = importedNothing(record);
  return (
    <Group gap={4} wrap="wrap">
      <Badge variant="light" color={nothing ? 'red' : STATUS_COLORS[record.status]} size={size} tt="none">
        {nothing ? (record.dryRun ? 'Nothing to import' : 'Nothing imported') : STATUS_LABELS[record.status]}
      </Badge>
      {record.dryRun && (
        <Badge variant="outline" color="gray" size={size} tt="none">
          Dry run
        </Badge>
      )}
      {record.full && (
        <Badge variant="outline" color="orange" size={size} tt="none">
          Full sync
        </Badge>
      )}
    </Group>
  );
}
