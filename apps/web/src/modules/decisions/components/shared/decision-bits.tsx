import { Badge, Group, Text } from '@mantine/core';
import { DECISION_PHASE_LABELS, DECISION_STANCE_LABELS, type DecisionPhase, type DecisionStance, type StanceCounts } from '@tandem/contracts';

const PHASE_COLOR: Record<DecisionPhase, string> = { collecting_input: 'blue', awaiting_decision: 'orange', decided: 'green' };
export const STANCE_COLOR: Record<DecisionStance, string> = { support: 'green', concern: 'yellow', object: 'red' };

export function PhaseBadge({ phase }: { phase: DecisionPhase }) {
  return (
    <Badge variant="light" color={PHASE_COLOR[phase]} tt="none">
      {DECISION_PHASE_LABELS[phase]}
    </Badge>
  );
}

export function StanceBadge({ stance }: { stance: DecisionStance }) {
  return (
    <Badge variant="light" color={STANCE_COLOR[stance]} tt="none">
      {DECISION_STANCE_LABELS[stance]}
    </Badge>
  );
}

/** "2 support · 1 concern · 1 object", each count coloured by its stance. */
export function StanceCountsLine({ counts, size = 'sm' }: { counts: StanceCounts; size?: 'xs' | 'sm' }) {
  return (
    <Group gap={8} wrap="nowrap">
      {(['support', 'concern', 'object'] as const).map((s) => (
        <Text key={s} size={size} c={counts[s] ? STANCE_COLOR[s] : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
          {counts[s]} {s === 'support' ? 'support' : s === 'concern' ? (counts[s] === 1 ? 'concern' : 'concerns') : counts[s] === 1 ? 'objection' : 'objections'}
        </Text>
      ))}
    </Group>
  );
}
