import { useState } from 'react';
import { Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { ImportRowError } from '@tandem/contracts';
import { usePhone } from '../../../app/use-phone.ts';
import { formatCount } from './import-fields.ts';

const PAGE = 50;

/** Rows the import refused or noted: where (line, column), the value, and why. */
export function RowProblems({ problems, label }: { problems: ImportRowError[]; label: string }) {
  const phone = usePhone();
  const [shown, setShown] = useState(PAGE);
  const visible = problems.slice(0, shown);
  const more = problems.length - visible.length;

  return (
    <Stack gap="sm">
      {phone ? (
        <Stack gap="xs" aria-label={label}>
          {visible.map((p, i) => (
            <Paper key={i} withBorder radius="md" p="sm">
              <Text size="xs" c="dimmed">
                Line {p.line} · {p.column}
              </Text>
              {p.value && (
                <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {p.value}
                </Text>
              )}
              <Text size="sm">{p.message}</Text>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing={6} striped aria-label={label}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>Line</Table.Th>
                <Table.Th w="18%">Column</Table.Th>
                <Table.Th w="22%">Value</Table.Th>
                <Table.Th>Problem</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((p, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{p.line}</Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate title={p.column}>
                      {p.column}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" truncate title={p.value}>
                      {p.value || <Text span c="dimmed" size="sm">(empty)</Text>}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.message}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {more > 0 && (
        <Group justify="center">
          <Button variant="default" size="xs" onClick={() => setShown((n) => n + 200)}>
            Show {formatCount(Math.min(200, more))} more of {formatCount(more)}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
