/**
 * Keeps webhooks and Slack deliveries from reaching the server's own network
 * (SSRF): a URL is checked when it is saved and again at every delivery, and
 * the address a connection actually uses is checked once more at connect time,
 * so a name that resolves to a public address at check time and a private one
 * a second later (DNS rebinding) still gets nowhere.
 */
import dns from 'node:dns';
import { lookup as lookupAll } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { NotificationsErrors as E } from '../notifications.errors.ts';

export interface GuardOptions {
  allowPrivate: boolean;
}

/** ipaddr.js range names, as a person reads them; every range but plain `unicast` is refused. */
const RANGE_WORDS: Record<string, string> = {
  private: 'a private address',
  loopback: 'a loopback address',
  linkLocal: 'a link-local address',
  uniqueLocal: 'a unique-local (private) IPv6 address',
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  carrierGradeNat: 'a carrier-grade NAT (shared) address',
  reserved: 'a reserved address',
};

/** Why an address may not be called, or null when it is a public unicast address. */
export function forbiddenReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  // process() turns IPv4-mapped IPv6 (::ffff:10.0.0.1) into the IPv4 address it carries.
  const ip = ipaddr.process(address);
  const range = ip.range();
  if (range === 'unicast') return null;
  return RANGE_WORDS[range] ?? `a special-purpose address (${range})`;
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

/** Parses and checks a receiver URL; resolves its host and refuses private targets unless allowed. */
export async function checkTargetUrl(raw: string, { allowPrivate }: GuardOptions): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw E.urlInvalid(raw, 'is not an absolute URL (it should look like https://example.com/hooks/tandem)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw E.urlInvalid(raw, `uses ${url.protocol.replace(':', '')}; only https is supported`);
  if (url.username || url.password) throw E.urlInvalid(raw, 'contains a user name or password; put secrets in the path or rely on the signature instead');
  const host = bare(url.hostname);
  if (!host) throw E.urlInvalid(raw, 'has no host');
  const literal = ipaddr.isValid(host);
  if (literal && !allowPrivate) {
    const why = forbiddenReason(host);
    if (why) throw E.targetPrivate(raw, why, null);
  }
  if (url.protocol === 'http:' && !allowPrivate) throw E.urlInvalid(raw, 'uses plain http; use https so the payload is encrypted in transit');
  if (literal || allowPrivate) return url;

  let addresses: { address: string }[];
  try {
    addresses = await lookupAll(host, { all: true, verbatim: true });
  } catch (e) {
    throw E.hostUnresolved(raw, (e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
  for (const { address } of addresses) {
    const why = forbiddenReason(address);
    if (why) throw E.targetPrivate(raw, why, address);
  }
  return url;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that refuses private addresses at connect time.
 * (Node does not call `lookup` for IP-literal hosts: checkTargetUrl covers those.)
 */
export const guardedLookup = ((hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    for (const { address } of addresses) {
      const why = forbiddenReason(address);
      if (why) {
        const refused: NodeJS.ErrnoException = new Error(`${hostname} resolves to ${address}, which is ${why}; not connecting`);
        refused.code = 'ETANDEMPRIVATE';
        return callback(refused, []);
      }
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}) as unknown as LookupFunction;

export interface PostResult {
  statusCode: number | null;
  durationMs: number;
  /** Null when the receiver answered 2xx. */
  error: string | null;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
const ERROR_BODY_CHARS = 200;

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/**
 * POSTs a body once, with one deadline for the whole exchange (connect, send,
 * answer). Redirects are not followed: a 3xx is a failure like any non-2xx.
 * Never throws; the outcome says what happened.
 */
export function postOnce(url: URL, body: string, headers: Record<string, string>, opts: GuardOptions & { timeoutMs?: number }): Promise<PostResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, durationMs: elapsed() });
    };
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        lookup: opts.allowPrivate ? undefined : guardedLookup,
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? null;
        const ok = status !== null && status >= 200 && status < 300;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < ERROR_BODY_CHARS) text += chunk;
        });
        res.on('end', () => {
          const snippet = text.trim().slice(0, ERROR_BODY_CHARS);
          finish({ statusCode: status, error: ok ? null : `HTTP ${status}${snippet ? `: ${snippet}` : ''}` });
        });
        res.on('error', (e) => finish({ statusCode: status, error: ok ? null : `HTTP ${status} (${e.message})` }));
      },
    );
    const timer = setTimeout(() => {
      finish({ statusCode: null, error: `timed out after ${seconds(timeoutMs)}` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => finish({ statusCode: null, error: e.code && !e.message.includes(e.code) ? `${e.code}: ${e.message}` : e.message }));
    req.end(body);
  });
}
