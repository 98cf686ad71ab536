import type { ComponentType } from 'react';
import { IconBriefcase, IconFileImport, IconHistory, IconHome, IconKey, IconSettings, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import type { Action } from '@tandem/contracts';

export interface NavItem {
  label: string;
  /** Relative to /w/:slug */
  path: string;
  /** Other paths (relative to /w/:slug) that belong to this section, e.g. an account page to Deals. */
  also?: string[];
  action: Action;
  icon: ComponentType<{ size?: number; stroke?: number }>;
}

/** Only sections that work today; each shows only to roles that may use it. */
export const NAV_ITEMS: NavItem[] = [
  { label: 'Home', path: '', action: 'workspace.read', icon: IconHome },
  { label: 'Deals', path: 'deals', also: ['accounts'], action: 'deals.read', icon: IconBriefcase },
  { label: 'Import', path: 'imports', action: 'deals.import', icon: IconFileImport },
  { label: 'People', path: 'people', action: 'members.read', icon: IconUsers },
  { label: 'Teams', path: 'teams', action: 'teams.read', icon: IconUsersGroup },
  { label: 'API tokens', path: 'tokens', action: 'tokens.manage_own', icon: IconKey },
  { label: 'Settings', path: 'settings', action: 'workspace.update', icon: IconSettings },
  { label: 'Audit log', path: 'audit', action: 'audit.read', icon: IconHistory },
];
