import { z } from 'zod';
import { Email, Password, PersonName, Role, Slug, Uuid, listEnvelope } from './common.ts';

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, { message: 'Unknown time zone; use an IANA name such as "Europe/Berlin"' });

export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 code such as "USD"');

export const FiscalYearStartMonth = z.number().int().min(1).max(12);

// ---- Users and sessions ----------------------------------------------------

export const User = z.object({
  id: Uuid,
  email: z.string(),
  name: z.string(),
  timeZone: z.string(),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof User>;

export const Membership = z.object({
  workspaceId: Uuid,
  slug: z.string(),
  name: z.string(),
  role: Role,
});
export type Membership = z.infer<typeof Membership>;

export const SessionResponse = z.object({
  user: User,
  memberships: z.array(Membership),
  csrfToken: z.string().describe('Send as X-CSRF-Token on every write made with the session cookie'),
  /** Whether the signed-in user may create new workspaces (admins of any workspace). */
  canCreateWorkspace: z.boolean(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const LoginRequest = z.object({
  email: Email,
  password: z.string().min(1, 'Enter your password').max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const SetupStatusResponse = z.object({
  needsSetup: z.boolean().describe('True until the first admin account exists'),
});
export type SetupStatusResponse = z.infer<typeof SetupStatusResponse>;

export const SetupRequest = z.object({
  name: PersonName,
  email: Email,
  password: Password,
  workspaceName: z.string().trim().min(1).max(120),
  workspaceSlug: Slug,
});
export type SetupRequest = z.infer<typeof SetupRequest>;

/** Name and time zone; the email changes through ChangeEmailRequest (password, then a confirmation from the new address). */
export const UpdateProfileRequest = z
  .object({
    name: PersonName.optional(),
    timeZone: TimeZone.optional(),
  })
  .strict();
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequest>;

export const ChangeEmailRequest = z.object({
  email: Email.describe('The new sign-in email: a confirmation link goes to it, and the change happens when it is used'),
  currentPassword: z.string().min(1).max(200),
});
export type ChangeEmailRequest = z.infer<typeof ChangeEmailRequest>;
export const ChangeEmailResponse = z.object({
  pendingEmail: z.string().describe('Where the confirmation link was sent; the old address was told too'),
  expiresAt: z.iso.datetime(),
});
export type ChangeEmailResponse = z.infer<typeof ChangeEmailResponse>;
export const ConfirmEmailChangeResponse = z.object({ email: z.string().describe('The sign-in email from now on') });
export type ConfirmEmailChangeResponse = z.infer<typeof ConfirmEmailChangeResponse>;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

// ---- Workspaces --------------------------------------------------------------

export const Workspace = z.object({
  id: Uuid,
  slug: z.string(),
  name: z.string(),
  baseCurrency: z.string(),
  fiscalYearStartMonth: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type Workspace = z.infer<typeof Workspace>;

export const CreateWorkspaceRequest = z.object({
  name: z.string().trim().min(1).max(120),
  slug: Slug,
  baseCurrency: Currency.default('USD'),
  fiscalYearStartMonth: FiscalYearStartMonth.default(1),
});
export type CreateWorkspaceRequest = z.input<typeof CreateWorkspaceRequest>;

export const UpdateWorkspaceRequest = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    baseCurrency: Currency.optional(),
    fiscalYearStartMonth: FiscalYearStartMonth.optional(),
  })
  .strict();
export type UpdateWorkspaceRequest = z.infer<typeof UpdateWorkspaceRequest>;

// ---- Members -----------------------------------------------------------------

export const Member = z.object({
  userId: Uuid,
  email: z.string(),
  name: z.string(),
  role: Role,
  active: z.boolean(),
  teams: z.array(z.object({ id: Uuid, name: z.string() })),
  joinedAt: z.iso.datetime(),
});
export type Member = z.infer<typeof Member>;
export const MemberList = listEnvelope(Member);

export const MemberListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  q: z.string().max(120).optional().describe('Matches name or email'),
  role: Role.optional(),
  active: z.enum(['true', 'false']).optional(),
});

export const UpdateMemberRequest = z
  .object({
    role: Role.optional(),
    active: z.boolean().optional().describe('false deactivates: the person can no longer sign in to this workspace'),
  })
  .strict();
export type UpdateMemberRequest = z.infer<typeof UpdateMemberRequest>;

export const LinkResponse = z.object({
  url: z.string(),
  expiresAt: z.iso.datetime(),
});
export type LinkResponse = z.infer<typeof LinkResponse>;

// ---- Invitations -------------------------------------------------------------

export const Invitation = z.object({
  id: Uuid,
  email: z.string(),
  role: Role,
  invitedBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
});
export type Invitation = z.infer<typeof Invitation>;
export const InvitationList = listEnvelope(Invitation);

export const CreateInvitationRequest = z.object({
  email: Email,
  role: Role,
  name: PersonName.optional(),
});
export type CreateInvitationRequest = z.infer<typeof CreateInvitationRequest>;

export const CreateInvitationResponse = Invitation.extend({
  url: z.string().describe('The link the invitee opens to join'),
});
export type CreateInvitationResponse = z.infer<typeof CreateInvitationResponse>;

export const InvitationPreview = z.object({
  email: z.string(),
  role: Role,
  workspaceName: z.string(),
  workspaceSlug: z.string(),
  suggestedName: z.string().nullable(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const AcceptInvitationRequest = z.object({
  name: PersonName.optional(),
  password: z
    .string()
    .min(1)
    .max(200)
    .describe("For a new account, the password to set; if the address already has an account, that account's password (a wrong one answers 401 AUTH_INVALID_CREDENTIALS)"),
});
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>;

// ---- Password resets ---------------------------------------------------------

export const PasswordResetPreview = z.object({ email: z.string(), name: z.string() });
export type PasswordResetPreview = z.infer<typeof PasswordResetPreview>;
export const CompletePasswordResetRequest = z.object({ password: Password });
export type CompletePasswordResetRequest = z.infer<typeof CompletePasswordResetRequest>;

/** The secret in an invitation or password-reset link (`/invite/:token`, `/reset/:token`). */
export const LinkTokenParam = z.object({ token: z.string().min(10).max(200) });

// ---- Teams -------------------------------------------------------------------

export const Team = z.object({
  id: Uuid,
  name: z.string(),
  description: z.string().nullable(),
  lead: z.object({ userId: Uuid, name: z.string() }).nullable(),
  members: z.array(z.object({ userId: Uuid, name: z.string(), role: Role })),
  createdAt: z.iso.datetime(),
});
export type Team = z.infer<typeof Team>;
export const TeamList = listEnvelope(Team);

export const CreateTeamRequest = z.object({
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500).optional(),
  leadUserId: Uuid.nullable().optional(),
  memberUserIds: z.array(Uuid).max(500).default([]),
});
export type CreateTeamRequest = z.input<typeof CreateTeamRequest>;

export const UpdateTeamRequest = z
  .object({
    name: z.string().trim().min(1).max(80).optional(),
    description: z.string().trim().max(500).nullable().optional(),
    leadUserId: Uuid.nullable().optional(),
    memberUserIds: z.array(Uuid).max(500).optional(),
  })
  .strict();
export type UpdateTeamRequest = z.infer<typeof UpdateTeamRequest>;

// ---- API tokens ----------------------------------------------------------------

export const ApiToken = z.object({
  id: Uuid,
  name: z.string(),
  prefix: z.string().describe('The first characters of the token, to recognise it'),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const ApiTokenList = listEnvelope(ApiToken);

export const CreateApiTokenRequest = z.object({
  name: z.string().trim().min(1).max(80),
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});
export type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequest>;

export const CreateApiTokenResponse = ApiToken.extend({
  token: z.string().describe('Shown once; store it now'),
});
export type CreateApiTokenResponse = z.infer<typeof CreateApiTokenResponse>;
