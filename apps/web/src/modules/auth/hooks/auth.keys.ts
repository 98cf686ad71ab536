/** Query keys of the signed-out pages: not per workspace (there is none yet). */
export const authKeys = {
  setupStatus: ['setup-status'] as const,
  invitation: (token: string) => ['invitation', token] as const,
  passwordReset: (token: string) => ['password-reset', token] as const,
};
