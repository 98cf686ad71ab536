/**
 * The architecture rules `npm run lint` enforces (.dependency-cruiser.cjs) catch what they are
 * for: each deliberate violation in a small tree laid out like ours is reported, and the
 * imports the rules allow are not.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as { forbidden: IForbiddenRuleType[] };

const TREE: Record<string, string> = {
  // Allowed: a module's index and tables, lib from a module, a hook calling the API.
  'apps/server/src/modules/beta/index.ts': "export { betaRead } from './beta.service.ts';\n",
  'apps/server/src/modules/beta/beta.service.ts': "export const betaRead = () => 1;\n",
  'apps/server/src/modules/beta/beta.repository.ts': 'export const betaRepository = {};\n',
  'apps/server/src/modules/beta/tables.ts': 'export const betaTable = {};\n',
  'apps/server/src/lib/util.ts': 'export const util = 1;\n',
  'apps/server/src/modules/alpha/alpha.routes.ts':
    "import { betaRead } from '../beta/index.ts';\nimport { betaTable } from '../beta/tables.ts';\nimport { util } from '../../lib/util.ts';\nexport const r = [betaRead, betaTable, util];\n",
  'apps/web/src/modules/one/hooks/use-one.ts': "import { oneApi } from '../api/one.api.ts';\nexport const useOne = () => oneApi;\n",
  'apps/web/src/modules/one/api/one.api.ts': 'export const oneApi = {};\n',
  'apps/web/src/modules/one/index.ts': "export { useOne } from './hooks/use-one.ts';\n",
  'apps/web/src/modules/two/hooks/use-two.ts': 'export const useTwo = () => 2;\n',
  'apps/web/src/modules/two/index.ts': "export { useTwo } from './hooks/use-two.ts';\n",
  'apps/web/src/modules/one/components/good.tsx': "import { useTwo } from '../../two/index.ts';\nimport { useOne } from '../hooks/use-one.ts';\nexport const g = [useTwo, useOne];\n",

  // Violations, one per rule.
  'apps/server/src/modules/alpha/alpha.service.ts': "import { betaRepository } from '../beta/beta.repository.ts';\nexport const a = betaRepository;\n",
  'apps/server/src/modules/gamma/first.ts': "import type { Second } from './second.ts';\nexport type First = { s?: Second };\n",
  'apps/server/src/modules/gamma/second.ts': "import type { First } from './first.ts';\nexport type Second = { f?: First };\n",
  'apps/server/src/app.ts': "import { betaRepository } from './modules/beta/beta.repository.ts';\nexport const app = betaRepository;\n",
  'apps/server/src/http/helper.ts': "import { betaRead } from '../modules/beta/index.ts';\nexport const h = betaRead;\n",
  'apps/web/src/modules/one/components/bad-boundary.tsx': "import { useTwo } from '../../two/hooks/use-two.ts';\nexport const b = useTwo;\n",
  'apps/web/src/modules/one/components/bad-api.tsx': "import { oneApi } from '../api/one.api.ts';\nexport const c = oneApi;\n",
  'packages/contracts/src/bad.ts': "import { util } from '../../../apps/server/src/lib/util.ts';\nexport const d = util;\n",
};

let dir: string;
let result: ICruiseResult;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-arch-'));
  for (const [file, text] of Object.entries(TREE)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const out = await cruise(['apps', 'packages'], {
    baseDir: dir,
    ruleSet: { forbidden: config.forbidden },
    tsPreCompilationDeps: true,
    validate: true,
  });
  result = out.output as ICruiseResult;
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const violations = () =>
  result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();

describe('architecture rules (npm run lint)', () => {
  it('report each deliberate violation, and nothing the rules allow', () => {
    expect(violations()).toEqual(
      [
        'contracts-stand-alone: packages/contracts/src/bad.ts → apps/server/src/lib/util.ts',
        // A cycle of type-only imports counts (reported once, at the edge that closes it).
        'no-cycle: apps/server/src/modules/gamma/first.ts → apps/server/src/modules/gamma/second.ts',
        'server-infrastructure-below-modules: apps/server/src/http/helper.ts → apps/server/src/modules/beta/index.ts',
        'server-module-boundary: apps/server/src/modules/alpha/alpha.service.ts → apps/server/src/modules/beta/beta.repository.ts',
        'server-outside-modules: apps/server/src/app.ts → apps/server/src/modules/beta/beta.repository.ts',
        'web-components-use-hooks: apps/web/src/modules/one/components/bad-api.tsx → apps/web/src/modules/one/api/one.api.ts',
        'web-module-boundary: apps/web/src/modules/one/components/bad-boundary.tsx → apps/web/src/modules/two/hooks/use-two.ts',
      ].sort(),
    );
  });
});
