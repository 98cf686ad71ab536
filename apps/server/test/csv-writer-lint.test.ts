/**
 * Every CSV Tandem writes goes through the formula-escaping writer (apps/server/src/lib/csv-output.ts): the lint
 * rule that keeps it so refuses a CSV writer imported anywhere else — in any file, including those whose own
 * no-restricted-imports (Drizzle in services and routes, Fastify in services, the endpoint table in components)
 * would otherwise replace it — and leaves the writer itself and CSV readers alone.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: root });

/** The no-restricted-imports messages ESLint gives `code` as if it were the file at `file`. */
async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const WRITER = /CSV is written through apps\/server\/src\/lib\/csv-output\.ts/;

describe('CSV writers outside csv-output.ts (npm run lint)', () => {
  it.each([
    ['a route file', 'apps/server/src/modules/imports/imports.routes.ts'],
    ['a service', 'apps/server/src/modules/imports/run.service.ts'],
    ['a repository', 'apps/server/src/modules/imports/pipeline/staging.repository.ts'],
    ['the CLI', 'apps/server/src/cli/export-command.ts'],
    ['a script', 'scripts/bench/export.mjs'],
    ['a web component', 'apps/web/src/modules/deals/components/export-button.tsx'],
  ])('are refused in %s', async (_what, file) => {
    for (const code of [
      "import { stringify } from 'csv-stringify';\nexport const s = stringify;\n",
      "import { stringify } from 'csv-stringify/sync';\nexport const s = stringify;\n",
      "import { stringify } from 'csv/sync';\nexport const s = stringify;\n",
      "import { format } from '@fast-csv/format';\nexport const f = format;\n",
    ]) {
      expect(await restricted(file, code), `${file}: ${code}`).toEqual([expect.stringMatching(WRITER)]);
    }
  });

  it('keep the rules the CSV one sits beside: Drizzle and Fastify in a service are still refused', async () => {
    const messages = await restricted(
      'apps/server/src/modules/imports/run.service.ts',
      "import { eq } from 'drizzle-orm';\nimport fastify from 'fastify';\nimport { stringify } from 'csv-stringify';\nexport const x = [eq, fastify, stringify];\n",
    );
    expect(messages).toEqual([
      expect.stringContaining('Only *.repository.ts files use Drizzle.'),
      expect.stringContaining('Services do not import Fastify.'),
      expect.stringMatching(WRITER),
    ]);
  });

  it('are allowed in csv-output.ts, and CSV readers anywhere', async () => {
    expect(await restricted('apps/server/src/lib/csv-output.ts', "import { stringify } from 'csv-stringify';\nexport const s = stringify;\n")).toEqual([]);
    expect(await restricted('apps/server/src/modules/imports/run.service.ts', "import { parse } from 'csv-parse';\nexport const p = parse;\n")).toEqual([]);
  });
});
