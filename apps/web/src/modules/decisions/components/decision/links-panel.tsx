import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { DecisionLinksInput, type DecisionDetail, type DecisionLink } from '@tandem/contracts';
import { FormError } from '../../../../app/kit/index.ts';
import { useFormState } from '../../../../app/forms.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useDecisionActions } from '../../hooks/use-decisions.ts';
import { LinkSelect, linksInput, linkValue } from '../shared/link-select.tsx';

const WORD = { theme: 'Feedback theme', asset: 'Library asset', goal: 'Goal' } as const;

/** What the decision concerns (feedback themes, library assets, goals), each opening its page; the owner edits them. */
export function LinksPanel({ decision: d, onDone }: { decision: DecisionDetail; onDone: (message: string) => void }) {
  const [editing, setEditing] = useState(false);
  if (!d.links.length && !d.permissions.editLinks) return null;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        What it concerns
      </Title>
      {editing ? (
        <LinksForm decision={d} onClose={() => setEditing(false)} onDone={onDone} />
      ) : (
        <>
          <LinkList links={d.links} />
          {d.permissions.editLinks && (
            <Group mt="sm">
              <Button variant="default" size="xs" onClick={() => setEditing(true)}>
                {d.links.length ? 'Edit links' : 'Link themes, assets or goals'}
              </Button>
            </Group>
          )}
        </>
      )}
    </Card>
  );
}

function LinkList({ links }: { links: readonly DecisionLink[] }) {
  const ws = useWorkspace();
  if (!links.length) {
    return (
      <Text size="sm" c="dimmed">
        Nothing linked yet.
      </Text>
    );
  }
  const href = (l: DecisionLink) => (l.type === 'theme' ? `/w/${ws.slug}/feedback/themes/${l.id}` : l.type === 'asset' ? `/w/${ws.slug}/library/${l.id}` : `/w/${ws.slug}/goals/${l.id}`);
  return (
    <List size="sm" spacing={4} aria-label="What it concerns">
      {links.map((l) => (
        <List.Item key={linkValue(l)}>
          {WORD[l.type]}:{' '}
          <Anchor component={Link} to={href(l)} size="sm">
            {l.title}
          </Anchor>
        </List.Item>
      ))}
    </List>
  );
}

function LinksForm({ decision: d, onClose, onDone }: { decision: DecisionDetail; onClose: () => void; onDone: (message: string) => void }) {
  const ws = useWorkspace();
  const actions = useDecisionActions(ws.slug, d.id);
  const form = useFormState({ links: d.links.map(linkValue) });
  const submit = form.handleSubmit(
    DecisionLinksInput,
    async (body) => {
      const r = await actions.setLinks.mutateAsync(body);
      onClose();
      const n = r.decision.links.length;
      onDone(`Links saved: the decision now concerns ${n === 0 ? 'nothing linked' : n === 1 ? 'one item' : `${n} items`}. No one was told.`);
    },
    { input: () => linksInput(form.values.links) },
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <LinkSelect label="Feedback themes, library assets and goals" value={form.values.links} onChange={(v) => form.set('links', v)} current={d.links} />
        <FormError message={form.formError} />
        <Group>
          <Button type="submit" size="xs" loading={form.submitting}>
            Save links
          </Button>
          <Button variant="subtle" size="xs" onClick={onClose}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
