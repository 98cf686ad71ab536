/**
 * People in the web app: the members page (roles, deactivation, invitations, reset links)
 * and what other pages read through it: member pickers and counts, role descriptions.
 */
export { peopleKeys } from './hooks/people.keys.ts';
export { useActiveMemberCounts, useAllMembers, useInvitations, useMemberCount } from './hooks/use-members.ts';
export { ROLE_DESCRIPTIONS, ROLE_OPTIONS } from './components/role-descriptions.ts';
