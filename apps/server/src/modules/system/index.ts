// Instance-wide settings that belong to no workspace: today only the secret that keys
// token hashes, generated on first start when TANDEM_SECRET is not set.
export { resolveSecret } from './secret.ts';
