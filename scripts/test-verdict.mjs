/**
 * Whether `npm test` passed, from what ran: a failed task fails the run, and so does a skipped test. The suite
 * keeps no skipped tests, so a skip means something did not run — in practice the browser tests, which skip
 * themselves when there is no Chromium to drive. A local run without Chromium must say so and fail, unless the
 * person asked for it with TANDEM_SKIP_E2E=1 (CI sets REQUIRE_E2E=1, which makes the browser harness fail outright).
 *
 * @param {{ failures: string[]; skipped: { task: string; count: number; browser: boolean }[]; env: Record<string, string | undefined> }} run
 * @returns {{ ok: boolean; lines: string[] }}
 */
export function testVerdict({ failures, skipped, env }) {
  const lines = [];
  let ok = failures.length === 0;
  if (failures.length) lines.push(`failed: ${failures.join('; ')}`);
  const browser = skipped.filter((s) => s.browser && s.count > 0);
  const other = skipped.filter((s) => !s.browser && s.count > 0);
  const browserCount = browser.reduce((n, s) => n + s.count, 0);
  if (browserCount > 0) {
    if (env.TANDEM_SKIP_E2E === '1') {
      lines.push(`${browserCount} browser tests skipped, as TANDEM_SKIP_E2E=1 asked: this run does not cover the web app in a browser.`);
    } else {
      ok = false;
      lines.push(
        `${browserCount} browser tests were skipped (no Chromium to drive?): install it (apt-get install -y chromium) or set CHROMIUM_PATH, ` +
          'or run with TANDEM_SKIP_E2E=1 to accept skipping them.',
      );
    }
  }
  for (const s of other) {
    ok = false;
    lines.push(`${s.count} tests were skipped in ${s.task}: the suite keeps no skipped tests; run them or remove them.`);
  }
  return { ok, lines };
}
