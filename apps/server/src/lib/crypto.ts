import { createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );

// OWASP's scrypt recommendation (N=2^17, r=8, p=1) needs 128 MiB per hash; we use
// N=2^15 with r=8 (32 MiB) so that a login burst on a small server stays within memory.
const N = 1 << 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
/**
 * The test suites' cost (vitest.config.ts sets TANDEM_TEST_PASSWORD_COST=low): N=2^10, about 1/30 of the CPU per
 * hash. Honoured only inside a vitest run (VITEST set; the browser tests' servers inherit both); lib/crypto.test.ts
 * checks the production parameters. Hashes are self-describing, so verifying reads N from the stored hash.
 */
const TEST_N = 1 << 10;

/** The scrypt cost new hashes use. */
export function passwordHashCost(): number {
  return process.env.VITEST && process.env.TANDEM_TEST_PASSWORD_COST === 'low' ? TEST_N : N;
}

/** scrypt password hash, self-describing: `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const N = passwordHashCost();
  const key = await scrypt(password.normalize('NFKC'), salt, KEYLEN, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check so unknown accounts are not revealed by timing.
    await hashPassword(password);
    return false;
  }
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A random bearer secret with a recognisable prefix, e.g. `tdm_…` for API tokens. */
export function newSecretToken(prefix: string, bytes = 32): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

/** Tokens are stored only as a keyed hash; the key is the instance secret. */
export function hashToken(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}
