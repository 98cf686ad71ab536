import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Anchor, Breadcrumbs, Button, Card, Group, Select, Stack, Tabs, Text, Textarea, TextInput, Typography } from '@mantine/core';
import { ASSET_TYPE_LABELS, ASSET_TYPES, type AssetDetail, type AssetType } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { problemFieldErrors, type FieldErrors } from '../../../../app/forms.ts';
import { QueryView } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useAssetActions, useCreateAsset, useMarkdownPreview } from '../../hooks/use-assets.ts';
import { NO_TAGS, TagInputs, type TagValues } from './tag-inputs.tsx';

const TYPE_OPTIONS = ASSET_TYPES.map((t) => ({ value: t, label: ASSET_TYPE_LABELS[t] }));

function tagsOf(asset: AssetDetail | null): TagValues {
  if (!asset) return NO_TAGS;
  const t = asset.tags;
  return { products: t.products, segments: t.segments, personas: t.personas, competitors: t.competitors.map((c) => c.id), stages: t.stages, regions: t.regions };
}

/** What was done and who heard of it, in words. */
export function publishedMessage(version: number, notified: number): string {
  const told = notified === 0 ? 'nobody follows it yet, so nobody was notified' : `${notified} ${notified === 1 ? 'follower was' : 'followers were'} notified`;
  return `Published version ${version} — ${told}.`;
}

/** The editor: title, type, Markdown body with a preview, tags per facet; save a draft or publish with a change note. */
export function AssetEditor({ asset }: { asset: AssetDetail | null }) {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const [title, setTitle] = useState(asset?.title ?? '');
  const [type, setType] = useState<AssetType>(asset?.type ?? 'battlecard');
  const [body, setBody] = useState(asset?.body ?? '');
  const [tags, setTags] = useState<TagValues>(tagsOf(asset));
  const [tab, setTab] = useState<string | null>('write');
  const [publishing, setPublishing] = useState(false);
  const [changeNote, setChangeNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const create = useCreateAsset(ws.slug);
  const actions = useAssetActions(ws.slug, asset?.id ?? '');
  const preview = useMarkdownPreview(ws.slug, body, tab === 'preview');
  const busy = create.isPending || actions.update.isPending || actions.publish.isPending;
  const nextVersion = (asset?.currentVersion ?? 0) + 1;

  async function save(publish: boolean) {
    setErrors({});
    setFailure(null);
    if (!title.trim()) return setErrors({ title: 'Required' });
    try {
      let message: string;
      let id: string;
      if (!asset) {
        const r = await create.mutateAsync({ title, type, body, tags, status: publish ? 'published' : 'draft', changeNote: changeNote || undefined });
        id = r.asset.id;
        message = r.version !== null ? publishedMessage(r.version, r.notified) : 'Draft saved. Nobody was told: only people who write the library can see it.';
      } else {
        const saved = await actions.update.mutateAsync({ title, type, body, tags });
        id = saved.id;
        if (publish) {
          const r = await actions.publish.mutateAsync(changeNote);
          message = publishedMessage(r.version, r.notified);
        } else {
          message =
            saved.currentVersion !== null
              ? `Changes saved. Nobody was told: reps still see version ${saved.currentVersion} until you publish.`
              : 'Draft saved. Nobody was told: only people who write the library can see it.';
        }
      }
      notifySuccess(message, publish ? 'Published' : 'Saved');
      navigate(`/w/${ws.slug}/library/${id}`);
    } catch (err) {
      const fields = problemFieldErrors(err);
      setErrors(fields);
      setFailure(Object.keys(fields).length ? 'Some fields need a fix (marked below).' : errorMessage(err));
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(publishing);
  };

  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6}>
        <Anchor component={Link} to={`/w/${ws.slug}/library`} size="sm">
          Library
        </Anchor>
        {asset && (
          <Anchor component={Link} to={`/w/${ws.slug}/library/${asset.id}`} size="sm" lineClamp={1}>
            {asset.title}
          </Anchor>
        )}
      </Breadcrumbs>
      <PageHeader
        title={asset ? `Edit: ${asset.title}` : 'New asset'}
        description={
          asset?.currentVersion
            ? `Reps see version ${asset.currentVersion} until you publish; saving changes tells nobody.`
            : 'Save a draft to come back to it, or publish it for every rep to find.'
        }
      />
      <form onSubmit={submit} noValidate>
        <Stack gap="lg" maw={960}>
          {failure && (
            <Alert color="red" variant="light" title="Not saved">
              {failure}
            </Alert>
          )}
          <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
            <Stack gap="md">
              <Group gap="md" align="flex-start" wrap="wrap">
                <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} style={{ flex: '1 1 320px' }} maxLength={200} />
                <Select label="Type" data={TYPE_OPTIONS} value={type} onChange={(v) => v && setType(v as AssetType)} allowDeselect={false} error={errors.type} w={{ base: '100%', xs: 220 }} />
              </Group>
              <Tabs value={tab} onChange={setTab} keepMounted={false}>
                <Tabs.List>
                  <Tabs.Tab value="write">Write</Tabs.Tab>
                  <Tabs.Tab value="preview">Preview</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="write" pt="sm">
                  <Textarea
                    aria-label="Body (Markdown)"
                    description="Markdown: # headings, **bold**, - lists, [links](https://…), tables. Raw HTML is shown as text."
                    value={body}
                    onChange={(e) => setBody(e.currentTarget.value)}
                    autosize
                    minRows={12}
                    maxRows={30}
                    error={errors.body}
                    styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' } }}
                  />
                </Tabs.Panel>
                <Tabs.Panel value="preview" pt="sm">
                  {body.trim() ? (
                    <QueryView query={preview} error="Could not render the preview">
                      {(p) => (
                        <Typography style={{ overflowWrap: 'anywhere' }}>
                          {/* Rendered and sanitized by the server, as the asset page shows it. */}
                          <div dangerouslySetInnerHTML={{ __html: p.bodyHtml }} />
                        </Typography>
                      )}
                    </QueryView>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Nothing written yet.
                    </Text>
                  )}
                </Tabs.Panel>
              </Tabs>
            </Stack>
          </Card>
          <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="fieldset" style={{ margin: 0 }}>
            <Text component="legend" fw={600} size="sm" px={4}>
              Tags
            </Text>
            <TagInputs slug={ws.slug} value={tags} onChange={setTags} errors={errors} />
          </Card>
          {publishing ? (
            <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
              <Stack gap="sm">
                <Textarea
                  label={`What changed in version ${nextVersion}?`}
                  description={`Followers${asset ? ` (${asset.followers})` : ''} read this with the notice of the new version.`}
                  value={changeNote}
                  onChange={(e) => setChangeNote(e.currentTarget.value)}
                  autosize
                  minRows={2}
                  maxLength={500}
                  error={errors.changeNote}
                  data-autofocus
                />
                <Group gap="sm">
                  <Button type="submit" loading={busy}>
                    Publish version {nextVersion}
                  </Button>
                  <Button variant="default" onClick={() => setPublishing(false)} disabled={busy}>
                    Back
                  </Button>
                </Group>
              </Stack>
            </Card>
          ) : (
            <Group gap="sm">
              <Button type="button" onClick={() => setPublishing(true)} disabled={busy}>
                Publish…
              </Button>
              <Button type="button" variant="default" loading={busy} onClick={() => void save(false)}>
                {asset?.currentVersion ? 'Save changes' : 'Save draft'}
              </Button>
              <Button component={Link} to={asset ? `/w/${ws.slug}/library/${asset.id}` : `/w/${ws.slug}/library`} variant="subtle" color="gray">
                Cancel
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </>
  );
}
