import { afterEach, describe, expect, test } from 'vitest';
import { hashPassword, passwordHashCost, verifyPassword } from './crypto.ts';

/** The suites hash at a test cost (vitest.config.ts); production hashes are checked here with the setting off. */
describe('password hashing', () => {
  const saved = process.env.TANDEM_TEST_PASSWORD_COST;
  afterEach(() => {
    if (saved === undefined) delete process.env.TANDEM_TEST_PASSWORD_COST;
    else process.env.TANDEM_TEST_PASSWORD_COST = saved;
  });

  test('production parameters: scrypt N=2^15, r=8, p=1, a 16-byte salt and a 32-byte key', async () => {
    delete process.env.TANDEM_TEST_PASSWORD_COST;
    expect(passwordHashCost()).toBe(32768);
    const stored = await hashPassword('correct horse battery');
    const [scheme, n, r, p, salt, key] = stored.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64url')).toHaveLength(32);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery!', stored)).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(stored);
  });

  test('the test cost applies only with the setting, and verifying follows the stored parameters', async () => {
    process.env.TANDEM_TEST_PASSWORD_COST = 'low';
    expect(passwordHashCost()).toBe(1024);
    const low = await hashPassword('pässword');
    expect(low.split('$').slice(0, 4)).toEqual(['scrypt', '1024', '8', '1']);
    // NFKC: the composed and decomposed forms are one password.
    expect(await verifyPassword('pa\u0308ssword', low)).toBe(true);
    delete process.env.TANDEM_TEST_PASSWORD_COST;
    expect(await verifyPassword('pässword', low)).toBe(true);
    expect(await verifyPassword('pässword', null)).toBe(false);
    expect(await verifyPassword('pässword', 'md5$abc')).toBe(false);
  });
});
