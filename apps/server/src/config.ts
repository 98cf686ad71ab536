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
  TANDEM_WEBHOOK_ALLOW_PRIVATE: bool(false),
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
  const publicUrl = (c.TANDEM_PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, '');
  return { ...c, dataDir: path.resolve(c.TANDEM_DATA_DIR), publicUrl };
}
