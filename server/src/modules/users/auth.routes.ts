import { ChangePasswordSchema, LoginSchema, OkSchema, SessionSchema, SetupSchema, SetupStatusSchema } from '@changai/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import type { UserCtx } from '../../platform/context.js';
import * as authService from './auth.service.js';

const tags = ['auth'];

export type AuthRouteOptions = { secureCookies: boolean; sessionHours: number };

export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, opts) => {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: opts.secureCookies,
      maxAge: Math.round(opts.sessionHours * 3600),
    });

  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, body: LoginSchema, response: { 200: SessionSchema } },
    },
    async (req, reply) => {
      const { token, session } = await authService.login(req.ctx, req.body, {
        userAgent: req.headers['user-agent'],
        ttlHours: opts.sessionHours,
      });
      setCookie(reply, token);
      return session;
    },
  );
  app.post(
    '/api/v1/auth/logout',
    { config: { permission: 'account:self' }, schema: { tags, response: { 200: OkSchema } } },
    async (req, reply) => {
      await authService.logout(req.ctx as UserCtx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
  app.get('/api/v1/auth/session', { config: { permission: 'account:self' }, schema: { tags, response: { 200: SessionSchema } } }, (req) =>
    authService.session(req.ctx as UserCtx, req.csrfToken as string),
  );
  app.post(
    '/api/v1/auth/password',
    { config: { permission: 'account:self' }, schema: { tags, body: ChangePasswordSchema, response: { 200: OkSchema } } },
    async (req) => {
      await authService.changePassword(req.ctx as UserCtx, req.body);
      return { ok: true as const };
    },
  );
  app.get('/api/v1/setup', { config: { public: true }, schema: { tags, response: { 200: SetupStatusSchema } } }, async (req) => ({
    needsSetup: await authService.needsSetup(req.ctx),
  }));
  app.post(
    '/api/v1/setup',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, body: SetupSchema, response: { 201: OkSchema } },
    },
    async (req, reply) => {
      await authService.setup(req.ctx, req.body);
      return reply.status(201).send({ ok: true as const });
    },
  );
};
