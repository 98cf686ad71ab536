import { useMemo, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import type { DateFormat, ImportFormat, ImportMapping, ImportPreview, ImportStartRequest } from '@tandem/contracts';
import { mappingFromColumns, suggestMapping } from '../components/mapping.ts';
import { REQUIRED_FIELDS } from '../components/import-fields.ts';
import { useImportPreview } from './use-imports.ts';

/** What the person has chosen on the review page so far. */
export interface SetupChoices {
  format: ImportFormat;
  /** Blank: the format's name, as the server defaults it. */
  source: string;
  /** Other CSV only. */
  mapping: ImportMapping | null;
  /** Set when the source changed before the mapping was edited: the server is asked for the mapping it remembers for it. */
  probe: string | null;
  /** The mapping is the one remembered from the last import of this source. */
  remembered: boolean;
  /** A mapping is remembered for this source, but it names columns this file does not have. */
  unfit: boolean;
  /** The person changed the mapping by hand: a new source name no longer replaces it. */
  edited: boolean;
  /** Salesforce and HubSpot only; Other CSV keeps it in its mapping, so it is remembered with it. */
  dateFormat: DateFormat | null;
  full: boolean;
  strict: boolean;
}

const SOURCE = /^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u;

export function sourceError(source: string): string | null {
  const s = source.trim();
  if (!s) return null;
  if (s.length > 60) return 'At most 60 characters';
  if (!SOURCE.test(s)) return 'Letters, digits, spaces, dots, dashes and underscores, starting with a letter or digit';
  return null;
}

/** The body of preview (no options) and of start. */
export function requestOf(c: SetupChoices | null, withOptions: boolean): ImportStartRequest {
  if (!c) return {};
  const source = sourceError(c.source) ? undefined : c.source.trim() || undefined;
  const options = withOptions ? { full: c.full, strict: c.strict, dryRun: false } : {};
  if (c.format !== 'csv') return { format: c.format, source, dateFormat: c.dateFormat ?? undefined, ...options };
  // Asking for the remembered mapping: the server remembers blank sources under the format's name.
  if (c.probe !== null || !c.mapping) return { format: 'csv', source: c.probe || source || 'csv', ...options };
  return { format: 'csv', source, mapping: c.mapping, ...options };
}

export function missingFields(c: SetupChoices | null): string[] {
  if (c?.format !== 'csv' || !c.mapping) return [];
  return REQUIRED_FIELDS.filter((f) => !c.mapping!.fields[f]);
}

/**
 * The review of a pending upload: the choices, and the server's preview of them,
 * asked again 400 ms after the last change. The first preview detects the format;
 * for Other CSV the mapping starts as the one remembered for the source, else a
 * guess from the column names.
 */
export function useImportSetup(slug: string, importId: string) {
  const [choices, setChoices] = useState<SetupChoices | null>(null);
  // Compared as text: a new object on every render would restart the debounce for ever.
  const body = JSON.stringify(requestOf(choices, false));
  const [debounced] = useDebouncedValue(body, 400);
  const settled = debounced === body;
  // The first request goes at once; later ones wait for typing to stop.
  const askedText = choices === null ? body : debounced;
  const asked = useMemo(() => JSON.parse(askedText) as ImportStartRequest, [askedText]);
  const preview = useImportPreview(slug, importId, asked);
  const current = preview.data && !preview.isPlaceholderData && (choices === null || settled) ? preview.data : undefined;

  // Adjusting state to the answer while rendering, as React recommends over an effect.
  if (current && choices === null) {
    setChoices(initialChoices(current));
  } else if (current && choices?.format === 'csv' && (choices.probe !== null || !choices.mapping)) {
    // A remembered mapping that names columns this file lacks belongs to another file: not used.
    const remembered = current.mapping && fits(current.mapping, current.headers) ? current.mapping : null;
    setChoices({
      ...choices,
      mapping: remembered ?? choices.mapping ?? suggestMapping(current.headers),
      remembered: remembered !== null,
      unfit: current.mapping !== null && remembered === null,
      probe: null,
    });
  }

  const update = (patch: Partial<SetupChoices>) => setChoices((c) => (c ? { ...c, ...patch } : c));

  return {
    choices,
    preview,
    /** The preview answers the choices as they are now (not an older set still shown meanwhile). */
    upToDate: !!current && choices !== null && choices.probe === null && (choices.format !== 'csv' || !!choices.mapping),
    update,
    setFormat(format: ImportFormat) {
      setChoices((c) => {
        if (!c || c.format === format) return c;
        // A recognised format needs no mapping: a probe for the remembered Other CSV mapping no longer applies.
        if (format !== 'csv') return { ...c, format, probe: null };
        // From a recognised file, start from what the server recognised; else ask for the remembered mapping.
        const seeded = c.mapping ?? (preview.data ? mappingFromColumns(preview.data.columns) : null);
        const useful = seeded && Object.keys(seeded.fields).length > 0;
        return { ...c, format, mapping: useful ? seeded : null, probe: useful ? null : c.source.trim(), remembered: false, unfit: false };
      });
    },
    setSource(source: string) {
      setChoices((c) => {
        if (!c) return c;
        const probe = c.format === 'csv' && !c.edited && !sourceError(source) ? source.trim() : c.probe;
        return { ...c, source, probe };
      });
    },
    setMapping(mapping: ImportMapping) {
      setChoices((c) => (c ? { ...c, mapping, edited: true, remembered: false, unfit: false, probe: null } : c));
    },
  };
}

function initialChoices(p: ImportPreview): SetupChoices {
  return {
    format: p.format,
    source: '',
    mapping: null,
    // Other CSV: ask for the mapping remembered under the default source.
    probe: p.format === 'csv' ? '' : null,
    remembered: false,
    unfit: false,
    edited: false,
    dateFormat: null,
    full: false,
    strict: false,
  };
}

const fits = (mapping: ImportMapping, headers: readonly string[]) => Object.values(mapping.fields).every((h) => headers.includes(h));
