import { z } from 'zod';
import { Email } from './common.ts';
import { workspaceAnd } from './endpoint.ts';

/** A person's data on request: everything Tandem holds about them, and erasure. */

export const PersonParam = workspaceAnd('userId');

export const PersonDataExport = z.object({
  exportedAt: z.string(),
  workspace: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  person: z.object({ id: z.string(), name: z.string(), email: z.string(), timeZone: z.string(), createdAt: z.string() }),
  /**
   * Every row of this workspace that refers to the person (a column referencing them), by table, plus their
   * own sign-in records (sessions without their tokens, sign-in attempts). Secrets and token hashes are left out.
   */
  records: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type PersonDataExport = z.infer<typeof PersonDataExport>;

export const ErasePersonRequest = z.object({
  email: Email.describe("The person's current email, typed again to confirm"),
});
export type ErasePersonRequest = z.input<typeof ErasePersonRequest>;

export const ErasePersonResponse = z.object({
  userId: z.string(),
  placeholderName: z.string(),
  placeholderEmail: z.string(),
  erasedAt: z.string(),
  sessionsEnded: z.number().int(),
  tokensRevoked: z.number().int(),
  valuesReplaced: z.number().int().describe('Text and JSON values where the name or email was replaced'),
});
export type ErasePersonResponse = z.infer<typeof ErasePersonResponse>;
