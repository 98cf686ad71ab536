/**
 * The column mapping of a CSV import, whatever it imports: the catalogue of fields a column can fill, and the shape
 * of the mapping the importer takes (field → column for deals, column → field for touchpoints and feedback).
 * `ColumnMapping` (column-mapping.tsx) shows and edits it; what it needs to decide lives here, testable without a DOM.
 */

export interface CatalogueField<F extends string = string> {
  value: F;
  label: string;
  /** What the field takes, shown under its name in the picker. */
  hint?: string;
  required?: boolean;
  /** Several columns may fill it together (a touchpoint id made of a campaign and a contact); other fields take one. */
  several?: boolean;
}

export interface FieldCatalogue<F extends string = string> {
  /** In the order the picker lists them (required ones first, under "Required"). */
  fields: readonly CatalogueField<F>[];
  /** The picker's heading over the optional fields, e.g. "Deal fields". */
  group: string;
  /** A column that fills no field is kept as a custom field (true) or not imported (false). */
  customFields: boolean;
}

/** How an importer's mapping says which field a column fills, and (when it can be edited) how a choice changes it. */
export interface MappingShape<M, F extends string = string> {
  /** The field `header` fills, or null; a recognised file may name a field the catalogue does not list. */
  fieldOf(mapping: M, header: string): string | null;
  /** `header` fills `field` (null: none); a column fills one field, and a field has one column unless it takes several. */
  assign?(mapping: M, header: string, field: F | null): M;
}

/** The picker's value for "no field". */
export const UNMAPPED = '__unmapped';

/** What an unmapped column becomes, as an option of the picker and as plain text. */
export const unmappedLabels = (c: FieldCatalogue) =>
  c.customFields ? { option: 'Custom field (kept as is)', text: 'Custom field' } : { option: 'Not imported', text: 'Not imported' };

export const fieldLabelIn = (c: FieldCatalogue, field: string) => c.fields.find((f) => f.value === field)?.label ?? field;

/** The picker's options: no field, the required fields, then the others under the catalogue's heading. */
export function fieldOptions(c: FieldCatalogue) {
  const required = c.fields.filter((f) => f.required);
  const optional = c.fields.filter((f) => !f.required);
  return [
    { value: UNMAPPED, label: unmappedLabels(c).option },
    ...(required.length ? [{ group: 'Required', items: required.map((f) => ({ value: f.value, label: `${f.label} (required)` })) }] : []),
    ...(optional.length ? [{ group: c.group, items: optional.map((f) => ({ value: f.value, label: f.label })) }] : []),
  ];
}

/** The picker's choice as a field of the catalogue, or null for "no field" (or anything the catalogue does not list). */
export function chosenField<F extends string>(c: FieldCatalogue<F>, value: string | null): F | null {
  return c.fields.find((f) => f.value === value)?.value ?? null;
}

/** The columns that fill `field`, in the file's order. */
export const columnsOf = (headers: readonly string[], fieldOf: (header: string) => string | null, field: string) =>
  headers.filter((h) => fieldOf(h) === field);

/** Each required field with the columns that fill it (none: the import cannot start). */
export function requiredStatus(c: FieldCatalogue, headers: readonly string[], fieldOf: (header: string) => string | null) {
  return c.fields.filter((f) => f.required).map((f) => ({ field: f.value, label: f.label, columns: columnsOf(headers, fieldOf, f.value) }));
}

/** “A” or “A” + “B”: the columns a field comes from. */
export const quoteColumns = (columns: readonly string[]) => columns.map((h) => `“${h}”`).join(' + ');

/** A few distinct values of a column from the first rows, to recognise it by. */
export function sampleValues(rows: readonly Readonly<Record<string, string | undefined>>[], header: string): string {
  const seen = new Set<string>();
  for (const row of rows) {
    const v = row[header]?.trim();
    if (v) seen.add(v.length > 40 ? `${v.slice(0, 40)}…` : v);
    if (seen.size >= 3) break;
  }
  return [...seen].join(' · ');
}

/** Column header → field, as the touchpoint and feedback imports take it. Unmapped columns are simply absent. */
export function fieldPerColumn<F extends string>(c: FieldCatalogue<F>): Required<MappingShape<Record<string, F>, F>> {
  const several = new Set(c.fields.filter((f) => f.several).map((f) => f.value));
  return {
    fieldOf: (mapping, header) => mapping[header] ?? null,
    assign: (mapping, header, field) => {
      const next: Record<string, F> = {};
      for (const [h, f] of Object.entries(mapping)) if (h !== header && !(f === field && !several.has(f))) next[h] = f;
      if (field) next[header] = field;
      return next;
    },
  };
}
