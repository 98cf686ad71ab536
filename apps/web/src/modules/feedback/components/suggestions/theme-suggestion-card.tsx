import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Badge, Box, Button, Card, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconChevronDown, IconChevronUp, IconPencil, IconX } from '@tabler/icons-react';
import type { FeedbackItem, ThemeDetail, ThemeSuggestion } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { problemFieldErrors } from '../../../../app/forms.ts';
import { notifyError, notifySuccess } from '../../../../app/components/notify.ts';
import { formatDate, FormError } from '../../../../app/kit/index.ts';
import { useAcceptSuggestion, useDiscardSuggestion } from '../../hooks/use-suggestions.ts';
import { useFeedbackItems } from '../../hooks/use-themes.ts';
import { KindBadge } from '../shared/feedback-bits.tsx';
import { Money, plural } from '../shared/theme-bits.tsx';

const MORE_STEP = 10;

interface SuggestionCardProps {
  suggestion: ThemeSuggestion;
  slug: string;
  baseCurrency: string | undefined;
  tz: string;
  onAccepted: (theme: ThemeDetail, suggestionId: string) => void;
}

/** One group the engine found: what it says, how much rides on it, and accept / rename / discard. */
export function ThemeSuggestionCard({ suggestion: s, slug, baseCurrency, tz, onAccepted }: SuggestionCardProps) {
  const accept = useAcceptSuggestion(slug);
  const discard = useDiscardSuggestion(slug);
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [expanded, setExpanded] = useState(false);
  const titleId = `suggestion-${s.id}`;
  const weakId = `suggestion-${s.id}-weak`;
  const busy = accept.isPending || discard.isPending;

  async function doAccept(e?: FormEvent) {
    e?.preventDefault();
    const chosen = name?.trim();
    if (name !== null && !chosen) return setError('Enter a name, or accept it as suggested.');
    setError(null);
    setNameError(null);
    try {
      const theme = await accept.mutateAsync({ suggestionId: s.id, name: chosen || undefined });
      onAccepted(theme, s.id);
    } catch (err) {
      // A name already taken belongs on the name: open the rename field with the problem on it.
      const onName = problemFieldErrors(err).name;
      if (onName) {
        setName(chosen || s.label);
        setNameError(onName.replace(/^./, (c) => c.toUpperCase()));
      } else setError(errorMessage(err));
    }
  }

  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="article" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={4} style={{ flex: '1 1 280px', minWidth: 0 }}>
            <Title order={3} size="h4" id={titleId}>
              {s.label}
            </Title>
            {s.keyPhrases.length > 0 && (
              <Group gap={4} aria-label="Keywords">
                {s.keyPhrases.map((p) => (
                  <Badge key={p} variant="light" color="gray" tt="none" size="sm" fw={500}>
                    {p}
                  </Badge>
                ))}
              </Group>
            )}
          </Stack>
          <Group gap="lg" wrap="nowrap">
            <Stat label="Items">{s.size}</Stat>
            <Stat label="Accounts">{s.accounts}</Stat>
            <Stat label="Open pipeline">
              <Money amount={s.openPipeline} currency={baseCurrency} fw={650} />
            </Stat>
          </Group>
        </Group>

        <Stack gap="xs" role="list" aria-label={`Examples from ${s.label}`}>
          {s.representatives.map((item) => (
            <ItemSnippet key={item.id} item={item} tz={tz} />
          ))}
        </Stack>

        {s.size > s.representatives.length && (
          <Box>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => setExpanded((x) => !x)}
              rightSection={expanded ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
              aria-expanded={expanded}
            >
              {expanded ? 'Hide the other items' : `and ${plural(s.size - s.representatives.length, 'more item')}`}
            </Button>
            {expanded && <MoreItems suggestion={s} slug={slug} tz={tz} />}
          </Box>
        )}

        <FormError message={error} />
        {s.nameWeakness && name === null && <WeakName id={weakId} message={s.nameWeakness.message} />}
        {name === null ? (
          <Group gap="xs">
            {s.nameWeakness ? (
              // A weak name is never published with one click: the PMM names the theme (or confirms the name) first.
              <Button leftSection={<IconPencil size={16} />} onClick={() => setName(s.label)} disabled={busy} aria-describedby={weakId}>
                Rename & accept
              </Button>
            ) : (
              <>
                <Button leftSection={<IconCheck size={16} />} onClick={() => void doAccept()} loading={accept.isPending} disabled={busy}>
                  Accept
                </Button>
                <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setName(s.label)} disabled={busy}>
                  Rename & accept
                </Button>
              </>
            )}
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconX size={16} />}
              loading={discard.isPending}
              disabled={busy}
              onClick={() =>
                discard.mutate(s.id, {
                  onSuccess: () => notifySuccess(`Its items stay untriaged.`, `"${s.label}" discarded`),
                  onError: (e) => notifyError(e, 'Could not discard it'),
                })
              }
            >
              Discard
            </Button>
          </Group>
        ) : (
          <form onSubmit={(e) => void doAccept(e)} noValidate>
            <Group gap="xs" align="flex-end" wrap="wrap">
              <TextInput
                label="Theme name"
                description={s.nameWeakness ? `${s.nameWeakness.message} Type a name, or confirm this one.` : undefined}
                value={name}
                error={nameError}
                onFocus={(e) => s.nameWeakness && e.currentTarget.select()}
                onChange={(e) => {
                  setName(e.currentTarget.value);
                  setNameError(null);
                }}
                maxLength={120}
                autoFocus
                style={{ flex: '1 1 260px' }}
              />
              <Button type="submit" loading={accept.isPending}>
                Accept as this name
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setName(null);
                  setError(null);
                }}
                disabled={accept.isPending}
              >
                Cancel
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Card>
  );
}

/** Why the suggested name should not go out as it is: said before the PMM accepts. */
function WeakName({ id, message }: { id: string; message: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" id={id} bg="orange.0" p="xs" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
      <IconAlertTriangle size={16} color="var(--mantine-color-orange-9)" aria-hidden style={{ flex: 'none', marginTop: 2 }} />
      <Text size="sm">
        <Text span fw={600} inherit>
          Name it before accepting.
        </Text>{' '}
        {message}
      </Text>
    </Group>
  );
}

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={650} size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function ItemSnippet({ item, tz }: { item: FeedbackItem; tz: string }) {
  return (
    <Box role="listitem" pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
      <Text size="sm" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
        {item.text}
      </Text>
      {item.quote && (
        <Text size="sm" fs="italic" c="dark.4" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
          “{item.quote}”
        </Text>
      )}
      <Group gap={6} mt={2} wrap="wrap">
        <KindBadge kind={item.kind} size="xs" />
        <Text size="xs" c="dimmed">
          {item.submittedBy?.name ?? 'Unknown rep'}
          {item.account && ` · ${item.account.name}`}
          {item.deal && ` · ${item.deal.name}`} · {formatDate(item.observedAt, tz)}
        </Text>
      </Group>
    </Box>
  );
}

/** The rest of the group, fetched ten at a time only when asked for. */
function MoreItems({ suggestion: s, slug, tz }: { suggestion: ThemeSuggestion; slug: string; tz: string }) {
  const shown = new Set(s.representatives.map((r) => r.id));
  const rest = s.itemIds.filter((id) => !shown.has(id));
  const [count, setCount] = useState(Math.min(MORE_STEP, rest.length));
  const queries = useFeedbackItems(slug, rest.slice(0, count));
  const failed = queries.filter((q) => q.isError).length;
  return (
    <Stack gap="xs" mt="xs" role="list" aria-label={`More items in ${s.label}`}>
      {queries.map((q, i) =>
        q.data ? (
          <ItemSnippet key={q.data.id} item={q.data} tz={tz} />
        ) : q.isPending ? (
          <Group key={rest[i]} gap="xs" role="listitem" pl="sm">
            <Loader size="xs" />
            <Text size="xs" c="dimmed">
              Loading…
            </Text>
          </Group>
        ) : null,
      )}
      {failed > 0 && (
        <Text size="xs" c="red.7">
          {plural(failed, 'item')} could not be loaded (it may have been moved or deleted since).
        </Text>
      )}
      {count < rest.length && (
        <Anchor component="button" type="button" size="sm" onClick={() => setCount((c) => Math.min(rest.length, c + MORE_STEP))}>
          Show {Math.min(MORE_STEP, rest.length - count)} more ({rest.length - count} not shown)
        </Anchor>
      )}
    </Stack>
  );
}

/** After accepting: the way to the new theme. */
export function AcceptedTheme({ theme, slug }: { theme: ThemeDetail; slug: string }) {
  return (
    <Text size="sm">
      <Anchor component={Link} to={`/w/${slug}/feedback/themes/${theme.id}`} fw={600}>
        {theme.name}
      </Anchor>{' '}
      is a theme now, with {plural(theme.metrics.items, 'item')}.
    </Text>
  );
}
