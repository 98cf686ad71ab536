import type { ComponentType } from 'react';
import {
  IconBooks,
  IconBriefcase,
  IconCalendarEvent,
  IconChartPie,
  IconFileImport,
  IconGavel,
  IconHeartHandshake,
  IconHandStop,
  IconHistory,
  IconHome,
  IconKey,
  IconMessages,
  IconSettings,
  IconSwords,
  IconTargetArrow,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { Action } from '@tandem/contracts';

export interface NavItem {
  label: string;
  /** Relative to /w/:slug */
  path: string;
  /** Other paths (relative to /w/:slug) that belong to this section, e.g. an account page to Deals. */
  also?: string[];
  action: Action;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** Pages of the section, listed under it while the section is open. */
  children?: NavSubItem[];
}

export interface NavSubItem {
  label: string;
  /** Relative to /w/:slug; active on this path and below it, unless `end`. */
  path: string;
  end?: boolean;
  action: Action;
}

/** Only sections that work today; each shows only to roles that may use it. */
export const NAV_ITEMS: NavItem[] = [
  { label: 'Home', path: '', action: 'workspace.read', icon: IconHome },
  {
    label: 'Goals',
    path: 'goals',
    also: ['scorecard', 'win-loss', 'metrics'],
    action: 'goals.read',
    icon: IconTargetArrow,
    children: [
      { label: 'All goals', path: 'goals', action: 'goals.read' },
      { label: 'Scorecard', path: 'scorecard', action: 'metrics.read' },
      { label: 'Win/loss', path: 'win-loss', action: 'metrics.read' },
    ],
  },
  { label: 'Deals', path: 'deals', also: ['accounts'], action: 'deals.read', icon: IconBriefcase },
  {
    label: 'Library',
    path: 'library',
    action: 'library.read',
    icon: IconBooks,
    children: [
      { label: 'All material', path: 'library', end: true, action: 'library.read' },
      { label: 'Report', path: 'library/report', action: 'library.write' },
    ],
  },
  { label: 'Competitors', path: 'competitors', action: 'competitors.read', icon: IconSwords },
  {
    label: 'Requests',
    path: 'requests',
    action: 'requests.read',
    icon: IconHandStop,
    children: [
      { label: 'Queue', path: 'requests', end: true, action: 'requests.read' },
      { label: 'Capacity', path: 'requests/capacity', action: 'requests.read' },
      { label: 'Settings', path: 'requests/settings', action: 'requests.settings' },
    ],
  },
  { label: 'Decisions', path: 'decisions', action: 'decisions.read', icon: IconGavel },
  { label: 'Meetings', path: 'meetings', action: 'meetings.read', icon: IconCalendarEvent },
  {
    label: 'Attribution',
    path: 'attribution',
    action: 'attribution.read',
    icon: IconChartPie,
    children: [
      { label: 'Models and ledger', path: 'attribution', end: true, action: 'attribution.read' },
      { label: 'Disputes', path: 'attribution/disputes', action: 'attribution.read' },
    ],
  },
  {
    label: 'Alignment',
    path: 'alignment',
    action: 'alignment.read',
    icon: IconHeartHandshake,
    children: [
      { label: 'Index', path: 'alignment', end: true, action: 'alignment.read' },
      { label: 'Pulse surveys', path: 'alignment/admin', action: 'alignment.manage' },
    ],
  },
  { label: 'Import', path: 'imports', action: 'deals.import', icon: IconFileImport },
  {
    label: 'Feedback',
    path: 'feedback',
    action: 'feedback.read',
    icon: IconMessages,
    children: [
      { label: 'Inbox', path: 'feedback', end: true, action: 'feedback.read' },
      { label: 'Themes', path: 'feedback/themes', action: 'feedback.read' },
      { label: 'Suggestions', path: 'feedback/suggestions', action: 'feedback.triage' },
      { label: 'My feedback', path: 'feedback/mine', action: 'feedback.read' },
      { label: 'Import feedback', path: 'feedback/import', action: 'feedback.import' },
    ],
  },
  { label: 'People', path: 'people', action: 'members.read', icon: IconUsers },
  { label: 'Teams', path: 'teams', action: 'teams.read', icon: IconUsersGroup },
  { label: 'API tokens', path: 'tokens', action: 'tokens.manage_own', icon: IconKey },
  { label: 'Settings', path: 'settings', action: 'workspace.update', icon: IconSettings },
  { label: 'Audit log', path: 'audit', action: 'audit.read', icon: IconHistory },
];
