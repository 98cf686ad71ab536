import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Anchor, Button, Card, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import type { PulseDetail } from '@tandem/contracts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { notifyError } from '../../../app/components/notify.ts';
import { QueryView } from '../../../app/kit/index.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useAnswerPulse, usePulse } from '../hooks/use-alignment.ts';

const SCALE = ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'];

/** Answering a pulse: one card per statement, five choices each, the optional comment; works one-handed on a phone. */
export function PulsePage() {
  const ws = useWorkspace();
  const { pulseId } = useParams();
  const pulse = usePulse(ws.slug, pulseId);
  return (
    <QueryView query={pulse} error="Could not load this pulse">
      {(p) => (
        <>
          <PageHeader title={`Pulse ${p.number}`} description="How are marketing and sales working together? Under two minutes. Anonymous: your answer is stored without your name; only your team and role are kept." />
          <PulseBody pulse={p} />
        </>
      )}
    </QueryView>
  );
}

function PulseBody({ pulse }: { pulse: PulseDetail }) {
  const ws = useWorkspace();
  const [values, setValues] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const answer = useAnswerPulse(ws.slug, pulse.id);
  const back = (
    <Anchor component={Link} to={`/w/${ws.slug}/alignment`} c="dark.8" style={{ textDecoration: 'underline' }}>
      See the Alignment Index
    </Anchor>
  );
  if (done || pulse.answeredByMe)
    return (
      <Alert color="teal" title="Your answer is in" role="status">
        {done ?? 'You have answered this pulse. Answers are anonymous, so they cannot be shown back to you or changed.'} Results appear once the pulse closes
        ({pulse.closesAt.slice(0, 10)}). {back}
      </Alert>
    );
  if (pulse.status !== 'open')
    return (
      <Alert color="gray" title={pulse.status === 'closed' ? 'This pulse has closed' : 'This pulse has not opened yet'}>
        {pulse.status === 'closed' ? 'Answers are no longer taken.' : `It opens ${pulse.opensAt.slice(0, 10)}.`} {back}
      </Alert>
    );
  if (!pulse.invitedMe)
    return (
      <Alert color="gray" title="You were not asked in this pulse">
        A pulse asks the marketing and sales members who were active when it opened. {back}
      </Alert>
    );
  const unanswered = pulse.questions.filter((q) => values[q.id] === undefined);
  const submit = () => {
    if (unanswered.length) return setMissing(true);
    answer.mutate({ answers: values, comment: comment.trim() || undefined }, { onSuccess: (r) => setDone(r.message), onError: (e) => notifyError(e, 'Your answer was not saved') });
  };
  return (
    <Stack gap="sm" maw={720}>
      <Text size="sm" c="dimmed">
        1 = strongly disagree, 5 = strongly agree. {pulse.questions.length} statements.
      </Text>
      {pulse.questions.map((q, i) => (
        <Card withBorder key={q.id} padding="sm">
          <Radio.Group
            label={`${i + 1}. ${q.text}`}
            value={values[q.id] ? String(values[q.id]) : null}
            onChange={(v) => setValues((x) => ({ ...x, [q.id]: Number(v) }))}
            error={missing && values[q.id] === undefined ? 'Choose 1 to 5' : undefined}
            styles={{ label: { fontWeight: 600, marginBottom: 8 } }}
          >
            <Group gap={0} justify="space-between" wrap="nowrap">
              {SCALE.map((s, n) => (
                <Radio
                  key={s}
                  value={String(n + 1)}
                  aria-label={`${n + 1}, ${s.toLowerCase()}`}
                  label={String(n + 1)}
                  styles={{ body: { flexDirection: 'column', alignItems: 'center', gap: 2, padding: '6px 10px' }, labelWrapper: { alignItems: 'center' } }}
                />
              ))}
            </Group>
          </Radio.Group>
        </Card>
      ))}
      <Textarea label={pulse.freeTextQuestion} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={1000} autosize minRows={2} description="Shown only as words several people used, and only for a group large enough to stay anonymous." />
      {missing && unanswered.length > 0 && (
        <Alert color="red" role="alert">
          {unanswered.length === 1 ? 'One statement is' : `${unanswered.length} statements are`} not answered yet.
        </Alert>
      )}
      <Group>
        <Button onClick={submit} loading={answer.isPending} size="md">
          Send my answer
        </Button>
      </Group>
    </Stack>
  );
}
