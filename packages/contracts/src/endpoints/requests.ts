/**
 * The requests module's rows of the endpoint table, one file per feature under endpoints/requests/: items (filing,
 * the queue, a request's lifecycle, comments, attachments) and settings (SLA targets, weights, calendar, capacity,
 * metrics). Names are unique across both.
 */
export * from './requests/items.ts';
export * from './requests/settings.ts';
