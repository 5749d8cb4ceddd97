import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { DEMO_ACCOUNTS, loadDemoData } from './cli/demo-data.js';
import type { Config } from './config.js';
import { DEMO_JOB, jobHandlers, RECURRING_JOBS } from './jobs.js';
import * as demoService from './modules/demo/demo.service.js';
import { seedReferenceOrgs } from './modules/org/org.seed.js';
import { loadReformDemo } from './modules/reform/reform.demo.js';
import { loadReportingDemo } from './modules/reporting/reporting.demo.js';
import { loadSkillsActivity, loadSkillsDemo } from './modules/skills/skills.demo.js';
import * as authService from './modules/users/auth.service.js';
import { deleteExpiredSessions } from './platform/auth/sessions.js';
import type { Ctx } from './platform/context.js';
import { enqueue, JobRunner } from './platform/jobs.js';
import { openRuntime, type Runtime } from './platform/runtime.js';
import { getSetting, setSetting } from './platform/settings.js';

const consoleLog = {
  info: (o: unknown, m?: string) => console.log(m ?? o),
  warn: (o: unknown, m?: string) => console.warn(m ?? o),
  error: (o: unknown, m?: string) => console.error(m ?? o),
  debug: () => {},
};

export function systemCtx(runtime: Runtime, name: string): Ctx {
  return { db: runtime.database.db, actor: { kind: 'system', name }, now: () => new Date(), log: consoleLog, cipher: runtime.cipher };
}

/**
 * First start: reference orgs always; unless CHANGAI_DEMO=0, the demo network and accounts and a
 * registry at `demoScale`.
 */
export async function prepareData(
  runtime: Runtime,
  config: Config,
  demoScale = config.demoScale,
  opts: { inBackground?: boolean } = {},
): Promise<{ demoLoaded: boolean }> {
  const db = runtime.database.db;
  await seedReferenceOrgs(db, new Date());
  if (!config.demo) return { demoLoaded: false };
  const ctx = systemCtx(runtime, 'demo');
  if (!(await getSetting(db, 'demo.loaded'))) {
    if (!(await authService.needsSetup(ctx))) return { demoLoaded: false };
    await loadDemoData(ctx);
    await loadReformDemo(ctx);
    await loadSkillsDemo(ctx);
    await loadReportingDemo(ctx);
    await setSetting(db, 'demo.loaded', { at: new Date().toISOString() }, new Date());
  }
  if (demoScale > 0 && (await demoService.demoScale(ctx)) === null) {
    if (opts.inBackground) {
      // The server answers at once; the registry fills in as a job with progress (see /api/health).
      if (await demoService.markQueued(ctx, demoScale)) await enqueue(db, { kind: DEMO_JOB, payload: { scale: demoScale } });
      return { demoLoaded: true };
    }
    console.log(`  Loading the demo registry at scale ${demoScale} (deterministic; CHANGAI_DEMO=0 turns demo data off) …`);
    // Nobody else uses this platform yet: one transaction that builds the indexes once, at the end.
    const result = await demoService.loadRegistry(ctx, runtime.database, demoScale, undefined, { exclusive: true });
    await loadSkillsActivity(ctx);
    if (result)
      console.log(
        `  … ${result.workers.toLocaleString('en')} workers, ${result.credentials.toLocaleString('en')} credentials, ${result.enterprises} enterprises in ${result.seconds.toFixed(1)} s`,
      );
  }
  return { demoLoaded: true };
}

export async function serve(config: Config): Promise<FastifyInstance> {
  const started = performance.now();
  const runtime = await openRuntime(config, 'server', { port: config.port });
  let app: FastifyInstance | undefined;
  let runner: JobRunner | undefined;
  try {
    const { demoLoaded } = await prepareData(runtime, config, config.demoScale, { inBackground: true });
    app = await buildApp({ config, database: runtime.database, cipher: runtime.cipher });
    await app.listen({ port: config.port, host: config.host });
    runner = new JobRunner({
      db: runtime.database.db,
      cipher: runtime.cipher,
      log: app.log,
      handlers: jobHandlers(runtime.database),
      recurring: RECURRING_JOBS,
    });
    runner.start();
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    const needsSetup = await authService.needsSetup(systemCtx(runtime, 'serve'));
    const where = runtime.database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL';
    const lines = [
      '',
      `  产改通 Changai ${config.version} is ready at ${url}  (${where}; started in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
      `  API reference: ${url}/api/docs`,
    ];
    if (demoLoaded) {
      const demo = await demoService.demoStatus({ db: runtime.database.db });
      if (demo) {
        const workers = Math.round(9_940_000 * demo.scale).toLocaleString('en');
        lines.push(
          demo.status === 'ready'
            ? `  Demo registry: scale ${demo.scale} (about ${workers} workers). CHANGAI_DEMO=0 turns demo data off.`
            : `  Demo registry: scale ${demo.scale} (about ${workers} workers) is loading in the background; /api/health shows when it is ready. CHANGAI_DEMO=0 turns demo data off.`,
        );
      }
      lines.push(`  Demo accounts (password for all: ${DEMO_ACCOUNTS[0]?.password}):`);
      for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.username.padEnd(10)} ${a.role}`);
    } else if (needsSetup) {
      lines.push(`  No administrator yet: open ${url}/setup, or run`);
      lines.push('    npx changai user add --username admin --password <password> --role province_admin --org 420000');
    } else {
      lines.push('  Sign in with your account.');
    }
    console.log(`${lines.join('\n')}\n`);
  } catch (error) {
    await app?.close();
    await runtime.close();
    throw error;
  }
  // Expired sessions are refused anyway; this only keeps the table small. Safe on every instance.
  const sweep = setInterval(() => {
    deleteExpiredSessions(runtime.database.db, new Date()).catch((error: unknown) => app?.log.warn({ err: error }, 'session sweep failed'));
  }, 3600_000);
  sweep.unref();
  const shutdown = async (signal: string) => {
    clearInterval(sweep);
    await runner?.stop();
    app?.log.info({ signal }, 'shutting down');
    await app?.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return app;
}
