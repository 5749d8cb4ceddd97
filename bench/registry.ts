import os from 'node:os';
import { PassThrough } from 'node:stream';
import { idNumberCheckDigit } from '@changai/domain';
import { sql } from 'kysely';
import { loadDemoData } from '../server/src/cli/demo-data.js';
import { jobHandlers } from '../server/src/jobs.js';
import * as demoService from '../server/src/modules/demo/demo.service.js';
import * as importsService from '../server/src/modules/imports/imports.service.js';
import { seedReferenceOrgs } from '../server/src/modules/org/org.seed.js';
import * as workersService from '../server/src/modules/workers/workers.service.js';
import { loadActor } from '../server/src/platform/auth/sessions.js';
import type { Ctx } from '../server/src/platform/context.js';
import type { Database } from '../server/src/platform/db/database.js';
import { migrateToLatest } from '../server/src/platform/db/migrate.js';
import ExcelJS from '../server/src/platform/exceljs.js';
import { JobRunner } from '../server/src/platform/jobs.js';
import { benchCipher, keptCounts, openBenchDatabase, percentile, usesKeptDatabase } from './support.js';

const url = process.env.DATABASE_URL;
const scale = Number(process.env.BENCH_SCALE ?? (url ? 1 : 0.1));
const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
// Generating threads for the demo load (default: the server's own choice, one per core but one).
const threads = process.env.BENCH_THREADS ? Number(process.env.BENCH_THREADS) : undefined;
const figures: Record<string, number | string> = { engine: url ? 'postgres' : 'pglite', scale, threads: threads ?? 'default' };
const log = (...args: unknown[]) => console.log(...args);

async function time<T>(label: string, fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  const seconds = (performance.now() - started) / 1000;
  log(`  ${label}: ${seconds.toFixed(1)} s`);
  return [result, seconds];
}

function csvRows(n: number, employerCode: string, region = '420111') {
  const lines = ['姓名,身份证号,单位代码,职业技能等级,发证日期,证书编号,手机号码'];
  for (let i = 0; i < n; i++) {
    const born = new Date(Date.UTC(1970, 0, 1) + (i % 12000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `${region}${born}${String(Math.floor(i / 12000) * 2 + 101).padStart(3, '0')}`;
    const level = ['初级工', '中级工', '高级工', '技师'][i % 4];
    lines.push(
      `测试${i % 997}号,${first17}${idNumberCheckDigit(first17)},${employerCode},${level},2021-0${(i % 9) + 1}-15,B${String(i).padStart(12, '0')},139${String(i).padStart(8, '0')}`,
    );
  }
  return lines;
}

async function runImport(ctx: Ctx, database: Database, fileName: string, content: Buffer) {
  const preview = await importsService.upload(ctx, { stream: [content] as unknown as AsyncIterable<Buffer>, fileName });
  const job = await importsService.start(ctx, preview.uploadId, preview.mapping);
  const runner = new JobRunner({ db: ctx.db, cipher: ctx.cipher, log: ctx.log, handlers: jobHandlers(database) });
  while (await runner.runOnce()) {}
  return importsService.job(ctx, job.id);
}

const CEILING_ROWS = 10_000;
const WORKER_COPY = `id, id_number_hash, id_number_enc, org_id, region_code, name, name_pinyin, name_initials, gender, birth_date,
  phone_enc, phone_hash, occupation_code, industry_division, is_frontline, is_union_member, employed_from, highest_skill_rank,
  highest_skill_on, highest_title_rank, skilled_since, high_skilled_since, source, created_at, updated_at`;
const workerCopy = (target: string) => `insert into ${target} (${WORKER_COPY})
  select gen_random_uuid(), id_number_hash || '~', id_number_enc, org_id, region_code, name, name_pinyin, name_initials, gender,
    birth_date, phone_enc, phone_hash || '~', occupation_code, industry_division, is_frontline, is_union_member, employed_from,
    highest_skill_rank, highest_skill_on, highest_title_rank, skilled_since, high_skilled_since, 'import', now(), now()
  from workers where source = 'demo' limit ${CEILING_ROWS}`;
const credentialCopy = `insert into credentials (worker_id, region_code, kind, level_code, level_rank, occupation_code, series, issuer,
    certificate_number, natural_key, issued_on, source, status, created_at, updated_at)
  select worker_id, region_code, kind, level_code, level_rank, occupation_code, series, issuer, certificate_number || '~',
    natural_key || '~', issued_on, 'import', 'valid', now(), now()
  from credentials where status = 'valid' and source = 'demo' limit ${CEILING_ROWS}`;

/**
 * What the engine itself costs an import, before any file is read: copies of stored rows inserted by
 * one statement each (no parsing, no parameters, the conversion facts left alone), with the tables'
 * indexes and triggers as they are and, for workers, into a table like theirs without any; rolled back.
 */
async function engineCeiling(database: Database) {
  const perRow: Record<string, number> = {};
  await database.db
    .transaction()
    .execute(async (trx) => {
      await sql`select set_config('changai.facts_deferred', 'on', true)`.execute(trx);
      await sql`create temp table bare_workers (like workers including defaults) on commit drop`.execute(trx);
      const statements = {
        engine_insert_worker_us_per_row: workerCopy('workers'),
        engine_insert_worker_unindexed_us_per_row: workerCopy('bare_workers'),
        engine_insert_credential_us_per_row: credentialCopy,
      };
      for (const [name, statement] of Object.entries(statements)) {
        const started = performance.now();
        const { numAffectedRows } = await sql.raw(statement).execute(trx);
        perRow[name] = Number((((performance.now() - started) * 1000) / Number(numAffectedRows)).toFixed(1));
      }
      throw new RolledBack();
    })
    .catch((error) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  log(`  the engine alone, ${CEILING_ROWS.toLocaleString('en')} rows by insert … select, µs a row:`);
  for (const [name, value] of Object.entries(perRow)) log(`    ${name.padEnd(46)} ${value}`);
  return perRow;
}
class RolledBack extends Error {}

async function main() {
  log(`Registry bench — ${figures.engine}, scale ${scale}, ${os.cpus().length} cores`);
  const { database, cleanup } = await openBenchDatabase(url);
  try {
    const cipher = benchCipher();
    const quiet = { info() {}, warn() {}, error() {}, debug() {} };
    const system: Ctx = { db: database.db, actor: { kind: 'system', name: 'bench' }, now: () => new Date(), log: quiet, cipher };
    await migrateToLatest(database.db);
    if (usesKeptDatabase()) {
      // A kept database, loaded before: measure its queries and imports, not a load.
      Object.assign(figures, await keptCounts(database));
    } else {
      await seedReferenceOrgs(database.db, new Date());
      await loadDemoData(system);
      const [loaded, loadSeconds] = await time('demo load', async () =>
        demoService.loadRegistry(
          system,
          database,
          scale,
          (w, total) => process.stdout.write(`\r  … ${w.toLocaleString('en')} / ${total.toLocaleString('en')} workers`),
          { exclusive: true, threads },
        ),
      );
      process.stdout.write('\n');
      if (!loaded) throw new Error('demo not loaded');
      figures.demo_workers = loaded.workers;
      figures.demo_credentials = loaded.credentials;
      figures.demo_load_s = Number(loadSeconds.toFixed(1));
      figures.demo_load_rows_per_s = Math.round((loaded.workers + loaded.credentials) / loadSeconds);
    }

    const admin = await database.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const actor = await loadActor(database.db, admin.id);
    const ctx: Ctx = { ...system, actor: actor as NonNullable<typeof actor> };
    const wuhan = await database.db.selectFrom('orgs').select('id').where('code', '=', '420100').executeTakeFirstOrThrow();
    const sample = await workersService.list(ctx, { sort: 'name', limit: 200 });
    const someone = sample.items[57] ?? sample.items[0];
    if (!someone) throw new Error('no workers');
    const identity = await workersService.revealIdentity(ctx, someone.id);

    const queries: Record<string, () => Promise<unknown>> = {
      list_by_filter: () =>
        workersService.list(ctx, { orgId: wuhan.id, skillLevel: 'technician', industryCategory: 'pillar', sort: 'name', limit: 50 }),
      list_high_skilled_by_level: () => workersService.list(ctx, { highSkilled: true, frontline: true, sort: 'level', limit: 50 }),
      name_search: () => workersService.list(ctx, { q: someone.name.slice(0, 2), sort: 'name', limit: 50 }),
      pinyin_search: () => workersService.list(ctx, { q: 'wangwe', sort: 'name', limit: 50 }),
      initials_search: () => workersService.list(ctx, { q: 'zw', sort: 'name', limit: 50 }),
      subtree_initials_search: () => workersService.list(ctx, { orgId: wuhan.id, q: 'zw', sort: 'name', limit: 50 }),
      subtree_name_search: () => workersService.list(ctx, { orgId: wuhan.id, q: someone.name.slice(0, 2), sort: 'name', limit: 50 }),
      id_lookup: () => workersService.list(ctx, { q: identity.idNumber, sort: 'name', limit: 50 }),
      profile_load: () => workersService.get(ctx, someone.id),
    };
    log('  query                          p50 ms   p95 ms');
    for (const [name, run] of Object.entries(queries)) {
      await run();
      const samples: number[] = [];
      for (let i = 0; i < 40; i++) {
        const started = performance.now();
        await run();
        samples.push(performance.now() - started);
      }
      const p50 = Number(percentile(samples, 50).toFixed(1));
      const p95 = Number(percentile(samples, 95).toFixed(1));
      figures[`query_${name}_ms_p50`] = p50;
      figures[`query_${name}_ms_p95`] = p95;
      log(`  ${name.padEnd(30)} ${String(p50).padStart(6)}   ${String(p95).padStart(6)}`);
    }

    const lines = csvRows(importRows, 'E-HZSK');
    // Different people for the xlsx run (another birth region), so it inserts too.
    const xlsxLines = csvRows(importRows, 'E-HZSK', '420112');
    const csv = Buffer.from(`${lines.join('\n')}\n`);
    const [csvJob, csvSeconds] = await time(`import ${importRows.toLocaleString('en')} csv rows`, () =>
      runImport(ctx, database, 'bench.csv', csv),
    );
    figures.import_csv_rows_per_s = Math.round(importRows / csvSeconds);
    figures.import_csv_result = JSON.stringify(csvJob.result);

    const xlsx = await new Promise<Buffer>((resolve, reject) => {
      const sink = new PassThrough();
      const parts: Buffer[] = [];
      sink
        .on('data', (c: Buffer) => parts.push(c))
        .on('end', () => resolve(Buffer.concat(parts)))
        .on('error', reject);
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: false });
      const sheet = workbook.addWorksheet('名单');
      for (const line of xlsxLines) sheet.addRow(line.split(',')).commit();
      sheet.commit();
      void workbook.commit();
    });
    const [xlsxJob, xlsxSeconds] = await time(`import ${importRows.toLocaleString('en')} xlsx rows`, () =>
      runImport(ctx, database, 'bench.xlsx', xlsx),
    );
    figures.import_xlsx_rows_per_s = Math.round(importRows / xlsxSeconds);
    figures.import_xlsx_result = JSON.stringify(xlsxJob.result);
    const [, againSeconds] = await time('re-import the same csv (all unchanged)', () => runImport(ctx, database, 'bench.csv', csv));
    figures.reimport_csv_rows_per_s = Math.round(importRows / againSeconds);
    Object.assign(figures, await engineCeiling(database));
  } finally {
    await database.close();
    await cleanup();
  }
  console.log(JSON.stringify(figures));
}

await main();
process.exit(0);
