/** `npm test`'s verdict (scripts/test-verdict.mjs): skipped browser tests fail a run unless TANDEM_SKIP_E2E=1 asked. */
import { describe, expect, it } from 'vitest';
import { testVerdict } from '../../../scripts/test-verdict.mjs';

const ran = (browserSkipped: number, otherSkipped = 0) => [
  { task: 'web unit tests', count: 0, browser: false },
  { task: 'server tests, embedded PostgreSQL', count: otherSkipped, browser: false },
  { task: 'browser tests (Chromium)', count: browserSkipped, browser: true },
];

describe('npm test verdict', () => {
  it('passes when everything ran and passed', () => {
    expect(testVerdict({ failures: [], skipped: ran(0), env: {} })).toEqual({ ok: true, lines: [] });
  });

  it('fails when browser tests were skipped, saying how many and how to allow it', () => {
    const v = testVerdict({ failures: [], skipped: ran(25), env: {} });
    expect(v.ok).toBe(false);
    expect(v.lines.join('\n')).toMatch(/^25 browser tests were skipped .*TANDEM_SKIP_E2E=1/);
    expect(testVerdict({ failures: [], skipped: ran(25), env: { TANDEM_SKIP_E2E: '0' } }).ok).toBe(false);
  });

  it('passes with skipped browser tests when TANDEM_SKIP_E2E=1 asked for it, and still says so', () => {
    const v = testVerdict({ failures: [], skipped: ran(25), env: { TANDEM_SKIP_E2E: '1' } });
    expect(v.ok).toBe(true);
    expect(v.lines).toEqual([expect.stringMatching(/^25 browser tests skipped, as TANDEM_SKIP_E2E=1 asked/)]);
  });

  it('fails on any other skipped test, whatever the environment, and on a failed task', () => {
    const other = testVerdict({ failures: [], skipped: ran(0, 2), env: { TANDEM_SKIP_E2E: '1' } });
    expect(other).toEqual({ ok: false, lines: [expect.stringMatching(/^2 tests were skipped in server tests, embedded PostgreSQL/)] });
    const failed = testVerdict({ failures: ['lint'], skipped: ran(0), env: { TANDEM_SKIP_E2E: '1' } });
    expect(failed).toEqual({ ok: false, lines: ['failed: lint'] });
  });
});
