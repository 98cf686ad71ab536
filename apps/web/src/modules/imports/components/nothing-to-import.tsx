import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ImportPreview } from '@tandem/contracts';
import { formatCount, plural } from './import-fields.ts';

/** Said before starting: no row of the file can be imported, and the most frequent reasons why. */
export function NothingToImport({ check }: { check: NonNullable<ImportPreview['check']> }) {
  const rows = check.wholeFile ? `the ${plural(check.rows, 'row')} of this file` : `the first ${formatCount(check.rows)} rows of this file`;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Nothing would be imported" role="alert">
      <Text size="sm">
        None of {rows} can be imported, so starting would create or update no deal. Why:
      </Text>
      <List size="sm" spacing={4} mt="xs" aria-label="Why no row can be imported">
        {check.reasons.map((r) => (
          <List.Item key={`${r.column}:${r.message}`}>
            <Text span size="sm" fw={600}>
              {plural(r.count, 'row')}, column “{r.column}”:
            </Text>{' '}
            {r.count > 1 ? `for example ${r.message}` : r.message}
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        Fix the file, or the mapping in step 2, and upload it again.
      </Text>
    </Alert>
  );
}
