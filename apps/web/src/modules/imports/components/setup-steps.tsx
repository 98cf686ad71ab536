/** The five steps of reviewing a pending upload; ImportSetup holds their state. */
import { Alert, Button, Checkbox, Group, Loader, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconFileUpload, IconHistory, IconInfoCircle, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import type { DateFormat, ImportFormat, ImportMapping, ImportPreview } from '@tandem/contracts';
import { errorMessage } from '../../../app/api-error.ts';
import { QueryError } from '../../../app/kit/index.ts';
import { COMMON_CURRENCIES } from '../../../app/currencies.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useWorkspaceDetails } from '../../workspaces/index.ts';
import type { SetupChoices } from '../hooks/use-import-setup.ts';
import { useStageMapping } from '../hooks/use-imports.ts';
import { ColumnMapping } from './column-mapping.tsx';
import { DATE_FORMAT_LABELS, FIELD_LABELS, FORMAT_DESCRIPTIONS, FORMAT_LABELS, IMPORT_FORMATS, fieldLabel } from './import-fields.ts';
import { NothingToImport } from './nothing-to-import.tsx';
import { PreviewRows } from './preview-rows.tsx';
import { SetupSection } from './setup-section.tsx';
import { StageValues } from './stage-values.tsx';

type FieldFor = (header: string) => string | null;
const sourceNameOf = (c: SetupChoices) => c.source.trim() || c.format;

export function FileStep(props: {
  preview: ImportPreview;
  choices: SetupChoices;
  sourceError: string | null;
  onFormat: (format: ImportFormat) => void;
  onSource: (source: string) => void;
}) {
  const { preview, choices } = props;
  const detected = preview.detectedFormat;
  return (
    <SetupSection
      step={1}
      title="The file"
      description="Salesforce reports and HubSpot exports are recognised by their columns. Anything else is “Other CSV”: you say which column is which."
    >
      <Stack gap="md">
        <Stack gap={6}>
          <SegmentedControl
            aria-label="Format"
            value={choices.format}
            onChange={(v) => props.onFormat(v as ImportFormat)}
            data={IMPORT_FORMATS.map((f) => ({ value: f, label: FORMAT_LABELS[f] }))}
            w={{ base: '100%', sm: 'auto' }}
            style={{ alignSelf: 'flex-start' }}
          />
          <Text size="sm" c="dimmed">
            {detected
              ? `The columns look like a ${FORMAT_DESCRIPTIONS[detected]}${detected === choices.format ? '.' : `; imported here as ${FORMAT_LABELS[choices.format]}.`}`
              : 'Not a Salesforce report or a HubSpot export: map its columns in step 2.'}
          </Text>
        </Stack>
        <TextInput
          label="Source"
          description="Deals are matched by source and ID. Use the same name every time you import from this system, so its deals are updated rather than duplicated."
          placeholder={choices.format}
          value={choices.source}
          onChange={(e) => props.onSource(e.currentTarget.value)}
          error={props.sourceError}
          maxLength={60}
          w={{ base: '100%', sm: 420 }}
        />
      </Stack>
    </SetupSection>
  );
}

export function ColumnsStep({ preview, choices, onMapping }: { preview: ImportPreview; choices: SetupChoices; onMapping: (m: ImportMapping) => void }) {
  const csv = choices.format === 'csv';
  const name = sourceNameOf(choices);
  return (
    <SetupSection
      step={2}
      title="Columns"
      description={
        csv
          ? 'Choose the deal field each column fills. Deal ID and Stage are required; every other column is kept on the deal as a custom field.'
          : `Matched by their ${FORMAT_LABELS[choices.format]} names. Columns Tandem has no field for are kept on the deal as custom fields. To map columns yourself, choose Other CSV.`
      }
    >
      {choices.remembered && (
        <Text size="sm" c="dimmed">
          <IconHistory size={14} style={{ verticalAlign: -2 }} /> The mapping of your last “{name}” import. Check it still
          fits this file.
        </Text>
      )}
      {choices.unfit && (
        <Text size="sm" c="dimmed">
          <IconHistory size={14} style={{ verticalAlign: -2 }} /> The mapping saved for “{name}” names columns this file
          does not have, so it is not used. If this file comes from another system, give it a source name of its own.
        </Text>
      )}
      {csv && !choices.mapping ? (
        <Group gap="sm">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            Looking for a mapping saved for “{name}”…
          </Text>
        </Group>
      ) : (
        <ColumnMapping preview={preview} mapping={csv ? choices.mapping : null} onChange={onMapping} />
      )}
    </SetupSection>
  );
}

const DATE_DATA = [{ value: 'auto', label: 'Detect from the file' }, ...(['MDY', 'DMY', 'YMD'] as const).map((d) => ({ value: d, label: DATE_FORMAT_LABELS[d] }))];
const CURRENCY_DATA = COMMON_CURRENCIES.map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` }));

/** Stages, date order and currency. Other CSV keeps the date order and currency in its mapping, so they are remembered with it. */
export function ValuesStep(props: {
  preview: ImportPreview;
  choices: SetupChoices;
  fieldFor: FieldFor;
  problem: string | null;
  onMapping: (m: ImportMapping) => void;
  onDateFormat: (d: DateFormat | null) => void;
}) {
  const { preview, choices, fieldFor, problem, onMapping } = props;
  const ws = useWorkspace();
  const stages = useStageMapping(ws.slug);
  const baseCurrency = useWorkspaceDetails(ws.slug).data?.baseCurrency;
  const mapping = choices.format === 'csv' ? choices.mapping : null;
  const mapped = (field: string) => preview.headers.some((h) => fieldFor(h) === field);
  const hasDates = mapped('closeDate') || mapped('createdDate') || /date/i.test(preview.problem ?? '');
  const dateFormat = mapping ? (mapping.dateFormat ?? null) : choices.dateFormat;

  return (
    <SetupSection step={3} title="Stages, dates and amounts" description="How the values of the file are read.">
      <Stack gap="md">
        {mapped('stage') ? (
          <StageValues preview={preview} mapping={mapping} onChange={onMapping} workspaceStages={stages.data} />
        ) : (
            <Text size="sm" c="dimmed">
              Choose the {FIELD_LABELS.stage} column to see the stages of the file.
            </Text>
        )}
        <Group gap="md" align="flex-start" wrap="wrap">
          {hasDates && (
            <Select
              label="Date order"
              description={!dateFormat && preview.dateFormat ? `Detected: ${DATE_FORMAT_LABELS[preview.dateFormat].split(' (')[0]!.toLowerCase()}` : 'For dates such as 03/04/2026'}
              data={DATE_DATA}
              value={dateFormat ?? 'auto'}
              allowDeselect={false}
              onChange={(v) => props.onDateFormat(v === 'auto' || !v ? null : (v as DateFormat))}
              error={problem && /date/i.test(problem) ? 'Choose the order the file writes its dates in' : undefined}
              w={{ base: '100%', sm: 300 }}
            />
          )}
          {mapping?.fields.amount && !mapping.fields.currency && (
            <Select
              label="Currency of the amounts"
              description="For amounts that name no currency"
              data={CURRENCY_DATA}
              value={mapping.currency ?? null}
              placeholder={baseCurrency ? `${baseCurrency} (the workspace's currency)` : "The workspace's currency"}
              searchable
              clearable
              onChange={(v) => {
                const { currency: _old, ...rest } = mapping;
                onMapping(v ? { ...rest, currency: v } : rest);
              }}
              w={{ base: '100%', sm: 300 }}
            />
          )}
        </Group>
      </Stack>
    </SetupSection>
  );
}

export function RowsStep(props: {
  preview: ImportPreview;
  fieldFor: FieldFor;
  missing: string[];
  problem: string | null;
  checking: boolean;
  /** The check of the rows when none of them can be imported, else null. */
  nothing: ImportPreview['check'];
  error: unknown;
  onRetry: () => void;
  strict: boolean;
}) {
  const { preview, missing, problem, checking } = props;
  const unchecked = missing.length
    ? `${missing.map(fieldLabel).join(' and ')} ${missing.length === 1 ? 'has' : 'have'} a column`
    : problem
      ? 'the problem above is solved'
      : null;
  return (
    <SetupSection
      step={4}
      title="The first rows"
      description="As the import would read them. Hover a marked cell for what is wrong with it."
      aside={
        checking && !missing.length ? (
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Checking…
            </Text>
          </Group>
        ) : undefined
      }
    >
      <Stack gap="md">
        {problem && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="The file cannot be imported like this" role="alert">
            {problem}
          </Alert>
        )}
        {props.nothing && <NothingToImport check={props.nothing} />}
        {props.error != null && <QueryError error={props.error} title="Could not check the file" onRetry={props.onRetry} />}
        <div style={{ opacity: checking ? 0.6 : 1, transition: 'opacity 120ms' }}>
          <PreviewRows preview={preview} fieldFor={props.fieldFor} unchecked={unchecked} strict={props.strict} />
        </div>
      </Stack>
    </SetupSection>
  );
}

export function StartStep(props: {
  choices: SetupChoices;
  onOptions: (patch: Pick<Partial<SetupChoices>, 'full' | 'strict'>) => void;
  /** Why the import cannot start yet, or null. */
  blocker: string | null;
  /** No row can be imported: the way on is another file, not a start button. */
  nothingToImport: boolean;
  starting: boolean;
  startError: unknown;
  onStart: () => void;
  onDiscard: () => void;
}) {
  const { choices, blocker } = props;
  const name = sourceNameOf(choices);
  return (
    <SetupSection step={5} title="Import">
      <Stack gap="md">
        <Checkbox
          label="Full sync"
          description={`This file is every deal of “${name}”: deals of that source missing from it are removed from Tandem.`}
          checked={choices.full}
          onChange={(e) => props.onOptions({ full: e.currentTarget.checked })}
        />
        {choices.full && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="Only with a complete export">
            Every “{name}” deal that is not in this file disappears from pipeline, lists and reports. Use full sync with an
            export of all deals, never with a filtered report or a single quarter. Undo puts them back.
          </Alert>
        )}
        <Checkbox
          label="Stop on any invalid row"
          description="Import nothing if a single row is invalid. Otherwise invalid rows are skipped and listed, with a file of them to fix and import again."
          checked={choices.strict}
          onChange={(e) => props.onOptions({ strict: e.currentTarget.checked })}
        />
        {props.startError != null && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="The import did not start" role="alert">
            {errorMessage(props.startError)}
          </Alert>
        )}
        {props.nothingToImport ? (
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Group gap={6} wrap="nowrap">
              <IconInfoCircle size={16} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
              <Text size="sm" c="dimmed">
                {blocker}
              </Text>
            </Group>
            <Button leftSection={<IconFileUpload size={16} />} onClick={props.onDiscard}>
              Discard and upload another file
            </Button>
          </Group>
        ) : (
          <Group justify="space-between" gap="sm" wrap="wrap-reverse">
            <Button variant="default" color="gray" leftSection={<IconTrash size={16} />} onClick={props.onDiscard}>
              Discard upload
            </Button>
            <Group gap="sm" wrap="wrap">
              {blocker && (
                <Group gap={6} wrap="nowrap">
                  <IconInfoCircle size={16} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
                  <Text size="sm" c="dimmed">
                    {blocker}
                  </Text>
                </Group>
              )}
              <Button
                leftSection={<IconPlayerPlay size={16} />}
                disabled={!!blocker}
                loading={props.starting}
                onClick={props.onStart}
                color={choices.full ? 'orange' : undefined}
                style={{ flexShrink: 0 }}
              >
                {choices.full ? 'Start full sync' : 'Start import'}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
    </SetupSection>
  );
}
