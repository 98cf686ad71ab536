import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/app-harness.ts';
import { competitorKey, matchKeysOf } from './competitor-keys.ts';

const SAMPLES = [
  'Snowflake',
  'Snowflake Inc.',
  'SNOWFLAKE, INC',
  'snowflake   computing',
  'SNOW',
  'Co',
  'AB',
  'Acme Co.',
  'Acme Holdings AB',
  'Data-Bricks GmbH & Co. KG',
  'Müller AG',
  'Zoho Corp',
  'monday.com Ltd',
  '  ',
  '---',
  'H2O.ai',
  'Inc',
];

describe('competitor keys', () => {
  it('treats spellings of one company alike and drops legal forms after the first word only', () => {
    expect(competitorKey('Snowflake Inc.')).toBe('snowflake');
    expect(competitorKey('SNOWFLAKE, INC')).toBe('snowflake');
    expect(competitorKey('SNOW')).toBe('snow');
    expect(competitorKey('Co')).toBe('co');
    expect(competitorKey('Acme Co.')).toBe('acme');
    expect(competitorKey('monday.com Ltd')).toBe('mondaycom');
    expect(competitorKey('   ')).toBeNull();
    expect(competitorKey(null)).toBeNull();
    expect(matchKeysOf('Snowflake', ['Snowflake Inc.', 'SNOW', ''])).toEqual(['snowflake', 'snow']);
  });

  describe('the SQL function competitor_key (migration 0007)', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness();
    });
    afterAll(async () => {
      await h?.close();
    });

    it('gives the same key as the TypeScript one', async () => {
      const { rows } = await h.services.deps.database.pool.query<{ name: string; key: string | null }>(
        'select name, competitor_key(name) as key from unnest($1::text[]) as name',
        [SAMPLES],
      );
      expect(rows.map((r) => [r.name, r.key])).toEqual(SAMPLES.map((s) => [s, competitorKey(s)]));
    });
  });
});
