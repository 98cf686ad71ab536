/**
 * Teams in the web app: the teams page (create, edit, delete) and the list other pages
 * show (Home's overview).
 */
export { teamsKeys } from './hooks/teams.keys.ts';
export { useTeams } from './hooks/use-teams.ts';
