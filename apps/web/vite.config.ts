import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';
import { ROUTE_PRELOADS } from './src/app/route-preloads.ts';

/**
 * After the build, writes `file.br` and `file.gz` beside every text file worth compressing, at the
 * highest levels (done once here, not per request): the server sends them as the client accepts.
 */
function precompress(): Plugin {
  const compressible = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;
  return {
    name: 'tandem-precompress',
    apply: 'build',
    writeBundle(options) {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(options.dir ?? 'dist')) {
        if (!compressible.test(file)) continue;
        const raw = fs.readFileSync(file);
        if (raw.length < 512) continue;
        const br = brotliCompressSync(raw, {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        const gz = gzipSync(raw, { level: 9 });
        if (br.length < raw.length) fs.writeFileSync(`${file}.br`, br);
        if (gz.length < raw.length) fs.writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

/**
 * Writes `preloads.json`: for each of `ROUTE_PRELOADS` (src/app/route-preloads.ts), the chunks its modules load
 * beyond the first load's, their stylesheets and the API paths, which the server names in the HTML of a page opened
 * by URL (apps/server/src/http/web-preloads.ts).
 */
function routePreloads(): Plugin {
  let root = '';
  let base = '/';
  return {
    name: 'tandem-route-preloads',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const byModule = new Map(chunks.filter((c) => c.facadeModuleId).map((c) => [path.relative(root, c.facadeModuleId ?? ''), c]));
      // A chunk, then what it imports, depth first: the order the browser needs them in.
      const closure = (start: OutputChunk[], seen = new Set<string>()) => {
        const visit = (c: OutputChunk) => {
          if (seen.has(c.fileName)) return;
          seen.add(c.fileName);
          for (const f of c.imports) visit(byFile.get(f) as OutputChunk);
        };
        start.forEach(visit);
        return seen;
      };
      const initial = closure(chunks.filter((c) => c.isEntry));
      const routes = ROUTE_PRELOADS.map((r) => {
        const own = r.modules.map((m) => {
          const chunk = byModule.get(m);
          if (!chunk) throw new Error(`route-preloads: no chunk for ${m} (is it imported lazily by the router?)`);
          return chunk;
        });
        const js = [...closure(own)].filter((f) => !initial.has(f));
        const css = js.flatMap((f) => [...((byFile.get(f) as OutputChunk & { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? [])]);
        return { pattern: r.pattern, js: js.map((f) => base + f), css: css.map((f) => base + f), api: r.api ?? [] };
      });
      this.emitFile({ type: 'asset', fileName: 'preloads.json', source: JSON.stringify({ routes }, null, 1) });
    },
  };
}

/**
 * The libraries most workspace pages draw with (Mantine's components and hooks, floating-ui under its popovers,
 * the icons, the query and router helpers): one chunk (see `codeSplitting` below).
 */
const KIT = /node_modules[\\/](?:@mantine[\\/](?:core|hooks)|@floating-ui|@tabler[\\/]icons-react|@tanstack|react-router|react-remove-scroll|react-style-singleton|react-textarea-autosize|use-callback-ref|use-sidecar|tslib|aria-hidden|get-nonce|clsx|tabbable)[\\/]/;

// The API server; `npm run dev` runs both, TANDEM_API_URL points the dev proxy elsewhere.
const apiUrl = process.env.TANDEM_API_URL ?? 'http://localhost:3000';
const proxied = { target: apiUrl, changeOrigin: false };

export default defineConfig({
  plugins: [react(), routePreloads(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the first load runs (the entry with the sign-in and setup pages, all it imports) in one chunk:
          // over HTTP/1.1 (six connections) the twenty-odd small shared chunks it was split into cost round trips
          // on a slow network. A group takes its modules and all they import that a group before it did not take.
          groups: [
            { name: 'first', tags: ['$initial'], priority: 30 },
            // The toasts' container (fetched when the first page idles, the sign-in page too) with what it needs of
            // Mantine, taken before the shell: otherwise it would share the shell's chunk and fetch it on sign-in.
            { name: 'toasts', test: /[\\/]src[\\/]app[\\/]components[\\/]toasts\.tsx$|node_modules[\\/]@mantine[\\/]notifications[\\/]/, priority: 27 },
            // Every workspace page opened by URL runs the shell: it and all it imports (header, navigation, bell,
            // quick-log and request-form providers) are one chunk. Left to the automatic split, the shell and the
            // kit were some 80 small chunks (a new tab of the competitor page asked for 94 files, each a cache read,
            // a module to instantiate and a modulepreload link); now 22 beyond the first.
            { name: 'workspace-shell', test: /[\\/]src[\\/]app[\\/]shell[\\/]/, priority: 25 },
            // What pages use of the same libraries beyond the shell, in one chunk as well (it holds components a
            // given page may not draw: more bytes, far fewer files). Pages, charts (recharts) and zod stay apart.
            { name: 'kit', test: KIT, priority: 20 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': proxied,
      '/healthz': proxied,
      '/readyz': proxied,
    },
  },
});
