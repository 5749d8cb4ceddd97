import type { Role } from '@changai/contracts';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { jobHandlers } from '../src/jobs.js';
import type { Ctx } from '../src/platform/context.js';
import { DataCipher } from '../src/platform/crypto.js';
import type { Database } from '../src/platform/db/database.js';
import { JobRunner } from '../src/platform/jobs.js';
import { createTestDatabase } from './test-db.js';

export const TEST_PASSWORD = 'Test-password-1';

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  cipher: DataCipher;
  /** A system context for arranging data through the services. */
  system: Ctx;
  clock: { now: Date };
  /** Runs queued jobs to completion, as a server instance would. */
  runJobs(): Promise<number>;
  close(): Promise<void>;
};

/** The real app on a private database, with a clock the test can move. */
export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const cipher = new DataCipher(Buffer.alloc(32, 7));
  const clock = { now: new Date('2026-03-01T08:00:00Z') };
  const now = () => clock.now;
  const config = { ...loadConfig({ NODE_ENV: 'test', CHANGAI_DATA_DIR: '/nonexistent' }), logLevel: 'silent' };
  const app = await buildApp({ config, database, cipher, now, logger: false });
  await app.ready();
  const silent = () => {};
  const system: Ctx = {
    db: database.db,
    actor: { kind: 'system', name: 'test' },
    now,
    log: { info: silent, warn: silent, error: silent, debug: silent },
    cipher,
  };
  const runner = new JobRunner({ db: database.db, cipher, log: system.log, handlers: jobHandlers(database), now });
  return {
    app,
    database,
    cipher,
    system,
    clock,
    async runJobs() {
      let n = 0;
      while (await runner.runOnce()) n++;
      return n;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in HTTP client: keeps the session cookie and sends the CSRF token on writes. */
export type Client = {
  username: string;
  role?: Role;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
};

export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'changai_session');
  if (!cookie) throw new Error('no session cookie');
  const { csrfToken, actor } = res.json() as { csrfToken: string; actor: { role: Role } };
  const request = (opts: InjectOptions) =>
    app.inject({ ...opts, cookies: { changai_session: cookie.value }, headers: { 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) } });
  return {
    username,
    role: actor.role,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}
