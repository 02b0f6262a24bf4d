import {
  actingUnitsResponse,
  captchaResponse,
  changePasswordRequest,
  loginRequest,
  okResponse,
  resetPasswordRequest,
  resetSmsRequest,
  sessionResponse,
  smsSentResponse,
  switchUnitRequest,
} from '@ce/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, cookieOptions } from '../../core/access';
import type { Services } from '../../core/context';
import { AppError } from '../../core/errors';
import { type Api, authRateLimit } from '../../core/http';
import { loadActor, SESSION_COOKIE } from '../../core/session';
import * as auth from './auth.service';
import { createCaptcha } from './captcha';

/** 修改密码 attempts per account per minute, whatever the IP. */
export const PASSWORD_CHANGES_PER_ACCOUNT = 10;

export function authRoutes(app: Api, s: Services) {
  /** Sets the new session's cookie and answers with what the session may do. */
  async function answerWithSession(req: FastifyRequest, reply: FastifyReply, session: auth.NewSession) {
    reply.setCookie(SESSION_COOKIE, session.token, {
      ...cookieOptions(s.config, true),
      expires: session.expiresAt,
    });
    const actor = await loadActor(s.db, s.config, session.token);
    if (!actor) throw new AppError('INTERNAL', '会话创建失败，请重试');
    req.actor = actor;
    return { session: auth.sessionInfoOf(actor) };
  }
  const ua = (req: FastifyRequest) => req.headers['user-agent'] ?? null;
  const limited = { rateLimit: authRateLimit(s.config.authRateLimit) };

  app.get('/api/auth/captcha', {
    // each call writes a row: per IP, like the endpoints that spend captchas
    config: { access: 'public', rateLimit: { max: s.config.captchaRateLimit, timeWindow: '1 minute' } },
    schema: { tags: ['认证'], summary: '图形验证码', response: { 200: captchaResponse } },
    handler: () => createCaptcha(s.db),
  });

  app.get('/api/auth/session', {
    config: { access: 'public' },
    schema: { tags: ['认证'], summary: '当前会话', response: { 200: sessionResponse } },
    handler: (req) => ({ session: req.actor ? auth.sessionInfoOf(req.actor) : null }),
  });

  app.post('/api/auth/login', {
    config: { access: 'public', ...limited },
    schema: {
      tags: ['认证'],
      summary: '个人登录 / 单位登录',
      body: loginRequest,
      response: { 200: sessionResponse },
    },
    handler: async (req, reply) =>
      answerWithSession(req, reply, await auth.login(s, req.ctx, req.body, ua(req), req.actor)),
  });

  app.post('/api/auth/logout', {
    config: { access: 'authenticated', allowDuringPasswordChange: true },
    schema: { tags: ['认证'], summary: '退出登录', response: { 200: okResponse } },
    handler: async (req, reply) => {
      await auth.logout(s, req.ctx, actorOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  app.get('/api/auth/acting-units', {
    config: { access: 'account.self' },
    schema: { tags: ['认证'], summary: '可使用的单位账号', response: { 200: actingUnitsResponse } },
    handler: async (req) => ({ items: await auth.actingUnits(s, actorOf(req)) }),
  });

  app.post('/api/auth/switch-unit', {
    config: { access: 'account.self' },
    schema: {
      tags: ['认证'],
      summary: '使用选中的单位账号登录',
      body: switchUnitRequest,
      response: { 200: sessionResponse },
    },
    handler: async (req, reply) =>
      answerWithSession(
        req,
        reply,
        await auth.switchToUnit(s, req.ctx, actorOf(req), req.body.unitId, ua(req)),
      ),
  });

  app.post('/api/auth/switch-person', {
    config: { access: 'account.self' },
    schema: { tags: ['认证'], summary: '切换回个人账号', response: { 200: sessionResponse } },
    handler: async (req, reply) =>
      answerWithSession(req, reply, await auth.switchToPerson(s, req.ctx, actorOf(req), ua(req))),
  });

  // 修改密码: per IP (the route's limit) and per account (this hook; the access hook has run, so
  // the actor is known); wrong old passwords also count towards the account's lock
  const perAccount = app.createRateLimit({
    max: PASSWORD_CHANGES_PER_ACCOUNT,
    timeWindow: '1 minute',
    keyGenerator: (req) => `password:${req.actor?.accountId ?? req.ip}`,
  });
  app.post('/api/auth/password', {
    config: { access: 'account.self', allowDuringPasswordChange: true, ...limited },
    onRequest: async (req) => {
      const limit = await perAccount(req);
      if (!limit.isAllowed && limit.isExceeded) {
        throw new AppError('RATE_LIMITED', '请求过于频繁，请稍后再试');
      }
    },
    schema: {
      tags: ['认证'],
      summary: '修改密码',
      body: changePasswordRequest,
      response: { 200: sessionResponse },
    },
    handler: async (req, reply) =>
      answerWithSession(req, reply, await auth.changePassword(s, req.ctx, actorOf(req), req.body, ua(req))),
  });

  app.post('/api/auth/password-reset/sms', {
    config: { access: 'public', ...limited },
    schema: {
      tags: ['认证'],
      summary: '密码找回：发送短信验证码',
      body: resetSmsRequest,
      response: { 200: smsSentResponse },
    },
    handler: async (req) => ({ ok: true as const, ...(await auth.sendResetCode(s, req.ctx, req.body)) }),
  });

  app.post('/api/auth/password-reset', {
    config: { access: 'public', ...limited },
    schema: {
      tags: ['认证'],
      summary: '密码找回：设置新密码',
      body: resetPasswordRequest,
      response: { 200: okResponse },
    },
    handler: async (req) => {
      await auth.resetPassword(s, req.ctx, req.body);
      return { ok: true as const, message: '密码已重置，请使用新密码登录' };
    },
  });
}
