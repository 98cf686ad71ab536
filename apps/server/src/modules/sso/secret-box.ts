import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets Tandem must give back to someone else (an OpenID client secret), sealed at rest with AES-256-GCM
 * under a key derived (HKDF-SHA256) from the instance secret, one key per purpose. A database dump alone
 * does not reveal them; the instance secret does, as it already does for every token hash.
 */
function keyFor(instanceSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', instanceSecret, 'tandem-secret-box', purpose, 32));
}

const b64 = (b: Buffer) => b.toString('base64url');

export function seal(instanceSecret: string, purpose: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(instanceSecret, purpose), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `v1.${b64(iv)}.${b64(cipher.getAuthTag())}.${b64(body)}`;
}

/** The plaintext, or undefined when the box was not sealed with this secret and purpose, or was altered. */
export function unseal(instanceSecret: string, purpose: string, sealed: string): string | undefined {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || body === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(instanceSecret, purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
