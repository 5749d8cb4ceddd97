import { hostname } from 'node:os';
import { sql } from 'kysely';
import { loadActor } from './auth/sessions.js';
import type { Ctx, Logger } from './context.js';
import type { DataCipher } from './crypto.js';
import type { Db } from './db/database.js';
import { advanceSetting } from './settings.js';

export type JobRow = { id: string; kind: string; payload: unknown; createdBy: string | null; orgId: string | null; attempts: number };

export type JobProgress = { processed: number; total?: number; phase?: string; [key: string]: unknown };

/** A job handler runs with the context of the user who queued it, so it is bound by their scope. */
export type JobHandler = (ctx: Ctx, job: JobRow, report: (progress: JobProgress) => Promise<void>) => Promise<unknown>;

/** A job whose worker stopped sending heartbeats this long ago is taken over by another instance. */
const STALE_AFTER_MS = 2 * 60_000;
const MAX_ATTEMPTS = 3;

export async function enqueue(db: Db, input: { kind: string; payload: unknown; createdBy?: string | null; orgId?: string | null }) {
  return db
    .insertInto('jobs')
    .values({ kind: input.kind, payload: JSON.stringify(input.payload), createdBy: input.createdBy ?? null, orgId: input.orgId ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Claims the oldest runnable job of the given kinds; safe with many instances (SKIP LOCKED). */
export async function claimNext(db: Db, kinds: string[], workerId: string, now: Date): Promise<JobRow | undefined> {
  if (kinds.length === 0) return undefined;
  const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
  const result = await sql<JobRow>`
    update jobs set status = 'running', locked_by = ${workerId}, attempts = attempts + 1,
      started_at = coalesce(started_at, ${now}), heartbeat_at = ${now}
    where id = (
      select id from jobs
      where kind in (${sql.join(kinds)})
        and (status = 'queued' or (status = 'running' and heartbeat_at < ${staleBefore}))
        and attempts < ${MAX_ATTEMPTS}
      order by created_at
      for update skip locked
      limit 1)
    returning id, kind, payload, created_by as "createdBy", org_id as "orgId", attempts`.execute(db);
  return result.rows[0];
}

/** A job queued every `everyMs` (e.g. the supervision sweep), once per round whichever instance gets there first. */
export type RecurringJob = { kind: string; everyMs: number };

export type JobRunnerOptions = {
  db: Db;
  cipher: DataCipher;
  log: Logger;
  handlers: Record<string, JobHandler>;
  recurring?: RecurringJob[];
  now?: () => Date;
  pollMs?: number;
};

/** Polls for jobs and runs them one at a time; every instance of the server runs one. */
export class JobRunner {
  readonly workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = false;
  #lastRound = new Map<string, number>();

  constructor(private readonly opts: JobRunnerOptions) {}

  start() {
    this.#stopped = false;
    const tick = async () => {
      if (this.#stopped) return;
      this.#running = this.runOnce().then(() => undefined);
      await this.#running;
      if (!this.#stopped) this.#timer = setTimeout(tick, this.opts.pollMs ?? 1000);
    };
    this.#timer = setTimeout(tick, 0);
  }

  async stop() {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  /** Queues each recurring job whose round has come; the round key in app_settings lets one instance win. */
  async scheduleRecurring(at: Date) {
    for (const job of this.opts.recurring ?? []) {
      const round = Math.floor(at.getTime() / job.everyMs);
      if (this.#lastRound.get(job.kind) === round) continue;
      this.#lastRound.set(job.kind, round);
      if (await advanceSetting(this.opts.db, `jobs.round.${job.kind}`, round, at)) {
        await enqueue(this.opts.db, { kind: job.kind, payload: { round } });
      }
    }
  }

  /** Runs at most one job; resolves to its id, or undefined when the queue is empty. */
  async runOnce(): Promise<string | undefined> {
    const { db, log } = this.opts;
    const now = this.opts.now ?? (() => new Date());
    await this.scheduleRecurring(now()).catch((error) => log.error({ err: error }, 'queueing recurring jobs failed'));
    const job = await claimNext(db, Object.keys(this.opts.handlers), this.workerId, now());
    if (!job) return undefined;
    const handler = this.opts.handlers[job.kind];
    try {
      const actor = job.createdBy ? await loadActor(db, job.createdBy) : undefined;
      // Never fall back to the system's reach for a user's job whose account has gone.
      if (job.createdBy && !actor) throw new Error('The user who queued this job is no longer active');
      const ctx: Ctx = { db, actor: actor ?? { kind: 'system', name: `job:${job.kind}` }, now, log, cipher: this.opts.cipher };
      let lastWrite = 0;
      const report = async (progress: JobProgress) => {
        const t = Date.now();
        if (t - lastWrite < 500 && progress.phase !== 'done') return;
        lastWrite = t;
        await db
          .updateTable('jobs')
          .set({ progress: JSON.stringify(progress), heartbeatAt: now() })
          .where('id', '=', job.id)
          .execute();
      };
      const result = await (handler as JobHandler)(ctx, job, report);
      await db
        .updateTable('jobs')
        .set({ status: 'succeeded', result: JSON.stringify(result ?? null), finishedAt: now(), lockedBy: null })
        .where('id', '=', job.id)
        .execute();
    } catch (error) {
      log.error({ err: error, job: job.id }, 'job failed');
      await db
        .updateTable('jobs')
        .set({ status: 'failed', error: error instanceof Error ? error.message : String(error), finishedAt: now(), lockedBy: null })
        .where('id', '=', job.id)
        .execute();
    }
    return job.id;
  }
}

export function findJob(db: Db, id: string) {
  return db
    .selectFrom('jobs')
    .select(['id', 'kind', 'status', 'progress', 'result', 'error', 'createdBy', 'orgId', 'createdAt', 'startedAt', 'finishedAt'])
    .where('id', '=', id)
    .executeTakeFirst();
}
