import fs from 'node:fs';
import path from 'node:path';

/**
 * The app's index.html for a page opened by URL, naming what that page will ask for: the build's `preloads.json`
 * (apps/web/src/app/route-preloads.ts) lists, per route pattern, its chunks, stylesheets and first API answers.
 * Without them a new tab asks for the workspace shell's and the page's chunks, and the page's data, only once the
 * first chunk has run (about half a second on the demo machine); with them, beside the first chunk.
 * Only for a visitor with a session cookie: a signed-out one is sent to the sign-in page, which needs none of it.
 */

interface PreloadRoute {
  pattern: RegExp;
  js: string[];
  css: string[];
  api: string[];
}

interface Loaded {
  stamp: string;
  html: string;
  routes: PreloadRoute[];
}

/** Fills an API path's `:name` parameters from the pattern's groups, as the web app's client encodes them. */
function fillApiPath(template: string, groups: Record<string, string>): string | null {
  let missing = false;
  const filled = template.replace(/:(\w+)/g, (_, name: string) => {
    const raw = groups[name];
    if (raw === undefined) {
      missing = true;
      return '';
    }
    try {
      return encodeURIComponent(decodeURIComponent(raw));
    } catch {
      missing = true; // a malformed escape: the app will not ask for it either
      return '';
    }
  });
  return missing ? null : filled;
}

/**
 * `html(pathname)`: index.html with the preloads of every route the path matches, or null when nothing matches (or
 * the build wrote no preloads.json): send the file as it is. Files are read again when they change (a rebuilt app
 * is served without a restart).
 */
export function webPreloads(dist: string) {
  const indexFile = path.join(dist, 'index.html');
  const preloadsFile = path.join(dist, 'preloads.json');
  let loaded: Loaded | null = null;

  const load = (): Loaded | null => {
    let stamp: string;
    try {
      stamp = `${fs.statSync(indexFile).mtimeMs}:${fs.statSync(preloadsFile).mtimeMs}`;
    } catch {
      return null;
    }
    if (loaded?.stamp !== stamp) {
      const parsed = JSON.parse(fs.readFileSync(preloadsFile, 'utf8')) as { routes: { pattern: string; js: string[]; css: string[]; api: string[] }[] };
      loaded = {
        stamp,
        html: fs.readFileSync(indexFile, 'utf8'),
        routes: parsed.routes.map((r) => ({ ...r, pattern: new RegExp(r.pattern) })),
      };
    }
    return loaded;
  };

  return {
    html(pathname: string): string | null {
      const current = load();
      if (!current) return null;
      const api = new Set<string>();
      const js = new Set<string>();
      const css = new Set<string>();
      for (const route of current.routes) {
        const m = route.pattern.exec(pathname);
        if (!m) continue;
        for (const template of route.api) {
          const url = fillApiPath(template, m.groups ?? {});
          if (url) api.add(url);
        }
        route.js.forEach((f) => js.add(f));
        route.css.forEach((f) => css.add(f));
      }
      if (api.size + js.size + css.size === 0) return null;
      // The data first (the server's answer takes longest), then the code, then the styles the app applies itself.
      const links = [
        ...[...api].map((href) => `<link rel="preload" href="${href}" as="fetch" crossorigin />`),
        ...[...js].map((href) => `<link rel="modulepreload" crossorigin href="${href}" />`),
        ...[...css].map((href) => `<link rel="preload" as="style" crossorigin href="${href}" />`),
      ];
      return current.html.replace('</head>', `    ${links.join('\n    ')}\n  </head>`);
    },
  };
}
