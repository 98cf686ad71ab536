import { Badge, Group } from '@mantine/core';
import type { ImportRecord } from '@tandem/contracts';
import { STATUS_COLORS, STATUS_LABELS } from './import-fields.ts';

export function ImportStatusBadge({ record, size = 'sm' }: { record: Pick<ImportRecord, 'status' | 'dryRun' | 'full'>; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light" color={STATUS_COLORS[record.status]} size={size} tt="none">
        {STATUS_LABELS[record.status]}
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
