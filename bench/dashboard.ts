// The leaders' dashboard: p50/p95 of the province view and a prefecture drill-down over the demo
// province, and how soon a 10,000-row import and one credential change show in the figures (each
// checked against a from-scratch recomputation from the credentials).
// BENCH_SCALE (PGlite, default 0.1) or DATABASE_URL (PostgreSQL, scale 1 unless BENCH_SCALE says).
import os from 'node:os';
import { idNumberCheckDigit } from '@changai/domain';
import { sql } from 'kysely';
import { loadDemoData } from '../server/src/cli/demo-data.js';
import { jobHandlers } from '../server/src/jobs.js';
import * as demoService from '../server/src/modules/demo/demo.service.js';
import * as importsService from '../server/src/modules/imports/imports.service.js';
import * as indicatorsService from '../server/src/modules/indicators/indicators.service.js';
import { seedReferenceOrgs } from '../server/src/modules/org/org.seed.js';
import { loadReformDemo } from '../server/src/modules/reform/reform.demo.js';
import { loadSkillsDemo } from '../server/src/modules/skills/skills.demo.js';
import * as workersService from '../server/src/modules/workers/workers.service.js';
import { loadActor } from '../server/src/platform/auth/sessions.js';
import type { Ctx } from '../server/src/platform/context.js';
import type { Database } from '../server/src/platform/db/database.js';
import { migrateToLatest } from '../server/src/platform/db/migrate.js';
import { JobRunner } from '../server/src/platform/jobs.js';
import { benchCipher, openBenchDatabase, percentile, usesKeptDatabase } from './support.js';

const url = process.env.DATABASE_URL;
const scale = Number(process.env.BENCH_SCALE ?? (url ? 1 : 0.1));
const runs = Number(process.env.BENCH_RUNS ?? 40);
const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const figures: Record<string, number | string | boolean> = { engine: url ? 'postgres' : 'pglite', scale };
const log = (...args: unknown[]) => console.log(...args);
const today = new Date().toISOString().slice(0, 10);

function csvRows(n: number, employerCode: string, region: string, seqBase: number) {
  const lines = ['姓名,身份证号,单位代码,职业技能等级,发证日期'];
  for (let i = 0; i < n; i++) {
    const born = new Date(Date.UTC(1975, 0, 1) + (i % 12000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `${region}${born}${String(Math.floor(i / 12000) * 2 + seqBase).padStart(3, '0')}`;
    const level = ['初级工', '中级工', '高级工', '技师'][i % 4];
    lines.push(`看板${i % 997}号,${first17}${idNumberCheckDigit(first17)},${employerCode},${level},${today.slice(0, 7)}-01`);
  }
  return Buffer.from(lines.join('\n'));
}

async function runImport(ctx: Ctx, database: Database, fileName: string, content: Buffer) {
  const preview = await importsService.upload(ctx, { stream: [content] as unknown as AsyncIterable<Buffer>, fileName });
  const job = await importsService.start(ctx, preview.uploadId, preview.mapping);
  const runner = new JobRunner({ db: ctx.db, cipher: ctx.cipher, log: ctx.log, handlers: jobHandlers(database) });
  while (await runner.runOnce()) {}
  return importsService.job(ctx, job.id);
}

async function timings(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  const p50 = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  log(`  ${label}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${runs} runs)`);
  return { p50: Number(p50.toFixed(1)), p95: Number(p95.toFixed(1)) };
}

/**
 * Seconds from `since` until the dashboard's province totals show the change (polled), then checked
 * once against a from-scratch count from the credentials (not part of the time).
 */
async function freshness(ctx: Ctx, since: number, expected: { skilled: number; high: number }) {
  let seconds: number;
  for (;;) {
    const d = await indicatorsService.dashboard(ctx, {});
    if (d.totals.skilled === expected.skilled && d.totals.highSkilled === expected.high) {
      seconds = (performance.now() - since) / 1000;
      break;
    }
    if (performance.now() - since > 60_000) throw new Error('the figures did not catch up within 60 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  const check = await indicatorsService.verifyAggregates(ctx, today);
  const skilled = check.fromScratch.reduce((n, r) => n + r.skilled, 0);
  const high = check.fromScratch.reduce((n, r) => n + r.highSkilled, 0);
  const matches = check.matches && skilled === expected.skilled && high === expected.high;
  if (!matches) throw new Error('the aggregates differ from a from-scratch recomputation');
  return { seconds, skilled, high, matches };
}

async function main() {
  log(`Dashboard bench — ${figures.engine}, scale ${scale}, ${os.cpus().length} cores`);
  const { database, cleanup } = await openBenchDatabase(url);
  try {
    const cipher = benchCipher();
    const quiet = { info() {}, warn() {}, error() {}, debug() {} };
    const system: Ctx = { db: database.db, actor: { kind: 'system', name: 'bench' }, now: () => new Date(), log: quiet, cipher };
    await migrateToLatest(database.db);
    let started = performance.now();
    if (usesKeptDatabase()) {
      // A kept database, loaded before (its migrations built the aggregates).
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from workers`.execute(database.db);
      figures.demo_workers = rows[0]?.n ?? 0;
    } else {
      await seedReferenceOrgs(database.db, new Date());
      await loadDemoData(system);
      await loadReformDemo(system);
      await loadSkillsDemo(system);
      const loaded = await demoService.loadRegistry(system, database, scale, undefined, { exclusive: true });
      figures.demo_load_s = Number(((performance.now() - started) / 1000).toFixed(1));
      figures.demo_workers = loaded?.workers ?? 0;
      started = performance.now();
      await indicatorsService.rebuildAggregates(system);
      figures.aggregate_rebuild_s = Number(((performance.now() - started) / 1000).toFixed(2));
    }
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from skill_counts`.execute(database.db);
    figures.aggregate_rows = rows[0]?.n ?? 0;
    log(
      `  demo load ${figures.demo_load_s} s (${figures.demo_workers} workers); aggregate rebuild ${figures.aggregate_rebuild_s} s, ${figures.aggregate_rows} rows`,
    );

    const admin = await database.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const actor = await loadActor(database.db, admin.id);
    const ctx: Ctx = { ...system, actor: actor as NonNullable<typeof actor> };
    const wuhan = await database.db.selectFrom('orgs').select('id').where('code', '=', '420100').executeTakeFirstOrThrow();
    const qingshan = await database.db.selectFrom('orgs').select('id').where('code', '=', '420107').executeTakeFirstOrThrow();

    const seed = await indicatorsService.dashboard(ctx, { asOf: '2020-10-31' });
    const card = (code: string) => seed.cards.find((c) => c.code === code)?.value;
    log(
      `  as of 2020-10-31: ${seed.totals.highSkilled} high-skilled of ${seed.totals.skilled} skilled (${card('high_skilled_share')}%), ` +
        `carriers ${card('training_bases')}/${card('master_studios')}/${card('worker_training_bases')}/${card('innovation_studios')}, policies ${card('policies_in_force')} (${card('policies_issued')} in 2020)`,
    );
    figures.seed_share = card('high_skilled_share') ?? 0;

    const province = await timings('province dashboard (today)', () => indicatorsService.dashboard(ctx, {}));
    const provinceSeed = await timings('province dashboard as of 2020-10-15 (part month)', () =>
      indicatorsService.dashboard(ctx, { asOf: '2020-10-15' }),
    );
    const prefecture = await timings('prefecture drill-down (武汉市)', () => indicatorsService.dashboard(ctx, { orgId: wuhan.id }));
    const county = await timings('county drill-down to enterprises (青山区)', () =>
      indicatorsService.dashboard(ctx, { orgId: qingshan.id }),
    );
    figures.dashboard_province_ms_p50 = province.p50;
    figures.dashboard_province_ms_p95 = province.p95;
    figures.dashboard_province_part_month_ms_p95 = provinceSeed.p95;
    figures.dashboard_prefecture_ms_p50 = prefecture.p50;
    figures.dashboard_prefecture_ms_p95 = prefecture.p95;
    figures.dashboard_county_ms_p95 = county.p95;

    // A 10,000-row import (new workers with credentials this month), through the import job; people
    // new to a kept database too (the ID numbers' sequence digits differ from run to run).
    const sequence = 101 + 2 * (Math.floor(Date.now() / 1000) % 440);
    const before = await indicatorsService.dashboard(ctx, {});
    started = performance.now();
    const job = await runImport(ctx, database, 'bench.csv', csvRows(importRows, 'E-HZSK', '420111', sequence));
    const imported = performance.now();
    figures.import_s = Number(((imported - started) / 1000).toFixed(2));
    // Every imported row holds a skill level issued this month: 10,000 more skilled, a half of them high-skilled (高级工, 技师).
    const afterImport = await freshness(ctx, imported, {
      skilled: before.totals.skilled + importRows,
      high: before.totals.highSkilled + Math.floor(importRows / 4) * 2 + Math.max(0, (importRows % 4) - 2),
    });
    figures.checked_against_recomputation = afterImport.matches;
    figures.freshness_after_import_s = Number(afterImport.seconds.toFixed(3));
    figures.import_rows = importRows;
    figures.import_imported = (job.result as { imported?: number } | null)?.imported ?? 0;
    log(
      `  import of ${importRows} rows: ${figures.import_s} s; figures correct ${figures.freshness_after_import_s} s after it finished ` +
        `(skilled ${before.totals.skilled} → ${afterImport.skilled})`,
    );

    // The same import size with the aggregate's triggers off: what keeping it fresh costs the import.
    await sql`alter table workers disable trigger workers_skill_counts_ins`.execute(database.db);
    await sql`alter table workers disable trigger workers_skill_counts_upd`.execute(database.db);
    started = performance.now();
    await runImport(ctx, database, 'bench2.csv', csvRows(importRows, 'E-HZSK', '420112', sequence));
    figures.import_without_triggers_s = Number(((performance.now() - started) / 1000).toFixed(2));
    await sql`alter table workers enable trigger workers_skill_counts_ins`.execute(database.db);
    await sql`alter table workers enable trigger workers_skill_counts_upd`.execute(database.db);
    await indicatorsService.rebuildAggregates(system);
    log(`  the same import without the aggregate's triggers: ${figures.import_without_triggers_s} s`);

    // One credential change: a worker reaches 高级工 today.
    const someone = await database.db
      .selectFrom('workers')
      .select('id')
      .where('source', '=', 'demo')
      .where('highSkilledSince', 'is', null)
      .where('skilledSince', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const totals0 = (await indicatorsService.dashboard(ctx, {})).totals;
    const high0 = totals0.highSkilled;
    started = performance.now();
    await workersService.grantCredential(ctx, someone.id, { kind: 'skill_level', levelCode: 'senior', issuedOn: today });
    const granted = performance.now();
    const afterGrant = await freshness(ctx, granted, { skilled: totals0.skilled, high: high0 + 1 });
    figures.credential_change_ms = Number((granted - started).toFixed(1));
    figures.freshness_after_credential_s = Number(afterGrant.seconds.toFixed(3));
    figures.credential_change_counted = afterGrant.high === high0 + 1;
    log(
      `  one credential: ${figures.credential_change_ms} ms; figures correct ${figures.freshness_after_credential_s} s after (high-skilled ${high0} → ${afterGrant.high})`,
    );
  } finally {
    await database.close();
    await cleanup();
  }
  console.log(JSON.stringify(figures));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
