import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';

/** What services need from the outside world; built once at boot (server, worker or CLI). */
export interface Deps {
  config: Config;
  database: Database;
  /** The instance secret: keys token hashes. */
  secret: string;
  log: Logger;
}
