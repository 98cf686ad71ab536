import { AppError, defineError } from '../../../lib/app-error.ts';

/** 400 VALIDATION_FAILED naming the field (`query.groupBy`), as schema validation does. */
function invalidField(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', 400, 'The request is not valid', `${path}: ${message}`, { errors: [{ path, message }] });
}

/** The metrics' errors: stable `METRICS_*` codes, a status and a detail naming what and where. */
export const MetricsErrors = {
  invalidField,
  unknownMetric: defineError('METRICS_UNKNOWN', 404, 'No such metric', (name: string) =>
    `There is no metric "${name}"; GET …/metrics lists them (e.g. win-rate, sales-cycle-days).`,
  ),
  filterNotSupported: (metric: string, filter: string) => invalidField(`query.${filter}`, `the metric ${metric} cannot be filtered by ${filter}`),
  groupByNotSupported: (metric: string, groupBy: string, allowed: readonly string[]) =>
    invalidField('query.groupBy', `the metric ${metric} cannot be grouped by ${groupBy}${allowed.length ? ` (it can by ${allowed.join(', ')})` : ''}`),
  byAmountNotSupported: (metric: string) => invalidField('query.byAmount', `the metric ${metric} has no by-amount form (only win rates do)`),
  badPeriod: (field: 'from' | 'to', message: string) => invalidField(`query.${field}`, message),
  badCursor: () => invalidField('query.cursor', 'not a cursor this list gave'),
  badKey: (key: string) => invalidField('query.key', `no group "${key}" without a groupBy`),
  recordsElsewhere: (metric: string, where: string) => invalidField('params.metric', `the records behind ${metric} are listed on ${where}, not here`),
};
