// The Requests module's database-free engines: business-hours arithmetic over a workspace calendar (Luxon for
// zones and DST), SLA clocks, the readable priority score and the capacity plan that draws "the line".
// No Drizzle, no Fastify, no other module: everything here is pure and unit-tested against hand computation.
export * from './calendar.ts';
export * from './business-hours.ts';
export * from './sla-clock.ts';
export * from './priority-score.ts';
export * from './capacity-plan.ts';
export { addDays, formatDay, isIsoDate } from './local-dates.ts';
