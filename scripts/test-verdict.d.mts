export interface SkippedTests {
  task: string;
  count: number;
  /** The browser tests: skipping them is allowed with TANDEM_SKIP_E2E=1. */
  browser: boolean;
}
export function testVerdict(run: { failures: string[]; skipped: SkippedTests[]; env: Record<string, string | undefined> }): { ok: boolean; lines: string[] };
