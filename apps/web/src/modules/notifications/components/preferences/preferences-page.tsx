import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Box, Button, Card, Checkbox, Flex, Group, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { PersonalChannelName, PreferenceItem, Preferences } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { FormError, QueryView, TableSkeleton } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { usePreferences, useSavePreferences } from '../../hooks/use-preferences.ts';
import { personalDescription } from './event-wording.ts';

const CHANNEL_LABELS: Record<PersonalChannelName, string> = { in_app: 'In-app', email: 'Email' };
const CHANNEL_ORDER: PersonalChannelName[] = ['in_app', 'email'];

type Choice = { channels: PersonalChannelName[]; digest: boolean };
type Choices = Record<string, Choice>;

const choicesOf = (prefs: Preferences): Choices =>
  Object.fromEntries(prefs.items.map((i) => [i.type, { channels: [...i.channels], digest: i.digest }]));

export function PreferencesPage() {
  const ws = useWorkspace();
  const prefs = usePreferences(ws.slug);
  return (
    <>
      <PageHeader
        title="Notification settings"
        description={
          <>
            How Tandem tells you what happened in {ws.membership.name}: in the app (the bell at the top) and by email. These
            settings are yours alone. <Anchor component={Link} to={`/w/${ws.slug}/notifications`} size="sm" underline="always">Open your notifications</Anchor>
          </>
        }
      />
      <QueryView query={prefs} skeleton={<TableSkeleton rows={5} />}>
        {(data) => (
          // A new server copy (after saving, or refetched) starts the form afresh.
          <PreferencesForm key={prefs.dataUpdatedAt} slug={ws.slug} prefs={data} />
        )}
      </QueryView>
    </>
  );
}

function PreferencesForm({ slug, prefs }: { slug: string; prefs: Preferences }) {
  const savePreferences = useSavePreferences(slug);
  const [choices, setChoices] = useState<Choices>(() => choicesOf(prefs));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const dirty = prefs.items.some((i) => {
    const c = choices[i.type];
    return !c || c.digest !== i.digest || [...c.channels].sort().join() !== [...i.channels].sort().join();
  });

  function toggle(item: PreferenceItem, channel: PersonalChannelName, on: boolean) {
    setChoices((prev) => {
      const current = prev[item.type] ?? { channels: [], digest: false };
      const channels = CHANNEL_ORDER.filter((ch) => (ch === channel ? on : current.channels.includes(ch)));
      return { ...prev, [item.type]: { channels, digest: channels.includes('email') && current.digest } };
    });
  }

  function setDigest(item: PreferenceItem, digest: boolean) {
    setChoices((prev) => ({ ...prev, [item.type]: { ...(prev[item.type] ?? { channels: [] }), digest } }));
  }

  async function save() {
    setSaving(true);
    setError(null);
    try {
      const items = prefs.items.map((i) => {
        const c = choices[i.type] ?? { channels: i.channels, digest: i.digest };
        return { type: i.type, channels: c.channels, ...(i.digestAvailable ? { digest: c.digest } : {}) };
      });
      await savePreferences.mutateAsync({ items });
      notifySuccess('Your notification settings are saved.', 'Saved');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="md">
        <FormError message={error} />
        {/* One row per event: on a phone its choices sit under its name, each with its own visible label, never in a
            sideways-scrolling table; from tablet width on, the choices line up in columns under a header. */}
        <Box role="list" aria-label="Notification settings">
          <Group visibleFrom="sm" gap="md" wrap="nowrap" pb={6} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }} aria-hidden>
            <Text size="sm" fw={600} style={{ flex: 1 }}>
              What happened
            </Text>
            {CHANNEL_ORDER.map((ch) => (
              <Text key={ch} size="sm" fw={600} w={90} ta="center">
                {CHANNEL_LABELS[ch]}
              </Text>
            ))}
            <Text size="sm" fw={600} w={150}>
              Daily digest
            </Text>
          </Group>
          {prefs.items.map((item) => (
            <PreferenceRow
              key={item.type}
              item={item}
              choice={choices[item.type] ?? { channels: [], digest: false }}
              onToggle={toggle}
              onDigest={setDigest}
            />
          ))}
        </Box>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {dirty ? 'You have unsaved changes.' : 'Emails go to your profile address.'}
          </Text>
          <Button onClick={() => void save()} loading={saving} disabled={!dirty}>
            Save
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

interface PreferenceRowProps {
  item: PreferenceItem;
  choice: Choice;
  onToggle: (item: PreferenceItem, channel: PersonalChannelName, on: boolean) => void;
  onDigest: (item: PreferenceItem, on: boolean) => void;
}

function PreferenceRow({ item, choice, onToggle, onDigest }: PreferenceRowProps) {
  const emailOn = choice.channels.includes('email');
  return (
    <Flex
      role="listitem"
      aria-label={item.label}
      direction={{ base: 'column', sm: 'row' }}
      gap={{ base: 8, sm: 'md' }}
      align={{ base: 'stretch', sm: 'center' }}
      py="sm"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={500}>
            {item.label}
          </Text>
          {item.required && (
            <Tooltip label="A security message: you always receive it" withArrow>
              <Group gap={2} wrap="nowrap" c="dimmed">
                <IconLock size={14} aria-hidden />
                <Text size="xs">Always sent</Text>
              </Group>
            </Tooltip>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {personalDescription(item)}
        </Text>
      </Box>
      <Group gap="md" wrap="wrap">
        {CHANNEL_ORDER.map((ch) => {
          const available = item.available.includes(ch);
          const checked = choice.channels.includes(ch);
          // A required message keeps at least one way to reach the person.
          const lastOfRequired = item.required && checked && choice.channels.length === 1;
          return (
            <Box key={ch} w={{ base: 'auto', sm: 90 }} style={{ display: 'flex', justifyContent: 'center' }}>
              {available ? (
                <Checkbox
                  checked={checked}
                  disabled={lastOfRequired}
                  onChange={(e) => onToggle(item, ch, e.currentTarget.checked)}
                  aria-label={`${CHANNEL_LABELS[ch]} for ${item.label}`}
                  label={<Box hiddenFrom="sm" component="span">{CHANNEL_LABELS[ch]}</Box>}
                />
              ) : (
                <Text size="xs" c="dimmed">
                  <Box hiddenFrom="sm" component="span">
                    {CHANNEL_LABELS[ch]}:{' '}
                  </Box>
                  not available
                </Text>
              )}
            </Box>
          );
        })}
        <Box w={{ base: 'auto', sm: 150 }}>
          {item.digestAvailable ? (
            <Switch
              size="sm"
              checked={choice.digest && emailOn}
              disabled={!emailOn}
              onChange={(e) => onDigest(item, e.currentTarget.checked)}
              label={emailOn ? (choice.digest ? 'Email once a day' : 'Email each time') : 'Email is off'}
              aria-label={`Daily digest for ${item.label}`}
            />
          ) : (
            <Text size="xs" c="dimmed" visibleFrom="sm">
              —
            </Text>
          )}
        </Box>
      </Group>
    </Flex>
  );
}
