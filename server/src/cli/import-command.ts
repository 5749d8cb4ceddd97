import fs from 'node:fs';
import path from 'node:path';
import type { ImportResult } from '@changai/contracts';
import { jobHandlers } from '../jobs.js';
import { systemCtx } from '../main.js';
import * as importsService from '../modules/imports/imports.service.js';
import * as usersService from '../modules/users/users.service.js';
import { loadActor } from '../platform/auth/sessions.js';
import type { Ctx } from '../platform/context.js';
import { JobRunner } from '../platform/jobs.js';
import type { Runtime } from '../platform/runtime.js';
import { readUpload } from '../platform/uploads.js';

/**
 * `changai import workers FILE`: the same path as the web (upload, mapping, job), run in this process
 * with progress on the console. The error report is written next to the file.
 */
export async function runImport(runtime: Runtime, file: string, opts: { as?: string; json?: boolean }) {
  let ctx: Ctx = systemCtx(runtime, 'cli');
  if (opts.as) {
    const actor = await loadActor(ctx.db, await usersService.findIdByUsername(ctx, opts.as));
    if (!actor) throw new Error(`User ${opts.as} is not active`);
    ctx = { ...ctx, actor };
  }
  if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
  const preview = await importsService.upload(ctx, { stream: fs.createReadStream(file), fileName: path.basename(file) });
  const job = await importsService.start(ctx, preview.uploadId, preview.mapping);
  const runner = new JobRunner({ db: ctx.db, cipher: ctx.cipher, log: ctx.log, handlers: jobHandlers(runtime.database), pollMs: 100 });
  const progress = setInterval(async () => {
    const current = await importsService.job(ctx, job.id).catch(() => undefined);
    if (!current) return;
    const line = opts.json ? JSON.stringify({ progress: current.progress }) : progressBar(current.progress);
    process.stderr.write(`${line}\n`);
  }, 1000);
  try {
    while (await runner.runOnce()) {}
  } finally {
    clearInterval(progress);
  }
  const done = await importsService.job(ctx, job.id);
  if (done.status !== 'succeeded') throw new Error(`Import failed: ${done.error ?? done.status}`);
  const result = done.result as ImportResult;
  let reportFile: string | null = null;
  if (result.report) {
    reportFile = path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.errors.xlsx`);
    await new Promise<void>((resolve, reject) => {
      readUpload(ctx.db, result.report as string)
        .pipe(fs.createWriteStream(reportFile as string))
        .on('finish', resolve)
        .on('error', reject);
    });
  }
  return {
    imported: result.imported,
    updated: result.updated,
    unchanged: result.unchanged,
    rejected: result.rejected,
    report: reportFile,
    fatal: result.fatal,
  };
}

/** "  [#########-----------]  45%  12,000 rows": the share of the file read, and the rows so far. */
export function progressBar(progress: { processed: number; bytesRead?: number; bytesTotal?: number }, width = 30): string {
  const rows = `${progress.processed.toLocaleString('en')} rows`;
  if (!progress.bytesTotal) return `  … ${rows}`;
  const share = Math.min(1, (progress.bytesRead ?? 0) / progress.bytesTotal);
  const filled = Math.round(share * width);
  return `  [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${rows}`;
}
