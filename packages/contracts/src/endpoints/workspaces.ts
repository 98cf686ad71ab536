import { Ok, listEnvelope } from '../common.ts';
import { WorkspaceParam, endpoint, workspaceAnd } from '../endpoint.ts';
import { AcceptInvitationRequest, ApiTokenList, ChangeEmailRequest, ChangeEmailResponse, ChangePasswordRequest, ConfirmEmailChangeResponse, CompletePasswordResetRequest, CreateApiTokenRequest, CreateApiTokenResponse, CreateInvitationRequest, CreateInvitationResponse, CreateTeamRequest, CreateWorkspaceRequest, InvitationList, InvitationPreview, LinkResponse, LinkTokenParam, LoginRequest, Member, MemberList, MemberListQuery, Membership, PasswordResetPreview, SessionResponse, SetupRequest, SetupStatusResponse, Team, TeamList, UpdateMemberRequest, UpdateProfileRequest, UpdateTeamRequest, UpdateWorkspaceRequest, User, Workspace } from '../workspaces.ts';

/**
 * The workspaces module's rows of the endpoint table (see ../endpoint.ts). Imported as a namespace —
 * `import * as workspacesEndpoints from '@tandem/contracts/endpoints/workspaces'` — so a web chunk keeps only the rows it calls.
 */

const AUTH = 'auth';
const WORKSPACES = 'workspaces';
const MEMBERS = 'members';
const TEAMS = 'teams';
const TOKENS = 'api tokens';

// Sign-in, first-run setup and your own profile (no workspace in the path).
export const setupStatus = endpoint({
  method: 'GET',
  path: '/setup',
  summary: 'Whether first-run setup is needed',
  tag: AUTH,
  access: 'public',
  response: SetupStatusResponse,
});

export const setup = endpoint({
  method: 'POST',
  path: '/setup',
  summary: 'Create the first admin and workspace (first run only)',
  tag: AUTH,
  access: 'public',
  body: SetupRequest,
  status: 201,
  response: SessionResponse,
});

export const login = endpoint({
  method: 'POST',
  path: '/auth/login',
  summary: 'Sign in with email and password',
  tag: AUTH,
  access: 'public',
  body: LoginRequest,
  response: SessionResponse,
});

export const session = endpoint({
  method: 'GET',
  path: '/auth/session',
  summary: 'The signed-in user, their workspaces and CSRF token',
  tag: AUTH,
  access: 'user',
  response: SessionResponse,
});

export const logout = endpoint({
  method: 'POST',
  path: '/auth/logout',
  summary: 'Sign out',
  tag: AUTH,
  access: 'user',
  response: Ok,
});

export const updateProfile = endpoint({
  method: 'PATCH',
  path: '/me',
  summary: 'Update your profile',
  tag: AUTH,
  access: 'user',
  body: UpdateProfileRequest,
  response: User,
});

export const changePassword = endpoint({
  method: 'POST',
  path: '/me/password',
  summary: 'Change your password (ends your other sessions)',
  tag: AUTH,
  access: 'user',
  body: ChangePasswordRequest,
  response: Ok,
});

export const changeEmail = endpoint({
  method: 'POST',
  path: '/me/email',
  summary: 'Ask to change your sign-in email: needs your password; a link goes to the new address, and the old one is told',
  tag: AUTH,
  access: 'user',
  sessionOnly: true,
  body: ChangeEmailRequest,
  status: 202,
  response: ChangeEmailResponse,
});

export const confirmEmailChange = endpoint({
  method: 'POST',
  path: '/email-changes/:token',
  summary: 'Confirm a change of sign-in email with the link sent to the new address',
  tag: AUTH,
  access: 'public',
  params: LinkTokenParam,
  response: ConfirmEmailChangeResponse,
});


// Invitation and password-reset links: opened by people who are not signed in yet.
export const invitationPreview = endpoint({
  method: 'GET',
  path: '/invitations/:token',
  summary: 'What an invitation link is for',
  tag: AUTH,
  access: 'public',
  params: LinkTokenParam,
  response: InvitationPreview,
});

export const acceptInvitation = endpoint({
  method: 'POST',
  path: '/invitations/:token/accept',
  summary: 'Accept an invitation and sign in',
  tag: AUTH,
  access: 'public',
  params: LinkTokenParam,
  body: AcceptInvitationRequest,
  response: SessionResponse,
});

export const passwordResetPreview = endpoint({
  method: 'GET',
  path: '/password-resets/:token',
  summary: 'Whose password a reset link is for',
  tag: AUTH,
  access: 'public',
  params: LinkTokenParam,
  response: PasswordResetPreview,
});

export const completePasswordReset = endpoint({
  method: 'POST',
  path: '/password-resets/:token',
  summary: 'Set a new password with a reset link and sign in',
  tag: AUTH,
  access: 'public',
  params: LinkTokenParam,
  body: CompletePasswordResetRequest,
  response: SessionResponse,
});


// Workspaces and their settings.
export const listWorkspaces = endpoint({
  method: 'GET',
  path: '/workspaces',
  summary: 'Workspaces you belong to',
  tag: WORKSPACES,
  access: 'user',
  response: listEnvelope(Membership),
});

export const createWorkspace = endpoint({
  method: 'POST',
  path: '/workspaces',
  summary: 'Create a workspace; you become its admin (admins of any workspace only)',
  tag: WORKSPACES,
  access: 'user',
  body: CreateWorkspaceRequest,
  status: 201,
  response: Workspace,
});

export const getWorkspace = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace',
  summary: 'Workspace settings',
  tag: WORKSPACES,
  access: { action: 'workspace.read' },
  params: WorkspaceParam,
  response: Workspace,
});

export const updateWorkspace = endpoint({
  method: 'PATCH',
  path: '/workspaces/:workspace',
  summary: 'Change name, base currency or fiscal year start',
  tag: WORKSPACES,
  access: { action: 'workspace.update' },
  params: WorkspaceParam,
  body: UpdateWorkspaceRequest,
  response: Workspace,
});


// Members and invitations.
export const listMembers = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/members',
  summary: 'People in the workspace',
  tag: MEMBERS,
  access: { action: 'members.read' },
  params: WorkspaceParam,
  query: MemberListQuery,
  response: MemberList,
});

export const updateMember = endpoint({
  method: 'PATCH',
  path: '/workspaces/:workspace/members/:userId',
  summary: 'Change a role, deactivate or reactivate',
  tag: MEMBERS,
  access: { action: 'members.manage' },
  params: workspaceAnd('userId'),
  body: UpdateMemberRequest,
  response: Member,
});

export const issuePasswordReset = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/members/:userId/password-reset',
  summary: 'Issue a one-time password-reset link for a member',
  tag: MEMBERS,
  access: { action: 'members.manage' },
  params: workspaceAnd('userId'),
  status: 201,
  response: LinkResponse,
});

export const listInvitations = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/invitations',
  summary: 'Pending invitations',
  tag: MEMBERS,
  access: { action: 'members.manage' },
  params: WorkspaceParam,
  response: InvitationList,
});

export const createInvitation = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/invitations',
  summary: 'Invite someone by email with a role',
  tag: MEMBERS,
  access: { action: 'members.manage' },
  params: WorkspaceParam,
  body: CreateInvitationRequest,
  status: 201,
  response: CreateInvitationResponse,
});

export const revokeInvitation = endpoint({
  method: 'DELETE',
  path: '/workspaces/:workspace/invitations/:id',
  summary: 'Revoke a pending invitation',
  tag: MEMBERS,
  access: { action: 'members.manage' },
  params: workspaceAnd('id'),
  status: 204,
});


// Teams.
export const listTeams = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/teams',
  summary: 'Teams with their lead and members',
  tag: TEAMS,
  access: { action: 'teams.read' },
  params: WorkspaceParam,
  response: TeamList,
});

export const createTeam = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/teams',
  summary: 'Create a team',
  tag: TEAMS,
  access: { action: 'teams.manage' },
  params: WorkspaceParam,
  body: CreateTeamRequest,
  status: 201,
  response: Team,
});

export const updateTeam = endpoint({
  method: 'PATCH',
  path: '/workspaces/:workspace/teams/:teamId',
  summary: 'Rename a team, change its lead or members',
  tag: TEAMS,
  access: { action: 'teams.manage' },
  params: workspaceAnd('teamId'),
  body: UpdateTeamRequest,
  response: Team,
});

export const deleteTeam = endpoint({
  method: 'DELETE',
  path: '/workspaces/:workspace/teams/:teamId',
  summary: 'Delete a team',
  tag: TEAMS,
  access: { action: 'teams.manage' },
  params: workspaceAnd('teamId'),
  status: 204,
});


// Your own API tokens: managed with a session only, so a token cannot mint longer-lived ones.
export const listTokens = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/tokens',
  summary: 'Your API tokens',
  tag: TOKENS,
  access: { action: 'tokens.manage_own' },
  sessionOnly: true,
  params: WorkspaceParam,
  response: ApiTokenList,
});

export const createToken = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/tokens',
  summary: 'Create an API token (the secret is in this response only)',
  tag: TOKENS,
  access: { action: 'tokens.manage_own' },
  sessionOnly: true,
  params: WorkspaceParam,
  body: CreateApiTokenRequest,
  status: 201,
  response: CreateApiTokenResponse,
});

export const revokeToken = endpoint({
  method: 'DELETE',
  path: '/workspaces/:workspace/tokens/:tokenId',
  summary: 'Revoke one of your API tokens',
  tag: TOKENS,
  access: { action: 'tokens.manage_own' },
  sessionOnly: true,
  params: workspaceAnd('tokenId'),
  status: 204,
});
