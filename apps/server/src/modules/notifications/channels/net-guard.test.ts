/**
 * The net guard's address table: every IPv6 form that carries an IPv4 address is judged by the
 * address it carries, and the IPv6 special ranges are refused, whether the address comes as a URL
 * literal (when a target is saved) or from DNS (at delivery).
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/app-error.ts';
import { loadConfig } from '../../../config.ts';
import { checkTargetUrl, forbiddenReason, isAllowedHost, refusedAddress } from './net-guard.ts';

const strict = { allowPrivate: false };

async function refusal(raw: string, opts: Parameters<typeof checkTargetUrl>[1] = strict) {
  try {
    await checkTargetUrl(raw, opts);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  return null;
}

/** [address, what the refusal must say] — every one refused. */
const REFUSED: [string, RegExp][] = [
  // IPv4-compatible (::a.b.c.d, deprecated): written dotted, or in the hex form URLs and DNS give.
  ['::169.254.169.254', /IPv4-compatible.*169\.254\.169\.254.*link-local/],
  ['::a9fe:a9fe', /IPv4-compatible.*169\.254\.169\.254/],
  ['::127.0.0.1', /IPv4-compatible.*127\.0\.0\.1.*loopback/],
  ['::7f00:1', /IPv4-compatible.*127\.0\.0\.1/],
  ['::10.0.0.1', /IPv4-compatible.*private/],
  ['::8.8.8.8', /IPv4-compatible/],
  // IPv4-mapped, dotted and hex.
  ['::ffff:127.0.0.1', /loopback/],
  ['::ffff:7f00:1', /loopback/],
  ['::ffff:a9fe:a9fe', /link-local/],
  ['::ffff:192.168.1.1', /private/],
  ['0:0:0:0:0:ffff:0a00:0001', /private/],
  // IPv4-translated (RFC 6145).
  ['::ffff:0:7f00:1', /127\.0\.0\.1.*loopback/],
  // NAT64 well-known prefix: the last 32 bits; the local-use prefix as a whole.
  ['64:ff9b::7f00:1', /NAT64.*127\.0\.0\.1.*loopback/],
  ['64:ff9b::169.254.169.254', /NAT64.*link-local/],
  ['64:ff9b::a00:1', /NAT64.*10\.0\.0\.1.*private/],
  ['64:ff9b:1::a9fe:a9fe', /local-use NAT64/],
  ['64:ff9b:1:abcd::1', /local-use NAT64/],
  // 6to4: the IPv4 address in bits 16–48.
  ['2002:7f00:1::', /6to4.*127\.0\.0\.1.*loopback/],
  ['2002:a9fe:a9fe::1', /6to4.*169\.254\.169\.254/],
  ['2002:c0a8:101:1::1', /6to4.*192\.168\.1\.1.*private/],
  // Teredo: the server in bits 32–64, the client obfuscated (inverted) in the last 32 bits.
  ['2001:0:4136:e378:8000:63bf:80ff:fffe', /Teredo.*127\.0\.0\.1.*loopback/],
  ['2001:0:7f00:1:8000:63bf:3fff:fdd2', /Teredo.*127\.0\.0\.1/],
  ['2001:0:4136:e378:8000:63bf:f5ff:fffe', /Teredo.*10\.0\.0\.1.*private/],
  // The IPv6 special ranges.
  ['::1', /loopback/],
  ['::', /unspecified/],
  ['fe80::1', /link-local/],
  ['febf:ffff::1', /link-local/],
  ['fc00::1', /unique-local/],
  ['fd12:3456::1', /unique-local/],
  ['fec0::1', /site-local/],
  ['ff02::1', /multicast/],
  ['ff0e::1', /multicast/],
  ['2001:db8::1', /documentation/],
  ['3fff::1', /documentation/],
  ['100::1', /discard/],
  ['2001:2::1', /benchmarking/],
  // IPv4 itself.
  ['127.0.0.1', /loopback/],
  ['10.1.2.3', /private/],
  ['169.254.169.254', /link-local/],
  ['0.0.0.0', /unspecified/],
  ['100.64.0.1', /carrier-grade/],
  ['192.0.2.1', /reserved|documentation/],
  ['255.255.255.255', /broadcast/],
];

const ALLOWED = [
  '8.8.8.8',
  '2606:4700::1111',
  '2a00:1450:4001:82b::200e',
  '::ffff:8.8.8.8',
  '64:ff9b::8.8.8.8',
  '2002:808:808::1',
  '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo: server 65.54.227.120, client 192.0.2.45 — refused below
];

describe('net guard: which addresses may be called', () => {
  it.each(REFUSED)('refuses %s', (address, words) => {
    expect(forbiddenReason(address)).toMatch(words);
  });

  it.each(ALLOWED.slice(0, -1))('allows the public address %s', (address) => {
    expect(forbiddenReason(address)).toBeNull();
  });

  it('judges a Teredo address by both IPv4 addresses it carries', () => {
    // RFC 4380's example: its client address is 192.0.2.45 (documentation), so it is refused.
    expect(forbiddenReason(ALLOWED.at(-1)!)).toMatch(/Teredo.*192\.0\.2\.45/);
    // Server 65.54.227.120, client 8.8.8.8 (0x0808_0808 inverted is f7f7:f7f7).
    expect(forbiddenReason('2001:0:4136:e378:8000:63bf:f7f7:f7f7')).toBeNull();
  });

  it.each(REFUSED.filter(([a]) => a.includes(':')))('refuses https://[%s]/ when the target is saved', async (address, words) => {
    const e = await refusal(`https://[${address}]/hook`);
    expect(e?.code).toBe('WEBHOOK_TARGET_PRIVATE');
    expect(e?.detail).toMatch(words);
  });

  it('refuses at delivery a name whose DNS answer carries a private IPv4 address in an IPv6 form', () => {
    expect(refusedAddress([{ address: '2606:4700::1111' }, { address: '::a9fe:a9fe' }])).toMatchObject({
      address: '::a9fe:a9fe',
      why: expect.stringMatching(/IPv4-compatible.*169\.254\.169\.254/),
    });
    expect(refusedAddress([{ address: '64:ff9b::7f00:1' }])?.why).toMatch(/NAT64.*loopback/);
    expect(refusedAddress([{ address: '2606:4700::1111' }, { address: '8.8.8.8' }])).toBeNull();
  });
});

describe('net guard: the allow-list of receivers on a private network', () => {
  const allowHosts = loadConfig({ TANDEM_WEBHOOK_ALLOW_HOSTS: '127.0.0.1:4567, [::1]:8080' }).TANDEM_WEBHOOK_ALLOW_HOSTS;

  it('allows exactly the listed host and port, over http too', async () => {
    expect(isAllowedHost(new URL('http://127.0.0.1:4567/x'), allowHosts)).toBe(true);
    expect((await checkTargetUrl('http://127.0.0.1:4567/tandem', { allowPrivate: false, allowHosts })).port).toBe('4567');
    expect((await checkTargetUrl('http://[::1]:8080/tandem', { allowPrivate: false, allowHosts })).port).toBe('8080');
  });

  it('refuses every other port and address', async () => {
    expect((await refusal('http://127.0.0.1:4568/x', { allowPrivate: false, allowHosts }))?.code).toBe('WEBHOOK_TARGET_PRIVATE');
    expect((await refusal('https://127.0.0.1/x', { allowPrivate: false, allowHosts }))?.code).toBe('WEBHOOK_TARGET_PRIVATE');
    expect((await refusal('https://[::169.254.169.254]:4567/', { allowPrivate: false, allowHosts }))?.code).toBe('WEBHOOK_TARGET_PRIVATE');
    expect((await refusal('http://10.0.0.1:4567/x', { allowPrivate: false, allowHosts }))?.code).toBe('WEBHOOK_TARGET_PRIVATE');
  });

  it('refuses to start with an entry that is not a host with a port, naming the variable and the entry', () => {
    expect(() => loadConfig({ TANDEM_WEBHOOK_ALLOW_HOSTS: '127.0.0.1' })).toThrow(/TANDEM_WEBHOOK_ALLOW_HOSTS: "127\.0\.0\.1" is not host:port/);
    expect(() => loadConfig({ TANDEM_WEBHOOK_ALLOW_HOSTS: 'http://127.0.0.1:80/' })).toThrow(/TANDEM_WEBHOOK_ALLOW_HOSTS.*host:port/);
    expect(allowHosts).toEqual(['127.0.0.1:4567', '[::1]:8080']);
    expect(loadConfig({}).TANDEM_WEBHOOK_ALLOW_HOSTS).toEqual([]);
  });
});
