import type { ImportMapping, ImportPreview } from '@tandem/contracts';
import { ColumnMapping as MappingTable } from '../../../app/kit/index.ts';
import { DEAL_CATALOGUE } from './import-fields.ts';
import { dealMappingShape, recognisedColumnsShape } from './mapping.ts';

interface ColumnMappingProps {
  preview: ImportPreview;
  /** Other CSV: the mapping being edited; null for Salesforce and HubSpot, whose columns the server matches. */
  mapping: ImportMapping | null;
  onChange: (mapping: ImportMapping) => void;
}

/** Each column of the file and the deal field it fills (the kit's column mapping over the deal fields). */
export function ColumnMapping({ preview, mapping, onChange }: ColumnMappingProps) {
  const rows = preview.rows.map((r) => r.cells);
  return mapping ? (
    <MappingTable catalogue={DEAL_CATALOGUE} shape={dealMappingShape} mapping={mapping} onChange={onChange} headers={preview.headers} rows={rows} />
  ) : (
    <MappingTable catalogue={DEAL_CATALOGUE} shape={recognisedColumnsShape} mapping={preview.columns} headers={preview.headers} rows={rows} />
  );
}
