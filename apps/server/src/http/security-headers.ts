import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * The headers every answer carries (@fastify/helmet): pages, API, docs and files alike.
 *
 * - Scripts: only our own files. The built index.html has no inline script (Vite emits a module
 *   script tag), and Swagger UI loads its initializer as a file.
 * - Styles: our own files plus inline styles. Mantine writes its CSS variables in a `<style>`
 *   element at run time and components set `style` attributes; a nonce would need a per-request
 *   index.html, and inline CSS cannot run code.
 * - Images: ours and `data:` (Swagger UI's icons); connections: our own API only.
 * - Never framed (`frame-ancestors 'none'`, X-Frame-Options DENY), no MIME sniffing, and no
 *   Referer at all: reset, invitation and unsubscribe links carry their token in the path.
 * - `upgrade-insecure-requests` and HSTS only when Tandem is served over https
 *   (TANDEM_PUBLIC_URL), so an http-only install on a private network keeps working.
 */
export function securityHeaders(publicUrl: string): FastifyHelmetOptions {
  const https = publicUrl.startsWith('https://');
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        workerSrc: ["'self'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    // Tandem serves its own files only; nothing needs cross-origin isolation.
    crossOriginEmbedderPolicy: false,
  };
}
