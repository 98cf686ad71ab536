import { AppError, defineError } from '../../lib/app-error.ts';

function invalidField(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', 400, 'The request is not valid', `${path}: ${message}`, { errors: [{ path, message }] });
}

/** Every error of the deals domain. */
export const DealsErrors = {
  dealNotFound: defineError('DEAL_NOT_FOUND', 404, 'Deal not found', (id: string) => `No deal ${id} in this workspace.`),
  accountNotFound: defineError('ACCOUNT_NOT_FOUND', 404, 'Account not found', (id: string) => `No account ${id} in this workspace.`),
  stageDuplicate: (index: number, stage: string, other: string) =>
    invalidField(`body.items.${index}.stage`, `"${stage}" is the same stage as "${other}" (case, spaces and punctuation do not count)`),
  stageBlank: (index: number) => invalidField(`body.items.${index}.stage`, 'a stage name needs a letter or a digit'),
  rateDuplicate: (index: number, currency: string, from: string) =>
    invalidField(`body.items.${index}`, `${currency} already has a rate effective from ${from}`),
  rateForBase: (index: number, currency: string) =>
    invalidField(`body.items.${index}.currency`, `${currency} is the base currency; its rate is always 1`),
  invalidField,
};
