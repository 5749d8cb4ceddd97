import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CreateUserSchema, ResetPasswordSchema, ROLES, type Role } from '@changai/contracts';
import { Command, InvalidArgumentError, Option } from 'commander';
import { type Config, loadConfig } from '../config.js';
import { prepareData, serve, systemCtx } from '../main.js';
import * as orgService from '../modules/org/org.service.js';
import * as usersService from '../modules/users/users.service.js';
import { lockDataDir } from '../platform/db/data-dir-lock.js';
import { openDatabase } from '../platform/db/database.js';
import { AppError, ValidationError } from '../platform/errors.js';
import { hasMessage, translate } from '../platform/http/messages.js';
import { openRuntime, type Runtime } from '../platform/runtime.js';
import { runImport } from './import-command.js';

const program = new Command()
  .name('changai')
  .description('产改通 Changai — the industrial worker team construction reform platform')
  .showHelpAfterError();

function config(overrides: Record<string, string | undefined> = {}): Config {
  return loadConfig(undefined, overrides);
}

async function withRuntime<T>(purpose: string, work: (runtime: Runtime, cfg: Config) => Promise<T>): Promise<T> {
  const cfg = config();
  const runtime = await openRuntime(cfg, purpose);
  try {
    await prepareData(runtime, { ...cfg, demo: false });
    return await work(runtime, cfg);
  } finally {
    await runtime.close();
  }
}

/** The CLI is a boundary too: its input goes through the same contracts as the API's. */
function parse<T>(
  schema: {
    safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
}

const port = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number 0–65535');
  return String(n);
};

program
  .command('serve')
  .description('serve the web app and API (PGlite under CHANGAI_DATA_DIR, or PostgreSQL with DATABASE_URL)')
  .option('--port <port>', 'port to listen on (default: PORT or 3000)', port)
  .option('--host <host>', 'interface to bind (default: HOST or localhost)')
  .action(async (opts: { port?: string; host?: string }) => {
    await serve(config({ PORT: opts.port, HOST: opts.host }));
  });

program
  .command('migrate')
  .description('apply pending database migrations and load reference data')
  .action(() =>
    withRuntime('migrate', async (runtime) => {
      console.log(`Database (${runtime.database.kind}) is migrated and has its reference data.`);
    }),
  );

const scaleOption = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 2) throw new InvalidArgumentError('a number above 0, at most 2 (1 = the whole province)');
  return n;
};

program
  .command('demo')
  .description('load the demo network, accounts and a deterministic worker registry (scale 1 = Hubei: 9.56 million skilled workers)')
  .option('--scale <S>', 'registry size relative to the province', scaleOption, 0.01)
  .action((opts: { scale: number }) =>
    withRuntime('demo', async (runtime, cfg) => {
      const { demoLoaded } = await prepareData(runtime, { ...cfg, demo: true }, opts.scale);
      console.log(demoLoaded ? 'Demo data is loaded.' : 'Users already exist: demo data is loaded only into an empty platform.');
    }),
  );

program
  .command('import')
  .description('import workers and their credentials from an xlsx or csv file (as a background job, run here)')
  .argument('<kind>', 'what the file holds: workers')
  .argument('<file>', 'the xlsx or csv file')
  .option('--as <username>', "run with this user's scope (default: the whole province)")
  .option('--json', 'print progress as JSON lines; the last line is the summary')
  .action((kind: string, file: string, opts: { as?: string; json?: boolean }) =>
    withRuntime('import', async (runtime) => {
      if (kind !== 'workers') throw new InvalidArgumentError(`unknown import kind: ${kind} (expected: workers)`);
      const summary = await runImport(runtime, path.resolve(file), opts);
      if (opts.json) console.log(JSON.stringify(summary));
      else
        console.log(
          `Imported ${summary.imported}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected}.${summary.report ? ` Error report: ${summary.report}` : ''}`,
        );
      if (summary.fatal) process.exitCode = 2;
    }),
  );

const user = program.command('user').description('manage user accounts');

user
  .command('add')
  .description('create a user account')
  .requiredOption('--username <username>', 'sign-in name')
  .requiredOption('--password <password>', 'initial password (at least 10 characters)')
  .addOption(new Option('--role <role>', 'role').choices(ROLES).makeOptionMandatory())
  .requiredOption('--org <code>', 'code of the org the user belongs to, e.g. 420000')
  .option('--name <displayName>', 'display name (default: the username)')
  .action((opts: { username: string; password: string; role: Role; org: string; name?: string }) =>
    withRuntime('user add', async (runtime) => {
      const ctx = systemCtx(runtime, 'cli');
      const org = (await orgService.list(ctx, { q: opts.org, limit: 50 })).find((o) => o.code === opts.org);
      if (!org) throw new Error(`No org with code ${opts.org}`);
      const input = parse(CreateUserSchema, {
        username: opts.username,
        password: opts.password,
        role: opts.role,
        orgId: org.id,
        displayName: opts.name ?? opts.username,
      });
      const created = await usersService.create(ctx, input);
      console.log(`Created ${created.username} (${created.role}) in ${created.org.name}.`);
    }),
  );

user
  .command('reset-password')
  .description("set a user's password, unlock the account and end its sessions")
  .requiredOption('--username <username>', 'sign-in name')
  .requiredOption('--password <password>', 'new password (at least 10 characters)')
  .action((opts: { username: string; password: string }) =>
    withRuntime('user reset-password', async (runtime) => {
      const ctx = systemCtx(runtime, 'cli');
      const id = await usersService.findIdByUsername(ctx, opts.username);
      await usersService.resetPassword(ctx, id, parse(ResetPasswordSchema, { password: opts.password }).password);
      console.log(`Password of ${opts.username} reset; the account is unlocked.`);
    }),
  );

program
  .command('backup')
  .description('write a backup: PGlite data directory dump (.tar.gz), or pg_dump custom format on PostgreSQL')
  .requiredOption('--out <file>', 'backup file to write')
  .action(async (opts: { out: string }) => {
    const cfg = config();
    const out = path.resolve(opts.out);
    if (cfg.databaseUrl) {
      execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${out}`, cfg.databaseUrl], { stdio: 'inherit' });
    } else {
      const runtime = await openRuntime(cfg, 'backup', { migrate: false });
      try {
        const dump = await runtime.database.pglite?.dumpDataDir('gzip');
        if (!dump) throw new Error('Nothing to dump');
        fs.writeFileSync(out, Buffer.from(await dump.arrayBuffer()));
      } finally {
        await runtime.close();
      }
    }
    console.log(`Backup written to ${out} (${fs.statSync(out).size} bytes).`);
  });

program
  .command('restore')
  .description('replace the database with a backup made by `changai backup`')
  .requiredOption('--from <file>', 'backup file to read')
  .option('--force', 'replace an existing PGlite data directory (it is kept aside as pglite.before-restore-<time>)')
  .action(async (opts: { from: string; force?: boolean }) => {
    const cfg = config();
    const file = path.resolve(opts.from);
    if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
    if (cfg.databaseUrl) {
      execFileSync('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${cfg.databaseUrl}`, file], { stdio: 'inherit' });
      console.log('Restored into PostgreSQL.');
      return;
    }
    const release = lockDataDir(cfg.dataDir, 'restore');
    try {
      const dir = path.join(cfg.dataDir, 'pglite');
      if (fs.existsSync(dir)) {
        if (!opts.force) throw new Error(`${dir} exists; pass --force to replace it (the old one is kept aside).`);
        fs.renameSync(dir, `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      }
      const database = await openDatabase({ dataDir: dir, loadDataDir: new Blob([fs.readFileSync(file)]) });
      await database.close();
    } finally {
      release();
    }
    console.log(`Restored ${file} into ${cfg.dataDir}.`);
  });

program
  .parseAsync()
  .then(() => {
    // `serve` keeps running on its own; every other command is done (PGlite may hold idle handles).
    if (program.args[0] !== 'serve') process.exit(0);
  })
  .catch((error: unknown) => {
    const message =
      error instanceof AppError ? translate(error.reason, 'en-US', error.params) : error instanceof Error ? error.message : String(error);
    const fields =
      error instanceof AppError && error.fields
        ? error.fields.map((f) => `\n  ${f.path}: ${hasMessage(f.message) ? translate(f.message, 'en-US') : f.message}`).join('')
        : '';
    console.error(`changai: ${message}${fields}`);
    process.exit(1);
  });
