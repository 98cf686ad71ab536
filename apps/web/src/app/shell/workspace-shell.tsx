import { Suspense, useEffect, useMemo } from 'react';
import { Link, NavLink as RouterNavLink, Outlet, useLocation, useParams } from 'react-router-dom';
import { AppShell, Badge, Box, Burger, Group, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ROLE_LABELS } from '@tandem/contracts/roles';
import { Brand, Logo } from '../components/brand.tsx';
import { PageSkeleton } from '../components/page-skeleton.tsx';
import { HeaderLogFeedbackButton, QuickLogProvider } from '../../modules/feedback/index.ts';
import { NotificationBell } from '../../modules/notifications/index.ts';
import { HeaderNewRequestButton, RequestFormProvider } from '../../modules/requests/index.ts';
import { rememberWorkspace } from '../landing.ts';
import { useRequiredSession } from '../session.tsx';
import { WorkspaceContext, workspaceContextValue } from '../workspace-context.tsx';
import { NAV_ITEMS, type NavItem } from './nav-items.ts';
import { RouteErrorBoundary } from './route-error-boundary.tsx';
import { UserMenu } from './user-menu.tsx';
import { WorkspaceNotFound } from './workspace-not-found.tsx';
import { WorkspaceSwitcher } from './workspace-switcher.tsx';

export function WorkspaceShell() {
  const { slug = '' } = useParams();
  const session = useRequiredSession();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const membership = session.memberships.find((m) => m.slug === slug);
  const ctx = useMemo(() => (membership ? workspaceContextValue(membership) : null), [membership]);

  useEffect(() => {
    if (membership) rememberWorkspace(membership.slug);
  }, [membership]);

  // On phones the navbar covers the page: close it once a section is chosen.
  useEffect(() => close(), [location.pathname, close]);

  // The toasts' container is not asked for here: it comes once the page is idle (ToastsHost), after the page is
  // drawn. A toast shown before (some pages call @mantine/notifications directly) waits in its store until then.

  if (!membership || !ctx) return <WorkspaceNotFound slug={slug} />;

  const base = `/w/${membership.slug}`;
  return (
    <WorkspaceContext.Provider value={ctx}>
      <QuickLogProvider>
        <RequestFormProvider>
          <AppShell
            header={{ height: 56 }}
            navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }}
            padding={{ base: 'sm', sm: 'lg' }}
          >
            <AppShell.Header>
              <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
                <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
                  <Burger
                    opened={opened}
                    onClick={toggle}
                    hiddenFrom="sm"
                    size="sm"
                    aria-label={opened ? 'Close navigation' : 'Open navigation'}
                  />
                  <UnstyledButton component={Link} to={base} aria-label="Tandem home" mr={4} style={{ flexShrink: 0 }}>
                    {/* On a phone the mark alone, so the workspace name has the room. */}
                    <Box hiddenFrom="sm" display="flex">
                      <Logo />
                    </Box>
                    <Box visibleFrom="sm">
                      <Brand size="md" />
                    </Box>
                  </UnstyledButton>
                  <WorkspaceSwitcher current={membership} />
                </Group>
                <Group gap="xs" wrap="nowrap">
                  <HeaderNewRequestButton />
                  <HeaderLogFeedbackButton />
                  {ctx.can('notifications.own') && <NotificationBell slug={membership.slug} />}
                  <UserMenu slug={membership.slug} />
                </Group>
              </Group>
            </AppShell.Header>

            <AppShell.Navbar p="sm" aria-label="Main navigation">
              <AppShell.Section grow>
                <Stack gap={2}>
                  {NAV_ITEMS.filter((item) => ctx.can(item.action)).map((item) => (
                    <NavSection key={item.label} item={item} base={base} pathname={location.pathname} can={ctx.can} />
                  ))}
                </Stack>
              </AppShell.Section>
              <AppShell.Section>
                <Stack gap={4} p="xs">
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {membership.name}
                  </Text>
                  <Badge variant="light" size="sm" w="fit-content">
                    {ROLE_LABELS[membership.role]}
                  </Badge>
                </Stack>
              </AppShell.Section>
            </AppShell.Navbar>

            <AppShell.Main bg="var(--mantine-color-gray-0)">
              <RouteErrorBoundary resetKey={location.pathname}>
                <Suspense fallback={<PageSkeleton />}>
                  <div style={{ maxWidth: 1200, margin: '0 auto' }}>
                    <Outlet />
                  </div>
                </Suspense>
              </RouteErrorBoundary>
            </AppShell.Main>
          </AppShell>
        </RequestFormProvider>
      </QuickLogProvider>
    </WorkspaceContext.Provider>
  );
}

const navStyle = { borderRadius: 'var(--mantine-radius-sm)' };

/** A section of the navbar; one with pages lists them under it while it is open. */
function NavSection({ item, base, pathname, can }: { item: NavItem; base: string; pathname: string; can: (a: NavItem['action']) => boolean }) {
  const to = item.path ? `${base}/${item.path}` : base;
  const under = (p: string) => pathname === `${base}/${p}` || pathname.startsWith(`${base}/${p}/`);
  const active = item.path ? [item.path, ...(item.also ?? [])].some(under) : pathname === base || pathname === `${base}/`;
  const pages = active ? (item.children ?? []).filter((c) => can(c.action)) : [];
  return (
    <>
      <NavLink
        component={RouterNavLink}
        to={to}
        end={!item.path}
        label={item.label}
        leftSection={<item.icon size={18} stroke={1.6} />}
        active={active && pages.length === 0}
        fw={active && pages.length > 0 ? 600 : undefined}
        style={navStyle}
      />
      {pages.map((page) => {
        // The most specific page wins: /feedback/themes/x is Themes, not Inbox.
        const pageActive = page.end ? pathname === `${base}/${page.path}` || pathname === `${base}/${page.path}/` : under(page.path);
        return (
          <NavLink
            key={page.path}
            component={RouterNavLink}
            to={`${base}/${page.path}`}
            end={page.end}
            label={page.label}
            active={pageActive}
            pl={42}
            py={6}
            style={navStyle}
          />
        );
      })}
    </>
  );
}
