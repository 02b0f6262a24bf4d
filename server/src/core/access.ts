import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Permission } from '@ce/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from './config';
import type { Actor, RequestContext } from './context';
import type { Db } from './db';
import { AppError } from './errors';
import { CSRF_COOKIE, loadActor, SESSION_COOKIE } from './session';

/**
 * Every /api route declares who may call it: `public` (declared on purpose), `authenticated`
 * (any session) or the permission it needs. A route without a declaration fails at start-up.
 */
export type RouteAccess = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** the few routes a session that must change its password may still use */
    allowDuringPasswordChange?: boolean;
    /**
     * false: the answer does not hand out a CSRF cookie when the caller has none (a public read
     * that machines call, where a cookie is wasted work); the web app gets one from any other route
     */
    csrfCookie?: false;
  }
  interface FastifyRequest {
    actor: Actor | null;
    ctx: RequestContext;
  }
  interface FastifyInstance {
    /** every /api route and its access, for the authorization-matrix test */
    apiRoutes: { method: string; url: string; access: RouteAccess }[];
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieOptions(config: Config, httpOnly: boolean) {
  return { path: '/', httpOnly, sameSite: 'strict' as const, secure: config.secureCookies };
}

/** Loads the actor, then: 401 without a session, 403 on a bad CSRF token or a missing permission. */
async function accessPlugin(app: FastifyInstance, opts: { db: Db; config: Config }) {
  app.decorate('apiRoutes', [] as FastifyInstance['apiRoutes']);
  app.decorateRequest('actor', null);
  app.decorateRequest('ctx', null as unknown as RequestContext);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`路由 ${route.method} ${route.url} 未声明访问权限（config.access）`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const access = req.routeOptions.config?.access;
    if (!access) return; // not an API route (static files, docs): no session lookup on that path
    const token = req.cookies[SESSION_COOKIE];
    req.actor = token ? await loadActor(opts.db, opts.config, token) : null;
    if (token && !req.actor) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    req.ctx = { actor: req.actor, ip: req.ip };
    if (!req.cookies[CSRF_COOKIE] && req.routeOptions.config.csrfCookie !== false) {
      reply.setCookie(CSRF_COOKIE, randomBytes(24).toString('base64url'), cookieOptions(opts.config, false));
    }

    if (access !== 'public' && !req.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
    if (UNSAFE.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      const cookie = req.cookies[CSRF_COOKIE];
      if (typeof header !== 'string' || !cookie || !safeEqual(header, cookie)) {
        throw new AppError('CSRF', '页面已过期，请刷新页面后重试');
      }
    }
    if (!req.actor || access === 'public') return;
    if (req.actor.mustChangePassword && !req.routeOptions.config.allowDuringPasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录须修改密码，请先修改密码');
    }
    if (access !== 'authenticated' && !req.actor.permissions.has(access)) {
      throw new AppError('FORBIDDEN', '无权访问此功能');
    }
  });
}

export const access = fp(accessPlugin, { name: 'access', dependencies: ['@fastify/cookie'] });

/** The actor of a route that requires a session (the hook has already refused anonymous calls). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return req.actor;
}
