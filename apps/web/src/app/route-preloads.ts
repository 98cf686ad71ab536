/**
 * What the server's HTML names for a page opened by URL, so a new tab asks for it with the first chunk instead of
 * after it has run (about half a second later: the route's loader is the first to ask). The build
 * (`vite.config.ts`, `routePreloads`) turns `modules` into the chunks and stylesheets they load and writes
 * `dist/preloads.json`; the server adds `<link rel="modulepreload">` for those chunks, `<link rel="preload">` for the
 * stylesheets (applied by the app as before, in its own order) and for `api`, the page's first API answer, with the
 * path's `:name` parameters filled from the pattern's named groups. Plain data: the build reads this file.
 */
export interface RoutePreload {
  /** Matched against the page's path. */
  pattern: string;
  /** Source files, as the router imports them (relative to apps/web). */
  modules: string[];
  /** API paths the page asks for first, as in the endpoint table with `/api/v1` before them (route-preloads.test.ts). */
  api?: string[];
}

export const ROUTE_PRELOADS: RoutePreload[] = [
  // Every workspace page opened by URL runs the shell and needs all of Mantine's styles (the router's loader for /w/:slug).
  { pattern: '^/w/[^/]+(?:/|$)', modules: ['src/app/shell/workspace-shell.tsx', 'src/app/styles-all.ts'] },
  // The page a rep opens from a link before a competitive call (issue 14): its code, its chart's and its data.
  {
    pattern: '^/w/(?<workspace>[^/]+)/competitors/(?<competitorId>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/?$',
    modules: ['src/modules/library/components/competitors/competitor-page.tsx', 'src/modules/library/components/competitors/win-rate-chart.tsx'],
    api: ['/api/v1/workspaces/:workspace/competitors/:competitorId'],
  },
];
