import pino, { type Logger } from 'pino';
import type { Config } from '../config.ts';

/** Structured JSON logs; human-readable lines when LOG_FORMAT=pretty (the default on a terminal). */
export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'LOG_FORMAT'>, name = 'tandem'): Logger {
  const pretty = config.LOG_FORMAT ? config.LOG_FORMAT === 'pretty' : Boolean(process.stdout.isTTY);
  if (pretty) {
    try {
      return pino({
        name,
        level: config.LOG_LEVEL,
        transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname,name' } },
      });
    } catch {
      /* pino-pretty not installed (production install): fall back to JSON */
    }
  }
  return pino({ name, level: config.LOG_LEVEL });
}
