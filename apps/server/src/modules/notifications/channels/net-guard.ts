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
  /** TANDEM_WEBHOOK_ALLOW_PRIVATE: any address and plain http (development only). */
  allowPrivate: boolean;
  /** TANDEM_WEBHOOK_ALLOW_HOSTS: these `host:port`s only, private or over http (a receiver on the private network, tests). */
  allowHosts?: readonly string[];
}

/** ipaddr.js range names, as a person reads them; every range but plain `unicast` is refused. */
const RANGE_WORDS: Record<string, string> = {
  private: 'a private address',
  loopback: 'a loopback address',
  linkLocal: 'a link-local address',
  uniqueLocal: 'a unique-local (private) IPv6 address',
  deprecatedSiteLocal: 'a site-local (private) IPv6 address',
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  carrierGradeNat: 'a carrier-grade NAT (shared) address',
  reserved: 'a reserved address',
  discard: 'a discard-only IPv6 address',
  benchmarking: 'a benchmarking address',
};

function rangeReason(ip: ipaddr.IPv4 | ipaddr.IPv6): string | null {
  const range = ip.range();
  if (range === 'unicast') return null;
  return RANGE_WORDS[range] ?? `a special-purpose address (${range})`;
}

const v4Of = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
const inRange = (ip: ipaddr.IPv6, cidr: string) => ip.match(ipaddr.IPv6.parseCIDR(cidr));

/**
 * IPv6 forms that carry an IPv4 address, and where it sits. A packet to one of them may reach
 * that IPv4 address (the host's own stack, a NAT64 gateway, a 6to4 or Teredo relay), so each is
 * judged by the IPv4 address it carries. `null` refuses the whole range.
 */
const EMBEDDINGS: { cidr: string; name: string; v4: ((p: number[]) => ipaddr.IPv4[]) | null }[] = [
  { cidr: '::ffff:0:0/96', name: 'an IPv4-mapped address', v4: (p) => [v4Of(p[6]!, p[7]!)] },
  { cidr: '::ffff:0:0:0/96', name: 'an IPv4-translated address (RFC 6145)', v4: (p) => [v4Of(p[6]!, p[7]!)] },
  { cidr: '64:ff9b::/96', name: 'a NAT64 address (64:ff9b::/96)', v4: (p) => [v4Of(p[6]!, p[7]!)] },
  // Local-use NAT64 (RFC 8215): the operator picks where the IPv4 address sits, so none of it is public.
  { cidr: '64:ff9b:1::/48', name: 'a local-use NAT64 address (64:ff9b:1::/48)', v4: null },
  { cidr: '2002::/16', name: 'a 6to4 address (2002::/16)', v4: (p) => [v4Of(p[1]!, p[2]!)] },
  // Teredo: the server's address in bits 32–64, the client's inverted in the last 32 bits.
  { cidr: '2001::/32', name: 'a Teredo address (2001::/32)', v4: (p) => [v4Of(p[2]!, p[3]!), v4Of(p[6]! ^ 0xffff, p[7]! ^ 0xffff)] },
];

function ipv6Reason(ip: ipaddr.IPv6): string | null {
  const p = ip.parts;
  if (inRange(ip, '::/96')) {
    // ::, ::1, and IPv4-compatible ::a.b.c.d (deprecated by RFC 4291; some stacks still route them as IPv4).
    if (p[6] === 0 && p[7] === 0) return RANGE_WORDS.unspecified!;
    if (p[6] === 0 && p[7] === 1) return RANGE_WORDS.loopback!;
    const v4 = v4Of(p[6]!, p[7]!);
    const carried = rangeReason(v4);
    return `an IPv4-compatible IPv6 address (deprecated) carrying ${v4.toString()}${carried ? `, ${carried}` : ''}`;
  }
  for (const e of EMBEDDINGS) {
    if (!inRange(ip, e.cidr)) continue;
    if (!e.v4) return e.name;
    for (const v4 of e.v4(p)) {
      const carried = rangeReason(v4);
      if (carried) return `${e.name} carrying ${v4.toString()}, ${carried}`;
    }
    return null;
  }
  if (inRange(ip, '2001:db8::/32') || inRange(ip, '3fff::/20')) return 'a documentation address';
  return rangeReason(ip);
}

/**
 * An IPv6 address as the WHATWG URL parser writes it: all hex, so `::169.254.169.254` and
 * `::a9fe:a9fe` read alike (ipaddr.js would take the dotted form for IPv4-mapped).
 */
function canonicalIpv6(address: string): string | null {
  const bareAddress = address.replace(/%.*$/, '');
  if (!URL.canParse(`http://[${bareAddress}]/`)) return null;
  return new URL(`http://[${bareAddress}]/`).hostname.slice(1, -1);
}

/** Why an address may not be called, or null when it is a public unicast address. */
export function forbiddenReason(address: string): string | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) return rangeReason(ipaddr.IPv4.parse(address));
  const v6 = address.includes(':') ? canonicalIpv6(address) : null;
  if (v6 === null || !ipaddr.IPv6.isValid(v6)) return 'not an IP address';
  return ipv6Reason(ipaddr.IPv6.parse(v6));
}

/** The first address of a DNS answer that may not be called, and why; null when all may. */
export function refusedAddress(addresses: readonly { address: string }[]): { address: string; why: string } | null {
  for (const { address } of addresses) {
    const why = forbiddenReason(address);
    if (why) return { address, why };
  }
  return null;
}

/** Whether the URL's host and port are on TANDEM_WEBHOOK_ALLOW_HOSTS (the port as written, or the scheme's default). */
export function isAllowedHost(url: URL, allowHosts: readonly string[] | undefined): boolean {
  if (!allowHosts?.length) return false;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return allowHosts.includes(`${url.hostname.toLowerCase()}:${port}`);
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

/** Parses and checks a receiver URL; resolves its host and refuses private targets unless allowed. */
export async function checkTargetUrl(raw: string, { allowPrivate, allowHosts }: GuardOptions): Promise<URL> {
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
  const open = allowPrivate || isAllowedHost(url, allowHosts);
  const literal = ipaddr.isValid(host);
  if (literal && !open) {
    const why = forbiddenReason(host);
    if (why) throw E.targetPrivate(raw, why, null);
  }
  if (url.protocol === 'http:' && !open) throw E.urlInvalid(raw, 'uses plain http; use https so the payload is encrypted in transit');
  if (literal || open) return url;

  let addresses: { address: string }[];
  try {
    addresses = await lookupAll(host, { all: true, verbatim: true });
  } catch (e) {
    throw E.hostUnresolved(raw, (e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
  const bad = refusedAddress(addresses);
  if (bad) throw E.targetPrivate(raw, bad.why, bad.address);
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
    const bad = refusedAddress(addresses);
    if (bad) {
      const refused: NodeJS.ErrnoException = new Error(`${hostname} resolves to ${bad.address}, which is ${bad.why}; not connecting`);
      refused.code = 'ETANDEMPRIVATE';
      return callback(refused, []);
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
        lookup: opts.allowPrivate || isAllowedHost(url, opts.allowHosts) ? undefined : guardedLookup,
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
