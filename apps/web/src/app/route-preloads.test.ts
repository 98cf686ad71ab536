import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as libraryEndpoints from '@tandem/contracts/web-endpoints/library';
import { ROUTE_PRELOADS } from './route-preloads.ts';

const web = path.resolve(import.meta.dirname, '../..');
const router = fs.readFileSync(path.join(web, 'src/app/router.tsx'), 'utf8');

describe('what the server names for a page opened by URL', () => {
  it("asks for the competitor page's data at the endpoint table's path, the one its loader asks for", () => {
    const competitor = ROUTE_PRELOADS.find((r) => r.api?.length);
    expect(competitor?.api).toEqual([`/api/v1${libraryEndpoints.competitorsGet.path}`]);
    expect(new RegExp(competitor?.pattern ?? '').exec('/w/northwind/competitors/0b4c7e9e-2f1a-4c55-9d7e-1f0e6a2b3c4d')?.groups).toEqual({
      workspace: 'northwind',
      competitorId: '0b4c7e9e-2f1a-4c55-9d7e-1f0e6a2b3c4d',
    });
  });

  it('names modules that exist and that the router loads lazily', () => {
    for (const m of ROUTE_PRELOADS.flatMap((r) => r.modules)) {
      expect(fs.existsSync(path.join(web, m)), m).toBe(true);
      expect(router, m).toContain(`import('${path.relative(path.join(web, 'src/app'), path.join(web, m)).replace(/^(?!\.)/, './')}')`);
    }
  });
});
