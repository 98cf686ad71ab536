import { useState } from 'react';
import { Badge, Box, Card, Group, Select, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { AssetDiff, AssetVersion, DiffLine } from '@tandem/contracts';
import { formatDateTime, QueryView } from '../../../../app/kit/index.ts';
import { useAssetDiff, useAssetVersions } from '../../hooks/use-assets.ts';

/** The published versions with their change notes, and the line diff between any two of them. */
export function AssetVersions({ slug, assetId, tz }: { slug: string; assetId: string; tz: string | undefined }) {
  const versions = useAssetVersions(slug, assetId);
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="asset-versions-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="asset-versions-title">
          Versions
        </Title>
        <QueryView
          query={versions}
          error="Could not load the versions"
          empty={{ when: (d) => d.items.length === 0, content: <Text size="sm" c="dimmed">Not published yet: each publish adds a version here.</Text> }}
        >
          {(d) => (
            <>
              <VersionList items={d.items} tz={tz} />
              {d.items.length > 1 && <Compare slug={slug} assetId={assetId} items={d.items} />}
            </>
          )}
        </QueryView>
      </Stack>
    </Card>
  );
}

function VersionList({ items, tz }: { items: AssetVersion[]; tz: string | undefined }) {
  return (
    <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((v, i) => (
        <Box component="li" key={v.number}>
          <Group gap="xs" wrap="nowrap" align="baseline">
            <Badge variant={i === 0 ? 'filled' : 'light'} color={i === 0 ? 'blue' : 'gray'} size="sm" style={{ flex: 'none' }}>
              v{v.number}
            </Badge>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm">{v.changeNote || <Text span c="dimmed" size="sm">No change note</Text>}</Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(v.publishedAt, tz)}
                {v.publishedBy ? ` · ${v.publishedBy.name}` : ''}
                {i === 0 ? ' · current' : ''}
              </Text>
            </Stack>
          </Group>
        </Box>
      ))}
    </Stack>
  );
}

function Compare({ slug, assetId, items }: { slug: string; assetId: string; items: AssetVersion[] }) {
  const [from, setFrom] = useState<number>(items[1]!.number);
  const [to, setTo] = useState<number>(items[0]!.number);
  const diff = useAssetDiff(slug, assetId, from, to);
  const options = items.map((v) => ({ value: String(v.number), label: `Version ${v.number}` }));
  return (
    <Stack gap="sm" mt="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select label="Compare" data={options} value={String(from)} onChange={(v) => v && setFrom(Number(v))} allowDeselect={false} w={150} size="sm" />
        <Select label="with" data={options} value={String(to)} onChange={(v) => v && setTo(Number(v))} allowDeselect={false} w={150} size="sm" />
      </Group>
      {from === to ? (
        <Text size="sm" c="dimmed">
          Pick two different versions to see what changed.
        </Text>
      ) : (
        <QueryView query={diff} error="Could not compare the versions">
          {(d) => <DiffView diff={d} />}
        </QueryView>
      )}
    </Stack>
  );
}

const LINE_STYLE: Record<DiffLine['kind'], { mark: string; bg?: string; label: string }> = {
  added: { mark: '+', bg: 'var(--mantine-color-green-light)', label: 'added' },
  removed: { mark: '-', bg: 'var(--mantine-color-red-light)', label: 'removed' },
  context: { mark: ' ', label: 'unchanged' },
};

/** Added and removed lines are coloured and marked with + and - (screen readers hear "added" / "removed"), so the change reads without colour too. */
export function DiffView({ diff }: { diff: AssetDiff }) {
  return (
    <Stack gap="xs">
      <Text size="sm">
        From version {diff.from.number} to {diff.to.number}: {diff.added} {diff.added === 1 ? 'line' : 'lines'} added, {diff.removed}{' '}
        {diff.removed === 1 ? 'line' : 'lines'} removed.
        {diff.titleChanged ? ` Title changed from “${diff.from.title}” to “${diff.to.title}”.` : ''}
      </Text>
      {diff.hunks.length === 0 ? (
        <Text size="sm" c="dimmed">
          The bodies are the same.
        </Text>
      ) : (
        diff.hunks.map((h) => (
          <Box
            key={`${h.oldStart}-${h.newStart}`}
            component="pre"
            aria-label={`Lines ${h.newStart} to ${h.newStart + Math.max(h.newLines, 1) - 1} of version ${diff.to.number}`}
            style={{
              margin: 0,
              overflowX: 'auto',
              border: '1px solid var(--mantine-color-default-border)',
              borderRadius: 'var(--mantine-radius-sm)',
              fontSize: 'var(--mantine-font-size-xs)',
              fontFamily: 'var(--mantine-font-family-monospace)',
            }}
          >
            <Box component="div" c="dimmed" px="xs" py={2} style={{ background: 'var(--mantine-color-default-hover)' }}>
              @@ −{h.oldStart},{h.oldLines} +{h.newStart},{h.newLines} @@
            </Box>
            {h.lines.map((l, i) => {
              const s = LINE_STYLE[l.kind];
              return (
                <Box
                  key={i}
                  component="div"
                  pr="xs"
                  style={{ background: s.bg, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', paddingLeft: 'calc(var(--mantine-spacing-xs) + 2ch)', textIndent: '-2ch' }}
                >
                  <span aria-hidden style={{ userSelect: 'none', display: 'inline-block', width: '2ch', textIndent: 0, fontWeight: 700 }}>
                    {s.mark}
                  </span>
                  <VisuallyHidden style={{ userSelect: 'none' }}>{`${s.label}: `}</VisuallyHidden>
                  {l.text}
                </Box>
              );
            })}
          </Box>
        ))
      )}
    </Stack>
  );
}
