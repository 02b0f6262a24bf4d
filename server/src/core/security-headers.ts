import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
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

/** @fastify/helmet options: the CSP above, no framing, nosniff, same-origin referrers; HSTS over https only. */
export function helmetOptions(config: Pick<Config, 'secureCookies'>): FastifyHelmetOptions {
  return {
    global: true,
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
 * Chrome shows a PDF (证书, 附件) in a viewer page that embeds the document; the web app's
 * `object-src 'none'` sent with the PDF itself would leave that viewer blank, so PDF answers go
 * without the CSP (nosniff and no framing stay).
 */
export function dropCspForPdf(app: FastifyInstance) {
  app.addHook('onSend', async (_req, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('application/pdf')) {
      reply.removeHeader('content-security-policy');
    }
    return payload;
  });
}
