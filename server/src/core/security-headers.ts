import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from './config';

/**
 * The Content Security Policy of the web app. antd's CSS-in-JS injects <style> tags at run time,
 * hence 'unsafe-inline' for styles only; scripts come from our own origin and nowhere else.
 */
export const WEB_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** helmet's options: the CSP above, no framing, nosniff, same-origin referrers; HSTS over https only. */
export function helmetOptions(config: Pick<Config, 'secureCookies'>): HelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: WEB_CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS makes browsers refuse plain http for a year: only when the app is served over https
    strictTransportSecurity: config.secureCookies ? { maxAge: 15_552_000, includeSubDomains: false } : false,
  };
}

/**
 * Swagger UI (/api/docs) brings its own CSP (`staticCSP: true`: scripts from 'self' only, its
 * styles from 'self' and https:); it is made like ours: no framing, styles from 'self' and
 * inline, and no upgrade-insecure-requests, which would break the docs on a plain-http intranet
 * address.
 */
export function swaggerUiCsp(header: string | string[] | number): string {
  return (
    String(header)
      .replace(/\s*upgrade-insecure-requests;?/, '')
      .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
      // Swagger UI sets a few style attributes at run time, as antd does in the web app
      .replace(/style-src 'self'[^;]*/, "style-src 'self' 'unsafe-inline'")
  );
}

/**
 * The headers helmet sets with these options. They depend on the configuration only, so they are
 * worked out once: helmet run against a response that records them (run per request, as the
 * Fastify plugin does, it parsed the CSP again for every answer — a tenth of a trivial request).
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  let failed: unknown = null;
  helmet(options)({} as IncomingMessage, res, (err?: unknown) => {
    failed = err ?? null;
  });
  if (failed) throw failed;
  return Object.freeze(headers) as Record<string, string>;
}

/**
 * Every answer carries the security headers (set as the request comes in, so error answers and
 * static files have them too, and a route can still replace one — Swagger UI its CSP).
 */
export function installSecurityHeaders(app: FastifyInstance, config: Pick<Config, 'secureCookies'>) {
  const headers = securityHeaders(helmetOptions(config));
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
  dropCspForPdf(app);
}

/**
 * Chrome shows a PDF (证书, 附件) in a viewer page that embeds the document; the web app's
 * `object-src 'none'` sent with the PDF itself would leave that viewer blank, so PDF answers go
 * without the CSP (nosniff and no framing stay).
 */
function dropCspForPdf(app: FastifyInstance) {
  app.addHook('onSend', (_req, reply, payload, done) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('application/pdf')) {
      reply.removeHeader('content-security-policy');
    }
    done(null, payload);
  });
}
