/**
 * Workspaces in the web app: Home and the welcome page (loaded on demand by the router),
 * creating a workspace, and what other pages read through it: the workspace's settings
 * (base currency, fiscal year) and the currency and fiscal-month inputs.
 */
export { workspacesKeys } from './hooks/workspaces.keys.ts';
export { useWorkspaceDetails } from './hooks/use-workspace-details.ts';
export { useUpdateWorkspace } from './hooks/use-workspace-actions.ts';
export { CurrencyInput } from './components/currency-input.tsx';
export { FiscalMonthSelect } from './components/month-select.tsx';
// The role homes (goals module) open an admin's home with the setup checklist.
export { AdminChecklist } from './components/admin-checklist.tsx';
