/**
 * Every CSV Tandem writes goes through here, so no cell it hands out can run as a formula when the
 * file is opened in Excel, Numbers or LibreOffice (CSV injection). OWASP's rule: a cell that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a single quote, and every cell is
 * quoted (inner quotes doubled).
 *
 * One exception to OWASP's "regardless": a plain negative number (a minus, then only digits, `.` and
 * `,`) is written as it is. It holds no operator, name or reference, so it cannot compute or call
 * anything, and the rejected-rows CSV is meant to be fixed and imported again: `'-1250.00` would come
 * back as an amount that is not a number.
 */
import { type Stringifier, stringify } from 'csv-stringify';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NEGATIVE_NUMBER = /^-\d[\d.,]*$/;

/** The cell as it is safe to write: with a leading `'` when a spreadsheet would read it as a formula. */
export function neutralizeFormula(cell: string): string {
  if (!FORMULA_START.test(cell) || PLAIN_NEGATIVE_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}

/** A CSV stream (csv-stringify) whose every cell is quoted and neutralized; `bom` for Excel to read UTF-8. */
export function safeCsv(options: { bom?: boolean } = {}): Stringifier {
  return stringify({ bom: options.bom ?? false, quoted: true, cast: { string: neutralizeFormula } });
}
