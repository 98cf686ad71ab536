import pg from 'pg';

/**
 * A pg client for one short piece of work outside the pools (migrating, the version check, creating the database,
 * "is it up?"). pg emits 'error' on a client whose connection drops — the server restarted, the backend was
 * terminated — and an 'error' event nobody listens to is an uncaught exception that ends the process. Listened to,
 * the drop fails only the work in hand: the query in flight rejects with the cause (a later one with "not
 * queryable"), and the caller's failure path reports it.
 */
export function shortLivedClient(config: pg.ClientConfig): pg.Client {
  const client = new pg.Client(config);
  client.on('error', () => undefined);
  return client;
}
