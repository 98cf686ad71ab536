import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { SCORE_PART_LABELS, type RequestScore } from '@tandem/contracts';
import { formatScore } from '../shared/request-format.ts';

/** The priority score part by part: value × weight = points, with where each value comes from, and the total. */
export function ScoreBreakdown({ score }: { score: RequestScore }) {
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="score-title">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4" id="score-title">
            Priority score
          </Title>
          <Text fw={700} size="lg">
            {formatScore(score.total)}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          Each part is a value from 0 to 100 times the weight the workspace gives it; the score is their sum. The queue is ordered by it, except for
          requests marketing pinned or placed by hand.
        </Text>
          <Table verticalSpacing="xs" horizontalSpacing="xs" captionSide="bottom">
            <Table.Caption>Score = the sum of the points column</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Part</Table.Th>
                <Table.Th ta="right">Value</Table.Th>
                <Table.Th ta="right">Weight</Table.Th>
                <Table.Th ta="right">Points</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {score.parts.map((p) => (
                <Table.Tr key={p.name}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {SCORE_PART_LABELS[p.name]}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.detail}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatScore(p.value)}</Table.Td>
                  <Table.Td ta="right">× {formatScore(p.weight)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {formatScore(p.value * p.weight)}
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td colSpan={3}>
                  <Text size="sm" fw={700}>
                    Total
                  </Text>
                </Table.Td>
                <Table.Td ta="right" fw={700}>
                  {formatScore(score.total)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
      </Stack>
    </Card>
  );
}
