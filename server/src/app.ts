import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { DataCipher } from './platform/crypto.js';
import type { Database } from './platform/db/database.js';
import { authPlugin } from './platform/http/auth-plugin.js';
import { errorBody, handleError } from './platform/http/error-handler.js';
import { textGuard } from './platform/http/text-guard.js';
import { registerRoutes } from './routes.js';

export type AppDeps = {
  config: Config;
  database: Database;
  cipher: DataCipher;
  /** The clock; tests pass their own. */
  now?: () => Date;
  logger?: boolean | object;
};

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Builds the HTTP app without listening; tests drive it with `inject`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const now = deps.now ?? (() => new Date());
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    // Router-level failures (over-long params, bad URLs) get the same error body as everything else.
    frameworkErrors: (error, request, reply) => handleError(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        // Ant Design injects its CSS-in-JS styles at run time.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        // Over plain http (an intranet address) upgrading would break every asset request.
        'upgrade-insecure-requests': config.secureCookies ? [] : null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  // Imports stream the file part straight into the database; one file, up to 200 MiB.
  await app.register(multipart, { limits: { files: 1, fields: 5, fileSize: 200 * 1024 * 1024 } });
  await app.register(textGuard);
  await app.register(authPlugin, { db: database.db, cipher: deps.cipher, now, sessionHours: config.sessionHours });
  app.addHook('onRoute', (route) => {
    // The documentation pages are public by nature.
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), public: true };
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Changai 产改通 API', version: config.version },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'changai_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  await registerRoutes(app, { database, config });

  const hasWeb = fs.existsSync(`${WEB_DIST}/index.html`);
  if (hasWeb) {
    // Root instance: only `reply.sendFile` for the SPA fallback; the files are served by the public child below.
    await app.register(fastifyStatic, { root: WEB_DIST, serve: false });
    await app.register(async (web) => {
      web.addHook('onRoute', (route) => {
        route.config = { ...(route.config as object), public: true };
      });
      await web.register(fastifyStatic, { root: WEB_DIST, wildcard: false, maxAge: '1h', decorateReply: false });
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // App routes (/orgs, /workers/…) get the app; a missing asset or API path is a real 404.
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    if (isPage && hasWeb) return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    return reply.status(404).send(errorBody(request, 'not_found', 'route_not_found'));
  });
  return app;
}
