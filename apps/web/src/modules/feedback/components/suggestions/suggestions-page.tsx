import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Button, Card, Group, Loader, Skeleton, Stack, Text } from '@mantine/core';
import { IconCheck, IconInbox, IconListCheck, IconRefresh, IconSparkles } from '@tabler/icons-react';
import type { ThemeDetail } from '@tandem/contracts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { EmptyResult, formatRelative, QueryError, QueryView } from '../../../../app/kit/index.ts';
import { RequirePermission } from '../../../../app/guards.tsx';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useWorkspaceDetails } from '../../../workspaces/index.ts';
import { useRefreshSuggestions, useSuggestions, useUndoAcceptSuggestion } from '../../hooks/use-suggestions.ts';
import { plural } from '../shared/theme-bits.tsx';
import { notifyUndoable } from '../shared/undo-toast.tsx';
import { AcceptedTheme, ThemeSuggestionCard } from './theme-suggestion-card.tsx';

export function SuggestionsPage() {
  return (
    <RequirePermission action="feedback.triage" title="Suggested themes">
      <Suggestions />
    </RequirePermission>
  );
}

function Suggestions() {
  const ws = useWorkspace();
  const tz = useRequiredSession().user.timeZone;
  const baseCurrency = useWorkspaceDetails(ws.slug).data?.baseCurrency;
  const suggestions = useSuggestions(ws.slug);
  const refresh = useRefreshSuggestions(ws.slug);
  const undoAccept = useUndoAcceptSuggestion(ws.slug);
  const [accepted, setAccepted] = useState<ThemeDetail[]>([]);

  // Never computed in this workspace: compute once on arrival rather than show an empty page.
  const autoRan = useRef(false);
  const neverComputed = suggestions.data?.computedAt === null;
  const { mutate: runRefresh } = refresh;
  useEffect(() => {
    if (neverComputed && !autoRan.current) {
      autoRan.current = true;
      runRefresh();
    }
  }, [neverComputed, runRefresh]);

  const data = suggestions.data;
  const computing = refresh.isPending || (neverComputed && refresh.isIdle);

  return (
    <>
      <PageHeader
        title="Suggested themes"
        description="Tandem groups the feedback that has no theme yet by what it says. Accept a group to make it a theme (its items move into it), rename it first, or discard it and its items stay untriaged."
        actions={
          <>
            <Button component={Link} to={`/w/${ws.slug}/feedback/themes`} variant="default" leftSection={<IconListCheck size={16} />}>
              Themes
            </Button>
            <Button leftSection={<IconRefresh size={16} />} onClick={() => refresh.mutate()} loading={computing} disabled={!data}>
              Find themes again
            </Button>
          </>
        }
      />
      <Stack gap="md">
        {accepted.length > 0 && (
          <Alert color="teal" variant="light" icon={<IconCheck size={18} />} title="Accepted" withCloseButton closeButtonLabel="Dismiss" onClose={() => setAccepted([])}>
            <Stack gap={4}>
              {accepted.map((t) => (
                <AcceptedTheme key={t.id} theme={t} slug={ws.slug} />
              ))}
            </Stack>
          </Alert>
        )}
        {refresh.isError && <QueryError error={refresh.error} onRetry={() => refresh.mutate()} title="Could not find themes" />}
        <QueryView query={suggestions} skeleton={<Computing unthemed={undefined} />}>
          {(data) =>
            computing ? (
              <Computing unthemed={data.unthemed} />
            ) : (
              <>
                <Text size="sm" c="dimmed" aria-live="polite">
                  {data.computedAt
                    ? `${plural(data.items.length, 'group')} found ${formatRelative(data.computedAt)} among ${plural(data.unthemed, 'untriaged item')}.`
                    : `${plural(data.unthemed, 'untriaged item')}.`}{' '}
                  Feedback logged since then is not included until you find themes again.
                </Text>
                {data.items.length === 0 ? (
                  <NothingToSuggest unthemed={data.unthemed} slug={ws.slug} />
                ) : (
                  data.items.map((s) => (
                    <ThemeSuggestionCard
                      key={s.id}
                      suggestion={s}
                      slug={ws.slug}
                      baseCurrency={baseCurrency}
                      tz={tz}
                      onAccepted={(theme, suggestionId) => {
                        setAccepted((prev) => [theme, ...prev]);
                        notifyUndoable({
                          title: `“${theme.name}” created`,
                          message: `${plural(theme.metrics.items, 'item')} moved into it. Nobody was told.`,
                          undo: async () => {
                            await undoAccept.mutateAsync(suggestionId);
                            setAccepted((prev) => prev.filter((t) => t.id !== theme.id));
                            return `The suggestion is back and its items wait for triage again.`;
                          },
                        });
                      }}
                    />
                  ))
                )}
              </>
            )
          }
        </QueryView>
      </Stack>
    </>
  );
}

function Computing({ unthemed }: { unthemed: number | undefined }) {
  return (
    <Stack gap="md" aria-busy="true">
      <Card withBorder radius="md" p="md">
        <Group gap="sm" wrap="nowrap" role="status">
          <Loader size="sm" />
          <Text size="sm">
            Reading {unthemed !== undefined ? plural(unthemed, 'untriaged item') : 'the untriaged feedback'} and grouping what says the
            same thing. This can take several seconds.
          </Text>
        </Group>
      </Card>
      {[0, 1].map((i) => (
        <Skeleton key={i} height={220} radius="md" />
      ))}
    </Stack>
  );
}

function NothingToSuggest({ unthemed, slug }: { unthemed: number; slug: string }) {
  return (
    <Card withBorder radius="md" p="xl">
      {unthemed === 0 ? (
        <EmptyResult
          icon={<IconSparkles size={28} />}
          title="Nothing to group"
          description="Every item of feedback has a theme. New feedback that no theme fits shows up here once you find themes again."
          action={
            <Button component={Link} to={`/w/${slug}/feedback/themes`} variant="default">
              Back to themes
            </Button>
          }
        />
      ) : (
        <EmptyResult
          icon={<IconInbox size={28} />}
          title="No groups found"
          description={`The ${plural(unthemed, 'untriaged item')} are too different from each other to group, or too few. File them into themes one by one.`}
          action={
            <Button component={Link} to={`/w/${slug}/feedback?theme=none`} leftSection={<IconInbox size={18} />}>
              Untriaged feedback
            </Button>
          }
        />
      )}
      <Text size="xs" c="dimmed" ta="center" mt="md">
        Or{' '}
        <Anchor component={Link} to={`/w/${slug}/feedback/themes`} size="xs" underline="always">
          create a theme by hand
        </Anchor>{' '}
        from the theme board.
      </Text>
    </Card>
  );
}
