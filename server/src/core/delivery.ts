import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * What is worth compressing: text, JSON, XML, JavaScript, SVG. Not PDFs, workbooks, images or
 * uploaded files (application/octet-stream): they are compressed already or sent as they are kept.
 */
const COMPRESSIBLE = /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)xml(?:;|$)|javascript(?:;|$)/u;

/** gzip or brotli, as the client's Accept-Encoding asks, for answers of 1 KB and more. */
export async function installCompression(app: FastifyInstance) {
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    customTypes: COMPRESSIBLE,
  });
}

/** Vite's hashed files: a new build gets new names, so a browser may keep them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built web app: hashed assets/ cached for good, everything else (index.html) revalidated on
 * every load, client-side routes answered with index.html; unknown /api paths and unknown assets
 * stay 404 (an old page asking for a chunk that a new build replaced gets a clear failure, not HTML).
 */
export async function serveWebApp(app: FastifyInstance, webDist: string) {
  const indexHtml = readFileSync(join(webDist, 'index.html'));
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (res, path) => {
      const hashed = relative(webDist, path).split(sep)[0] === 'assets';
      res.setHeader('cache-control', hashed ? IMMUTABLE : 'no-cache');
    },
  });
  app.get('/*', { config: {} }, (req, reply) => {
    const path = req.url.split('?')[0];
    if (path.startsWith('/api/')) {
      return reply.status(404).send({ code: 'NOT_FOUND', message: `接口不存在：${path}` });
    }
    if (path.startsWith('/assets/')) {
      return reply.status(404).send({ code: 'NOT_FOUND', message: `文件不存在：${path}` });
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  });
}
