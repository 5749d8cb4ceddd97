import { Readable } from 'node:stream';
import type { ImportPreview, ImportResult, Job, Locale } from '@changai/contracts';
import { credentialNaturalKey, maskIdNumber, maskPhone, provinceDate } from '@changai/domain';
import { audit } from '../../platform/audit.js';
import { isPathInScope, scopeFor } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { hasMessage, translate } from '../../platform/http/messages.js';
import { enqueue, findJob, type JobHandler } from '../../platform/jobs.js';
import { findUpload, readUpload, readUploadHead, storeUpload, UploadTooLargeError } from '../../platform/uploads.js';
import * as conversionService from '../conversion/conversion.service.js';
import * as orgService from '../org/org.service.js';
import * as workersService from '../workers/workers.service.js';
import type { CredentialUpsert, WorkerInsert, WorkerUpsert } from './imports.repository.js';
import * as imports from './imports.repository.js';
import { type Cell, readRows, UnreadableFileError } from './read-rows.js';
import { ErrorReport } from './report-writer.js';
import {
  headerSignature,
  isBlankRow,
  isHeaderRow,
  type Mapping,
  parseWorkerRow,
  suggestMapping,
  WORKER_FIELD_DEFS,
  type WorkerRecord,
} from './worker-rows.js';

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
export const IMPORT_JOB = 'import.workers';
const CHUNK_ROWS = 1000;
const PROGRESS_SLICE_BYTES = 64 * 1024;
const YIELD_EVERY_ROWS = 200;
const HEADER_SEARCH_ROWS = 30;

/** Who owns uploads and remembered templates: the signed-in user and their org, or the system (CLI) at the root. */
async function owner(ctx: Ctx): Promise<{ userId: string | null; orgId: string }> {
  if (ctx.actor.kind === 'user') return { userId: ctx.actor.userId, orgId: ctx.actor.orgId };
  if (ctx.actor.kind === 'system') {
    const root = await orgService.findRoot(ctx.db);
    if (root) return { userId: null, orgId: root.id };
  }
  throw new ForbiddenError();
}

const ownsUpload = (ctx: Ctx, uploadedBy: string | null) =>
  ctx.actor.kind === 'system' ? true : ctx.actor.kind === 'user' && uploadedBy === ctx.actor.userId;

const SAMPLE_ROWS = 3;

/** A sample cell as the mapping step may show it: long digit runs (ID numbers, phones) masked. */
function sampleCell(cell: Cell): string {
  const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? '');
  return text.replace(/\d{7,}[\dXx]?/g, (digits) => (digits.length >= 15 ? maskIdNumber(digits) : maskPhone(digits))).slice(0, 60);
}

/** Finds the header row among the first rows of the file, and the data rows after it. */
async function readHeader(source: Readable) {
  let seen = 0;
  let header: { headerRow: number; headers: Cell[]; samples: string[][] } | undefined;
  for await (const row of readRows(source)) {
    if (header) {
      if (!isBlankRow(row.cells)) header.samples.push(Array.from(row.cells, sampleCell));
      if (header.samples.length >= SAMPLE_ROWS) break;
    } else if (isHeaderRow(row.cells)) header = { headerRow: row.rowNumber, headers: row.cells, samples: [] };
    else if (++seen >= HEADER_SEARCH_ROWS) break;
  }
  return header;
}

/** Stores the upload (streamed), finds its header row and proposes a column mapping. */
export async function upload(
  ctx: Ctx,
  file: { stream: AsyncIterable<Buffer>; fileName: string; contentType?: string },
): Promise<ImportPreview> {
  scopeFor(ctx.actor, 'workers:import');
  const actor = await owner(ctx);
  let stored: { id: string; sizeBytes: number };
  try {
    stored = await storeUpload(ctx.db, file.stream, {
      fileName: file.fileName,
      contentType: file.contentType,
      uploadedBy: actor.userId,
      maxBytes: MAX_UPLOAD_BYTES,
    });
  } catch (error) {
    if (error instanceof UploadTooLargeError)
      throw new AppError('payload_too_large', 'import.file_too_large', { mb: MAX_UPLOAD_BYTES / 1024 / 1024 });
    throw error;
  }
  return preview(ctx, stored.id);
}

export async function preview(ctx: Ctx, uploadId: string): Promise<ImportPreview> {
  scopeFor(ctx.actor, 'workers:import');
  const actor = await owner(ctx);
  const upload = await findUpload(ctx.db, uploadId);
  if (!upload || !ownsUpload(ctx, upload.uploadedBy) || !upload.isComplete) throw new NotFoundError('upload');
  let header: Awaited<ReturnType<typeof readHeader>>;
  try {
    header = await readHeader(readUpload(ctx.db, uploadId));
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new ValidationError([{ path: 'file', message: error.reason }], error.reason);
    throw error;
  }
  if (!header) throw new ValidationError([{ path: 'file', message: 'import.no_header' }], 'import.no_header');
  // Array.from: spreadsheet rows can be sparse, and holes must become empty strings.
  const headers = Array.from(header.headers, (h) => (h === null || h === undefined ? '' : String(h)));
  const remembered = await imports.findTemplate(ctx.db, actor.orgId, 'workers', headerSignature(header.headers));
  const mapping = (remembered?.mapping as Mapping | undefined) ?? suggestMapping(header.headers).mapping;
  const head = await readUploadHead(ctx.db, uploadId);
  return {
    uploadId,
    fileName: upload.fileName,
    sizeBytes: Number(upload.sizeBytes),
    format: head.subarray(0, 2).toString() === 'PK' ? 'xlsx' : 'csv',
    headerRow: header.headerRow,
    headers,
    mapping: mapping as Record<string, number>,
    fields: WORKER_FIELD_DEFS.map((d) => ({ field: d.field, required: d.required, label: d.zh })),
    isRemembered: remembered !== undefined,
    samples: header.samples,
  };
}

/** Checks the mapping, remembers it for this header layout, and queues the import job. */
export async function start(ctx: Ctx, uploadId: string, mapping: Record<string, number>): Promise<Job> {
  const actor = await owner(ctx);
  const info = await preview(ctx, uploadId);
  const fields: string[] = WORKER_FIELD_DEFS.map((d) => d.field);
  const problems = [
    ...Object.keys(mapping)
      .filter((f) => !fields.includes(f))
      .map((f) => ({ path: `body.mapping.${f}`, message: 'import.unknown_field' })),
    ...Object.entries(mapping)
      .filter(([, i]) => i >= info.headers.length)
      .map(([f]) => ({ path: `body.mapping.${f}`, message: 'import.no_such_column' })),
    ...WORKER_FIELD_DEFS.filter((d) => d.required && mapping[d.field] === undefined).map((d) => ({
      path: `body.mapping.${d.field}`,
      message: 'import.required_field',
    })),
  ];
  if (problems.length) throw new ValidationError(problems);
  const jobId = await ctx.db.transaction().execute(async (trx) => {
    await imports.saveTemplate(trx, {
      orgId: actor.orgId,
      kind: 'workers',
      signature: headerSignature(info.headers),
      mapping,
      userId: actor.userId,
      now: ctx.now(),
    });
    const { id } = await enqueue(trx, {
      kind: IMPORT_JOB,
      payload: { uploadId, mapping, headerRow: info.headerRow, fileName: info.fileName },
      createdBy: actor.userId,
      orgId: actor.orgId,
    });
    await audit(trx, ctx, {
      action: 'import.start',
      entityType: 'job',
      entityId: id,
      orgId: actor.orgId,
      after: { fileName: info.fileName, uploadId },
    });
    return id;
  });
  return job(ctx, jobId);
}

/** A job's state, its messages in the reader's language. */
export async function job(ctx: Ctx, jobId: string, locale: Locale = 'zh-CN'): Promise<Job> {
  scopeFor(ctx.actor, 'jobs:read');
  const row = await findJob(ctx.db, jobId);
  if (!row) throw new NotFoundError('job');
  const own = ctx.actor.kind === 'system' || (ctx.actor.kind === 'user' && row.createdBy === ctx.actor.userId);
  // Someone else's job is visible to whoever may read jobs of its org.
  if (!own) {
    if (!row.orgId) throw new NotFoundError('job');
    await orgService.requireOrg(ctx, row.orgId, 'jobs:read').catch(() => {
      throw new NotFoundError('job');
    });
  }
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as Job['status'],
    progress: { processed: 0, ...(row.progress as object) } as Job['progress'],
    result: localizeResult(row.result, locale),
    // Failures other than known reasons may carry internal detail: the log has it, the reader gets a plain message.
    error: row.error ? translate(hasMessage(row.error) ? row.error : 'job_failed', locale) : null,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

function localizeResult(result: unknown, locale: Locale) {
  if (!result || typeof result !== 'object') return result ?? null;
  const r = result as { fatal?: string | null };
  return r.fatal ? { ...r, fatalMessage: translate(r.fatal, locale) } : result;
}

/** A stored file (an error report) for the user it belongs to. */
export async function download(ctx: Ctx, uploadId: string) {
  const upload = await findUpload(ctx.db, uploadId);
  if (!upload || !ownsUpload(ctx, upload.uploadedBy) || !upload.isComplete) throw new NotFoundError('upload');
  return { fileName: upload.fileName, contentType: upload.contentType, stream: readUpload(ctx.db, uploadId) };
}

type Counts = { imported: number; updated: number; unchanged: number; rejected: number; processed: number };
type Pending = { rowNumber: number; record: WorkerRecord };

/**
 * The import job: streams the file, validates every row, and writes good rows in chunks of
 * CHUNK_ROWS, each in its own transaction (a crash loses at most the chunk in flight; re-running
 * is safe because every write is an idempotent upsert).
 */
export const runWorkerImport: JobHandler = async (ctx, jobRow, report) => {
  const payload = jobRow.payload as { uploadId: string; mapping: Mapping; headerRow: number; fileName: string };
  const today = provinceDate(ctx.now());
  const counts: Counts = { imported: 0, updated: 0, unchanged: 0, rejected: 0, processed: 0 };
  const uploadedBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  let errors: ErrorReport | undefined;
  const reject = (rowNumber: number, column: string, reason: string, value = '') => {
    errors ??= new ErrorReport(ctx.db, `导入错误报告-${payload.fileName.replace(/\.[^.]+$/, '')}.xlsx`, uploadedBy);
    errors.add({ rowNumber, column, value, reason: translate(reason, 'zh-CN') });
  };
  const employers = new EmployerCache(ctx);
  // Progress as the share of the file read: known from the start, unlike the number of rows.
  const bytesTotal = Number((await findUpload(ctx.db, payload.uploadId))?.sizeBytes ?? 0);
  const read = countingBytes(readUpload(ctx.db, payload.uploadId));
  let headers: Cell[] = [];
  let pending: Pending[] = [];
  let fatal: string | null = null;

  // One chunk is written while the next one is parsed (on PostgreSQL the database works in its own
  // process meanwhile); chunks are still written one at a time, in file order.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const batch = pending;
    pending = [];
    await writing;
    writing = (async () => {
      if (batch.length) await writeChunk(ctx, jobRow.id, batch, employers, counts, reject);
      await report({ phase: 'importing', ...counts, bytesRead: read.bytes, bytesTotal });
    })();
    // Handled when awaited above or below; this keeps a failure from counting as unhandled meanwhile.
    writing.catch(() => {});
  };

  try {
    for await (const row of readRows(read.stream)) {
      if (row.rowNumber < payload.headerRow) continue;
      if (row.rowNumber === payload.headerRow) {
        headers = row.cells;
        continue;
      }
      if (isBlankRow(row.cells)) continue;
      counts.processed++;
      // Rows arrive as microtasks: let the server answer its requests now and then, even in a file of bad rows.
      if (counts.processed % YIELD_EVERY_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
      const parsed = parseWorkerRow(row.cells, payload.mapping, headers, today);
      if (!parsed.record) {
        counts.rejected++;
        for (const e of parsed.errors) reject(row.rowNumber, e.column, e.reason, e.value);
        continue;
      }
      pending.push({ rowNumber: row.rowNumber, record: parsed.record });
      if (pending.length >= CHUNK_ROWS) await flush();
    }
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) {
      await writing.catch(() => {});
      throw error;
    }
    fatal = error.reason;
  }
  await flush();
  await writing;
  if (fatal) reject(counts.processed + payload.headerRow + 1, '', fatal);
  const reportId = errors ? await errors.finish() : null;
  const result: ImportResult = {
    imported: counts.imported,
    updated: counts.updated,
    unchanged: counts.unchanged,
    rejected: counts.rejected,
    report: reportId,
    fatal,
    fatalMessage: fatal ? translate(fatal, 'zh-CN') : null,
  };
  await ctx.db
    .transaction()
    .execute((trx) =>
      audit(trx, ctx, { action: 'import.finish', entityType: 'job', entityId: jobRow.id, orgId: jobRow.orgId, after: result }),
    );
  await report({ phase: 'done', ...counts, bytesRead: bytesTotal, bytesTotal });
  return result;
};

/** The source, counting the bytes the reader has taken so far (for a progress bar). */
export function countingBytes(source: Readable) {
  const counter = { bytes: 0, stream: source };
  counter.stream = Readable.from(
    (async function* () {
      // In slices, so the count follows the parser rather than the 1 MiB chunks the file is stored in.
      for await (const chunk of source as AsyncIterable<Buffer>) {
        for (let at = 0; at < chunk.length; at += PROGRESS_SLICE_BYTES) {
          const slice = chunk.subarray(at, at + PROGRESS_SLICE_BYTES);
          counter.bytes += slice.length;
          yield slice;
        }
      }
    })(),
  );
  return counter;
}

/** Employers named in the file, resolved once each within the actor's reach. */
class EmployerCache {
  #byKey = new Map<string, orgService.ResolvedOrg | 'ambiguous' | null>();
  constructor(private readonly ctx: Ctx) {}

  async load(records: WorkerRecord[]) {
    const codes = new Set<string>();
    const names = new Set<string>();
    const creditCodes = new Set<string>();
    for (const { employer } of records) {
      if (employer.creditCode && !this.#byKey.has(`c:${employer.creditCode}`)) creditCodes.add(employer.creditCode);
      else if (employer.code && !this.#byKey.has(`o:${employer.code}`)) codes.add(employer.code);
      else if (employer.name && !this.#byKey.has(`n:${employer.name}`)) names.add(employer.name);
    }
    if (codes.size + names.size + creditCodes.size === 0) return;
    const found = await orgService.resolveOrgs(
      this.ctx,
      { codes: [...codes], names: [...names], creditCodes: [...creditCodes] },
      'workers:import',
    );
    for (const code of creditCodes) this.#byKey.set(`c:${code}`, found.find((o) => o.creditCode === code) ?? null);
    for (const code of codes) this.#byKey.set(`o:${code}`, found.find((o) => o.code === code) ?? null);
    for (const name of names) {
      const matches = found.filter((o) => o.name === name);
      this.#byKey.set(`n:${name}`, matches.length > 1 ? 'ambiguous' : (matches[0] ?? null));
    }
  }

  get(employer: WorkerRecord['employer']): orgService.ResolvedOrg | 'ambiguous' | 'missing' | null {
    if (employer.creditCode) return this.#byKey.get(`c:${employer.creditCode}`) ?? null;
    if (employer.code) return this.#byKey.get(`o:${employer.code}`) ?? null;
    if (employer.name) return this.#byKey.get(`n:${employer.name}`) ?? null;
    return 'missing';
  }
}

type Reject = (rowNumber: number, column: string, reason: string, value?: string) => void;
type Ready = Pending & { orgId: string; regionCode: string; hash: string };

async function writeChunk(ctx: Ctx, jobId: string, batch: Pending[], employers: EmployerCache, counts: Counts, reject: Reject) {
  await employers.load(batch.map((p) => p.record));
  const ready: Ready[] = [];
  for (const p of batch) {
    const employer = employers.get(p.record.employer);
    if (employer === 'missing') reject(p.rowNumber, '工作单位', 'import.employer_required');
    else if (employer === 'ambiguous') reject(p.rowNumber, '工作单位', 'import.employer_ambiguous', p.record.employer.name);
    else if (!employer?.isActive || !employer.regionCode)
      reject(
        p.rowNumber,
        '工作单位',
        'import.employer_not_found',
        p.record.employer.name ?? p.record.employer.code ?? p.record.employer.creditCode,
      );
    else {
      ready.push({ ...p, orgId: employer.id, regionCode: employer.regionCode, hash: ctx.cipher.blindIndex(p.record.idNumber) });
      continue;
    }
    counts.rejected++;
  }
  // A person someone else inserted between our lookup and our insert: roll back and write the chunk again.
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await writeReady(ctx, jobId, ready);
      for (const r of outcome.outOfScope) reject(r.rowNumber, '身份证号', 'import.worker_outside_scope');
      counts.rejected += outcome.outOfScope.length;
      counts.imported += outcome.imported;
      counts.updated += outcome.updated;
      counts.unchanged += outcome.unchanged;
      return;
    } catch (error) {
      if (!(error instanceof RacedInsert) || attempt >= 3) throw error;
    }
  }
}

class RacedInsert extends Error {}

/**
 * One transaction: updates the people already registered (when they are within the actor's reach),
 * inserts the new ones with their derived levels computed here, then upserts every credential.
 */
async function writeReady(ctx: Ctx, jobId: string, ready: Ready[]) {
  const scope = scopeFor(ctx.actor, 'workers:import');
  const existing = new Map(
    (
      await imports.findWorkersByHash(
        ctx.db,
        ready.map((r) => r.hash),
      )
    ).map((w) => [w.idNumberHash, w]),
  );
  const outOfScope = ready.filter((r) => {
    const known = existing.get(r.hash);
    return known && !isPathInScope(scope, known.orgPath);
  });
  const accepted = outOfScope.length ? ready.filter((r) => !outOfScope.includes(r)) : ready;
  // The last row for a person wins within a chunk; their credentials from every row are kept.
  const byHash = new Map<string, Ready>();
  for (const r of accepted) byHash.set(r.hash, r);
  const ids = new Map<string, string>();
  const fresh = new Set<string>();
  for (const hash of byHash.keys()) {
    const known = existing.get(hash);
    const id = known?.id ?? crypto.randomUUID();
    ids.set(hash, id);
    if (!known) fresh.add(id);
  }
  const credentialRows = new Map<string, CredentialUpsert>();
  for (const r of accepted) {
    const workerId = ids.get(r.hash) as string;
    for (const c of r.record.credentials) {
      const naturalKey = credentialNaturalKey(c);
      const levelRank = workersService.levelRank(c.kind, c.levelCode);
      credentialRows.set(`${workerId}|${c.kind}|${naturalKey}`, { ...c, workerId, regionCode: r.regionCode, naturalKey, levelRank });
    }
  }
  const credentialsOf = new Map<string, CredentialUpsert[]>();
  for (const c of credentialRows.values()) credentialsOf.set(c.workerId, [...(credentialsOf.get(c.workerId) ?? []), c]);
  const toUpdate: WorkerUpsert[] = [];
  const toInsert: WorkerInsert[] = [];
  for (const r of byHash.values()) {
    const id = ids.get(r.hash) as string;
    if (fresh.has(id)) toInsert.push({ ...workerRow(ctx, r), id, ...workersService.derivedOf(credentialsOf.get(id) ?? []) });
    else toUpdate.push(workerRow(ctx, r));
  }
  const stored = [...credentialRows.values()].filter((c) => !fresh.has(c.workerId));
  return ctx.db.transaction().execute(async (trx) => {
    // Each worker's conversion facts are recomputed once, below, instead of after every statement.
    await conversionService.deferFacts(trx);
    const updatedWorkers = await imports.updateWorkers(trx, toUpdate, jobId, ctx.now());
    const insertedWorkers = await imports.insertWorkers(trx, toInsert, jobId, ctx.now());
    if (insertedWorkers.size < toInsert.length) throw new RacedInsert();
    const updatedCredentials = await imports.updateCredentials(trx, stored, jobId, ctx.now());
    const insertedCredentials = await imports.insertCredentials(trx, [...credentialRows.values()], jobId, ctx.now());
    const rederive = new Set<string>();
    for (const key of [...insertedCredentials, ...updatedCredentials]) {
      const workerId = key.slice(0, key.indexOf('|'));
      if (!fresh.has(workerId)) rederive.add(workerId);
    }
    await workersService.refreshDerived({ ...ctx, db: trx }, [...rederive]);
    const touched = new Set([...insertedWorkers, ...updatedWorkers].map((hash) => ids.get(hash) as string));
    for (const key of [...insertedCredentials, ...updatedCredentials]) touched.add(key.slice(0, key.indexOf('|')));
    // The people this chunk created hold exactly the credentials it wrote for them.
    const created = toInsert.map((w) => ({
      ...w,
      isFrontline: w.isFrontline ?? false,
      credentials: (credentialsOf.get(w.id) ?? []).map((c) => ({ ...c, name: null, status: 'valid' as const })),
    }));
    await conversionService.refreshFactsOf(trx, [...touched], created);
    // A row counts by the first change it brought; a repeated row (same person, same credential) counts as unchanged.
    const outcome = { outOfScope, imported: 0, updated: 0, unchanged: 0 };
    const claimed = new Set<string>();
    const claim = (key: string, changed: Set<string>) => {
      if (!changed.has(key) || claimed.has(key)) return false;
      claimed.add(key);
      return true;
    };
    for (const r of accepted) {
      const workerId = ids.get(r.hash) as string;
      const keys = r.record.credentials.map((c) => `${workerId}|${c.kind}|${credentialNaturalKey(c)}`);
      const inserted = [claim(r.hash, insertedWorkers), ...keys.map((k) => claim(k, insertedCredentials))].some(Boolean);
      const updated = [claim(r.hash, updatedWorkers), ...keys.map((k) => claim(k, updatedCredentials))].some(Boolean);
      if (inserted) outcome.imported++;
      else if (updated) outcome.updated++;
      else outcome.unchanged++;
    }
    return outcome;
  });
}

function workerRow(ctx: Ctx, { record, orgId, regionCode, hash }: Ready): WorkerUpsert {
  return {
    idNumberHash: hash,
    idNumberEnc: ctx.cipher.encrypt(record.idNumber),
    orgId,
    regionCode,
    name: record.name,
    namePinyin: record.namePinyin,
    nameInitials: record.nameInitials,
    gender: record.gender,
    birthDate: record.birthDate,
    phoneEnc: record.phone ? ctx.cipher.encrypt(record.phone) : null,
    phoneHash: record.phone ? ctx.cipher.blindIndex(record.phone) : null,
    occupationCode: record.occupationCode,
    industryDivision: record.industryDivision,
    isFrontline: record.isFrontline,
    isUnionMember: record.isUnionMember,
    employedFrom: record.employedFrom,
  };
}

/** The downloadable template: every column with its Chinese header and one example row. */
export async function template(): Promise<Buffer> {
  const ExcelJS = (await import('../../platform/exceljs.js')).default;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('职工信息');
  sheet.columns = WORKER_FIELD_DEFS.map((d) => ({
    header: d.required ? `${d.zh}*` : d.zh,
    key: d.field,
    width: Math.max(12, d.zh.length * 2 + 4),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({
    name: '董永祥',
    idNumber: '11010519491231002X',
    gender: '女',
    birthDate: '1949-12-31',
    phone: '13812345678',
    employerName: '宝武集团武汉钢铁有限公司',
    occupationCode: '6-18-01-01',
    industryDivision: '31',
    isFrontline: '是',
    isUnionMember: '是',
    employedFrom: '2010-07-01',
    skillLevel: '高级工',
    certificateNumber: 'S000042000001203000123',
    certificateDate: '2020-10-01',
    issuer: '湖北省职业技能鉴定指导中心',
  });
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '列', key: 'column', width: 18 },
    { header: '说明', key: 'note', width: 80 },
  ];
  notes.addRows([
    { column: '*', note: '带 * 的列必填；列的顺序和名称可以不同，上传后可调整对应关系，系统会记住同一表头格式。' },
    { column: '身份证号', note: '18 位公民身份号码（15 位旧号自动升位），校验位、出生日期和性别会被核对。' },
    { column: '工作单位', note: '填写单位名称、单位代码或统一社会信用代码之一，须在您的管辖范围内。' },
    { column: '日期', note: '支持 2020-10-01、2020/10/1、2020年10月1日和 Excel 日期。' },
    {
      column: '职业技能等级',
      note: '学徒工、初级工（五级）、中级工（四级）、高级工（三级）、技师（二级）、高级技师（一级）、特级技师、首席技师。',
    },
    { column: '职称', note: '员级、助理级、中级、副高级、正高级，或工程师、高级工程师等系列名称。' },
    { column: '重复导入', note: '同一身份证号与证书编号重复导入不会产生重复记录。' },
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
