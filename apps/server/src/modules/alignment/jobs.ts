/**
 * The alignment module's scheduled work, run by the job workers (`tandem start`, `tandem worker`): pulses reaching
 * their start are invited, due cadences get their next pulse and closing pulses remind those who have not answered
 * (every 15 minutes, each claimed in the transaction that emits); the index's weekly snapshot (checked hourly,
 * computed at most once a day per workspace: `snapshotAll`).
 */
import type { Deps } from '../../lib/deps.ts';
import type { IndexService } from './index-engine/index.service.ts';
import type { PulsesService } from './pulses.service.ts';

export function alignmentJobs(deps: Pick<Deps, 'log'>, pulses: PulsesService, index: IndexService) {
  return [
    { queue: 'alignment-pulses', cron: '*/15 * * * *', run: () => pulses.tick() },
    { queue: 'alignment-snapshots', cron: '23 * * * *', run: () => index.snapshotAll() },
  ];
}
