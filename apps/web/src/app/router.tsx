import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Link, Outlet, useParams } from 'react-router-dom';
import { Button } from '@mantine/core';
import { PageHeader } from './components/page-header.tsx';
import { FullPageLoader } from './components/full-page-loader.tsx';
import { queryClient } from './query-client.ts';
import { prefetchCompetitor } from '../modules/library/hooks/prefetch-competitor.ts';
import { NotFoundPage } from './components/not-found-page.tsx';
import { RequirePermission, RequireSession, RootRedirect } from './guards.tsx';
// The pages a signed-out visitor lands on are part of the first load (styles-first.css covers them), not lazy:
// loading them after the entry chunk and the session's answer cost a round trip more on a slow network.
import { LoginPage } from '../modules/auth/components/login-page.tsx';
import { SetupPage } from '../modules/auth/components/setup-page.tsx';

/**
 * Route-level code splitting: each page loads its own chunk on first visit, together with all of Mantine's styles
 * (the first load has only what the sign-in and setup pages draw: styles-first.css). `preload()` starts both; a
 * route's loader that waits for it has the page drawn directly in the router's first render, not behind its Suspense
 * boundary: behind it, every lazy level of a new tab (the shell, then the page) suspended once even with its code
 * loaded, and React rendered the tree again from the boundary each time.
 */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () => {
    // Styles asked for first, so Mantine's stylesheet comes before the page's own in the document.
    const styles = import('./styles-all.ts');
    return (loading ??= Promise.all([load(), styles]).then(
      ([m]) => (loaded = m[name] as ComponentType),
      (error: unknown) => {
        loading = undefined; // the next visit asks again
        throw error;
      },
    ));
  };
  const Lazy = lazy(async () => ({ default: await preload() }));
  function Page() {
    // Chosen once per mount, so a page never changes its component under its state.
    const [Loaded] = useState(() => loaded);
    return Loaded ? <Loaded /> : <Lazy />;
  }
  return Object.assign(Page, { preload });
}

/** For loaders: waits for a page's code, never failing (a failure shows in the page's error boundary, as before). */
const codeOf = (...pages: { preload: () => Promise<unknown> }[]) => Promise.all(pages.map((p) => p.preload().catch(() => undefined))).then(() => null);

// The shell (navigation, bell, menus) is its own chunk too: the sign-in page, the first load, does not wait for it.
const WorkspaceShell = page(() => import('./shell/workspace-shell.tsx'), 'WorkspaceShell');
const InvitePage = page(() => import('../modules/auth/components/invite-page.tsx'), 'InvitePage');
const ResetPage = page(() => import('../modules/auth/components/reset-page.tsx'), 'ResetPage');
const ConfirmEmailPage = page(() => import('../modules/auth/components/confirm-email-page.tsx'), 'ConfirmEmailPage');
const WelcomePage = page(() => import('../modules/workspaces/components/welcome-page.tsx'), 'WelcomePage');
const HomePage = page(() => import('../modules/goals/components/home/role-home-page.tsx'), 'RoleHomePage');
const ScorecardPage = page(() => import('../modules/goals/components/scorecard/scorecard-page.tsx'), 'ScorecardPage');
const GoalsPage = page(() => import('../modules/goals/components/goals/goals-page.tsx'), 'GoalsPage');
const AttributionPage = page(() => import('../modules/attribution/components/attribution-page.tsx'), 'AttributionPage');
const DealCreditPage = page(() => import('../modules/attribution/components/deal-credit-page.tsx'), 'DealCreditPage');
const DisputesPage = page(() => import('../modules/attribution/components/disputes-page.tsx'), 'DisputesPage');
const TouchpointImportPage = page(() => import('../modules/attribution/components/touchpoint-import-page.tsx'), 'TouchpointImportPage');
const GoalPage = page(() => import('../modules/goals/components/goals/goal-page.tsx'), 'GoalPage');
const GoalEditorPage = page(() => import('../modules/goals/components/editor/goal-editor-page.tsx'), 'GoalEditorPage');
const GoalEditPage = page(() => import('../modules/goals/components/editor/goal-edit-page.tsx'), 'GoalEditPage');
const WinLossPage = page(() => import('../modules/goals/components/win-loss/win-loss-page.tsx'), 'WinLossPage');
const MetricRecordsPage = page(() => import('../modules/goals/components/records/records-page.tsx'), 'RecordsPage');
const PeoplePage = page(() => import('../modules/people/components/people-page.tsx'), 'PeoplePage');
const TeamsPage = page(() => import('../modules/teams/components/teams-page.tsx'), 'TeamsPage');
const TokensPage = page(() => import('../modules/tokens/components/tokens-page.tsx'), 'TokensPage');
const SettingsPage = page(() => import('../modules/settings/components/settings-page.tsx'), 'SettingsPage');
const AuditPage = page(() => import('../modules/audit/components/audit-page.tsx'), 'AuditPage');
const DealsPage = page(() => import('../modules/deals/components/deals-page.tsx'), 'DealsPage');
const DealPage = page(() => import('../modules/deals/components/deal-page.tsx'), 'DealPage');
const AccountPage = page(() => import('../modules/deals/components/account-page.tsx'), 'AccountPage');
const DealSettingsPage = page(() => import('../modules/deals/components/deal-settings-page.tsx'), 'DealSettingsPage');
const ImportsPage = page(() => import('../modules/imports/components/imports-page.tsx'), 'ImportsPage');
const ImportPage = page(() => import('../modules/imports/components/import-page.tsx'), 'ImportPage');
const ProfilePage = page(() => import('../modules/profile/components/profile-page.tsx'), 'ProfilePage');
const InboxPage = page(() => import('../modules/notifications/components/inbox/inbox-page.tsx'), 'InboxPage');
const PreferencesPage = page(() => import('../modules/notifications/components/preferences/preferences-page.tsx'), 'PreferencesPage');
const FeedbackInboxPage = page(() => import('../modules/feedback/components/inbox/feedback-inbox-page.tsx'), 'FeedbackInboxPage');
const MyFeedbackPage = page(() => import('../modules/feedback/components/mine/my-feedback-page.tsx'), 'MyFeedbackPage');
const FeedbackImportPage = page(() => import('../modules/feedback/components/import/feedback-import-page.tsx'), 'FeedbackImportPage');
const ThemeBoardPage = page(() => import('../modules/feedback/components/themes/theme-board-page.tsx'), 'ThemeBoardPage');
const ThemePage = page(() => import('../modules/feedback/components/themes/theme-page.tsx'), 'ThemePage');
const SuggestionsPage = page(() => import('../modules/feedback/components/suggestions/suggestions-page.tsx'), 'SuggestionsPage');
const LibraryPage = page(() => import('../modules/library/components/library/library-page.tsx'), 'LibraryPage');
const AssetPage = page(() => import('../modules/library/components/asset/asset-page.tsx'), 'AssetPage');
const AssetEditorPage = page(() => import('../modules/library/components/editor/asset-editor-page.tsx'), 'AssetEditorPage');
const LibrarySettingsPage = page(() => import('../modules/library/components/settings/library-settings-page.tsx'), 'LibrarySettingsPage');
const LibraryReportPage = page(() => import('../modules/library/components/report/library-report-page.tsx'), 'LibraryReportPage');
const CompetitorsPage = page(() => import('../modules/library/components/competitors/competitors-page.tsx'), 'CompetitorsPage');
const CompetitorPage = page(() => import('../modules/library/components/competitors/competitor-page.tsx'), 'CompetitorPage');
const competitorChart = { preload: () => import('../modules/library/components/competitors/competitor-page.tsx').then((m) => m.chartReady) };
const RequestQueuePage = page(() => import('../modules/requests/components/queue/queue-page.tsx'), 'QueuePage');
const RequestPage = page(() => import('../modules/requests/components/request/request-page.tsx'), 'RequestPage');
const RequestCapacityPage = page(() => import('../modules/requests/components/capacity/capacity-page.tsx'), 'CapacityPage');
const RequestSettingsPage = page(() => import('../modules/requests/components/settings/request-settings-page.tsx'), 'RequestSettingsPage');
const DecisionLogPage = page(() => import('../modules/decisions/components/log/decision-log-page.tsx'), 'DecisionLogPage');
const DecisionPage = page(() => import('../modules/decisions/components/decision/decision-page.tsx'), 'DecisionPage');
const NewDecisionPage = page(() => import('../modules/decisions/components/form/new-decision-page.tsx'), 'NewDecisionPage');
const AlignmentPage = page(() => import('../modules/alignment/components/alignment-page.tsx'), 'AlignmentPage');
const PulsePage = page(() => import('../modules/alignment/components/pulse-page.tsx'), 'PulsePage');
const PulseResultsPage = page(() => import('../modules/alignment/components/pulse-results-page.tsx'), 'PulseResultsPage');
const PulseAdminPage = page(() => import('../modules/alignment/components/pulse-admin-page.tsx'), 'PulseAdminPage');
const MeetingsPage = page(() => import('../modules/meetings/components/list/meetings-page.tsx'), 'MeetingsPage');
const NewMeetingSeriesPage = page(() => import('../modules/meetings/components/form/new-series-page.tsx'), 'NewMeetingSeriesPage');
const MeetingSeriesPage = page(() => import('../modules/meetings/components/series/series-page.tsx'), 'MeetingSeriesPage');
const OccurrencePage = page(() => import('../modules/meetings/components/occurrence/occurrence-page.tsx'), 'OccurrencePage');
const NotificationsAdminPage = page(
  () => import('../modules/notifications/components/admin/notifications-admin-page.tsx'),
  'NotificationsAdminPage',
);

function Public({ children }: { children: ReactNode }) {
  return <Suspense fallback={<FullPageLoader />}>{children}</Suspense>;
}

export const router = createBrowserRouter([
  { path: '/', element: <RootRedirect /> },
  { path: '/login', element: <Public><LoginPage /></Public> },
  { path: '/setup', element: <Public><SetupPage /></Public> },
  { path: '/invite/:token', element: <Public><InvitePage /></Public> },
  { path: '/reset/:token', element: <Public><ResetPage /></Public> },
  { path: '/confirm-email/:token', element: <Public><ConfirmEmailPage /></Public> },
  {
    element: (
      <RequireSession>
        <Outlet />
      </RequireSession>
    ),
    children: [
      { path: '/welcome', element: <Public><WelcomePage /></Public> },
      {
        path: '/w/:slug',
        // A workspace page opened by URL: the shell's chunk and Mantine's styles load with the route, beside the
        // page's own (its loader), not once the session has answered and the shell first renders; the shell is drawn
        // once they are here.
        loader: () => codeOf(WorkspaceShell),
        element: (
          <Public>
            <WorkspaceShell />
          </Public>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: 'scorecard', element: <ScorecardPage /> },
          { path: 'goals', element: <GoalsPage /> },
          {
            path: 'goals/new',
            element: (
              <RequirePermission action="goals.write" title="New goal">
                <GoalEditorPage />
              </RequirePermission>
            ),
          },
          { path: 'goals/:goalId', element: <GoalPage /> },
          { path: 'goals/:goalId/edit', element: <GoalEditPage /> },
          { path: 'win-loss', element: <WinLossPage /> },
          { path: 'metrics/:metric/records', element: <MetricRecordsPage /> },
          { path: 'people', element: <PeoplePage /> },
          { path: 'teams', element: <TeamsPage /> },
          { path: 'tokens', element: <TokensPage /> },
          { path: 'deals', element: <DealsPage /> },
          { path: 'deals/:dealId', element: <DealPage /> },
          { path: 'accounts/:accountId', element: <AccountPage /> },
          { path: 'feedback', element: <FeedbackInboxPage /> },
          { path: 'feedback/mine', element: <MyFeedbackPage /> },
          { path: 'feedback/themes', element: <ThemeBoardPage /> },
          { path: 'feedback/themes/:themeId', element: <ThemePage /> },
          { path: 'requests', element: <RequestQueuePage /> },
          { path: 'requests/capacity', element: <RequestCapacityPage /> },
          { path: 'requests/settings', element: <RequestSettingsPage /> },
          { path: 'requests/:requestId', element: <RequestPage /> },
          { path: 'decisions', element: <DecisionLogPage /> },
          {
            path: 'decisions/new',
            element: (
              <RequirePermission action="decisions.write" title="New decision">
                <NewDecisionPage />
              </RequirePermission>
            ),
          },
          { path: 'decisions/:decisionId', element: <DecisionPage /> },
          { path: 'alignment', element: <AlignmentPage /> },
          {
            path: 'alignment/admin',
            element: (
              <RequirePermission action="alignment.manage" title="Pulse surveys">
                <PulseAdminPage />
              </RequirePermission>
            ),
          },
          { path: 'alignment/pulses/:pulseId', element: <PulsePage /> },
          { path: 'alignment/pulses/:pulseId/results', element: <PulseResultsPage /> },
          { path: 'meetings', element: <MeetingsPage /> },
          {
            path: 'meetings/new',
            element: (
              <RequirePermission action="meetings.write" title="New sync series">
                <NewMeetingSeriesPage />
              </RequirePermission>
            ),
          },
          { path: 'meetings/:seriesId', element: <MeetingSeriesPage /> },
          { path: 'meetings/:seriesId/:number', element: <OccurrencePage /> },
          { path: 'attribution', element: <AttributionPage /> },
          { path: 'attribution/disputes', element: <DisputesPage /> },
          { path: 'attribution/import', element: <TouchpointImportPage /> },
          { path: 'attribution/deals/:dealId', element: <DealCreditPage /> },
          { path: 'library', element: <LibraryPage /> },
          {
            path: 'library/new',
            element: (
              <RequirePermission action="library.write" title="New asset">
                <AssetEditorPage />
              </RequirePermission>
            ),
          },
          {
            path: 'library/report',
            element: (
              <RequirePermission action="library.write" title="Library report">
                <LibraryReportPage />
              </RequirePermission>
            ),
          },
          {
            path: 'library/settings',
            element: (
              <RequirePermission action="library.settings" title="Library settings">
                <LibrarySettingsPage />
              </RequirePermission>
            ),
          },
          { path: 'library/:assetId', element: <AssetPage /> },
          {
            path: 'library/:assetId/edit',
            element: (
              <RequirePermission action="library.write" title="Edit asset">
                <AssetEditorPage />
              </RequirePermission>
            ),
          },
          { path: 'competitors', element: <CompetitorsPage /> },
          {
            path: 'competitors/:competitorId',
            element: <CompetitorPage />,
            // A rep opens this page from a link before a competitive call: its data, its code and its chart's code
            // start loading at once, before the shell's chunks, instead of one after the other.
            loader: ({ params }) => {
              prefetchCompetitor(queryClient, params.slug, params.competitorId);
              void import('../modules/library/components/competitors/win-rate-chart.tsx');
              // The page and its chart drawn in one render: with their code in the cache, the wait is a few ms.
              return codeOf(CompetitorPage, competitorChart);
            },
          },
          {
            path: 'feedback/suggestions',
            element: (
              <RequirePermission action="feedback.triage" title="Suggested themes">
                <SuggestionsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'feedback/import',
            element: (
              <RequirePermission action="feedback.import" title="Import feedback">
                <FeedbackImportPage />
              </RequirePermission>
            ),
          },
          {
            path: 'imports',
            element: (
              <RequirePermission action="deals.import" title="Import">
                <ImportsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'imports/:importId',
            element: (
              <RequirePermission action="deals.import" title="Import">
                <ImportPage />
              </RequirePermission>
            ),
          },
          {
            path: 'settings/deals',
            element: (
              <RequirePermission action="deals.settings" title="Stages and exchange rates">
                <DealSettingsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'settings/notifications',
            element: (
              <RequirePermission action="notifications.manage" title="Notifications and webhooks">
                <NotificationsAdminPage />
              </RequirePermission>
            ),
          },
          {
            path: 'settings',
            element: (
              <RequirePermission action="workspace.update" title="Settings">
                <SettingsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequirePermission action="audit.read" title="Audit log">
                <AuditPage />
              </RequirePermission>
            ),
          },
          { path: 'profile', element: <ProfilePage /> },
          { path: 'profile/notifications', element: <PreferencesPage /> },
          { path: 'notifications', element: <InboxPage /> },
          { path: '*', element: <NotFoundInShell /> },
        ],
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);

function NotFoundInShell() {
  const { slug = '' } = useParams();
  return (
    <>
      <PageHeader title="Page not found" description="There is nothing at this address in this workspace." />
      <Button component={Link} to={`/w/${slug}`}>
        Back to Home
      </Button>
    </>
  );
}
