import { type Job, type RecordOutcome, RecordOutcomeSchema, WorkerListQuerySchema } from '@changai/contracts';
import { parseIdNumber, provinceDate, toHalfWidth } from '@changai/domain';
import { audit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { translate } from '../../platform/http/messages.js';
import { enqueue, type JobHandler } from '../../platform/jobs.js';
import { findUpload, readUpload, storeUpload, UploadTooLargeError } from '../../platform/uploads.js';
import * as importsService from '../imports/imports.service.js';
import { type Cell, readRows, UnreadableFileError } from '../imports/read-rows.js';
import { ErrorReport } from '../imports/report-writer.js';
import * as workersService from '../workers/workers.service.js';
import { isoDate } from './carriers.service.js';
import * as trainingService from './training.service.js';

export const TRAINING_IMPORT_JOB = 'import.training';
const MAX_BYTES = 20 * 1024 * 1024;

/** Columns of an enrollment/result sheet, by the header names units use. */
const COLUMNS = {
  idNumber: ['身份证号', '身份证号码', '公民身份号码', 'id number'],
  name: ['姓名', 'name'],
  attendance: ['出勤率', '出勤率(%)', '出勤率（%）', 'attendance'],
  completed: ['是否结业', '结业', 'completed'],
  result: ['考核结果', '鉴定结果', 'result'],
  score: ['成绩', '考核成绩', 'score'],
  certificateNumber: ['证书编号', '证书编号/编码', 'certificate number'],
  assessedOn: ['考核日期', '鉴定日期', 'assessed on'],
} as const;
type Column = keyof typeof COLUMNS;
const LABELS: Record<Column, string> = {
  idNumber: '身份证号',
  name: '姓名',
  attendance: '出勤率',
  completed: '是否结业',
  result: '考核结果',
  score: '成绩',
  certificateNumber: '证书编号',
  assessedOn: '考核日期',
};

const text = (c: Cell | undefined) => (c instanceof Date ? isoDate(c) : c === null || c === undefined ? '' : toHalfWidth(String(c)).trim());
const YES = new Set(['是', '已结业', '结业', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', '未结业', 'n', 'no', 'false', '0']);
const RESULTS: Record<string, 'passed' | 'failed'> = {
  合格: 'passed',
  通过: 'passed',
  passed: 'passed',
  不合格: 'failed',
  未通过: 'failed',
  failed: 'failed',
};

/** Stores the sheet and queues its import into one program; the job runs with the uploader's scope. */
export async function start(
  ctx: Ctx,
  programId: string,
  openFile: () => Promise<{ stream: AsyncIterable<Buffer>; fileName: string; contentType?: string }>,
): Promise<Job> {
  // The program first: a file aimed at a program out of scope is not even read.
  const program = await trainingService.requireProgram(ctx, programId);
  const file = await openFile();
  if (ctx.actor.kind !== 'user') throw new AppError('forbidden');
  const userId = ctx.actor.userId;
  let uploadId: string;
  try {
    uploadId = (
      await storeUpload(ctx.db, file.stream, {
        fileName: file.fileName,
        contentType: file.contentType,
        uploadedBy: userId,
        maxBytes: MAX_BYTES,
      })
    ).id;
  } catch (error) {
    if (error instanceof UploadTooLargeError)
      throw new AppError('payload_too_large', 'import.file_too_large', { mb: MAX_BYTES / 1024 / 1024 });
    throw error;
  }
  const jobId = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await enqueue(trx, {
      kind: TRAINING_IMPORT_JOB,
      payload: { programId, uploadId, fileName: file.fileName },
      createdBy: userId,
      orgId: program.providerOrgId,
    });
    await audit(trx, ctx, {
      action: 'training.import_start',
      entityType: 'job',
      entityId: id,
      orgId: program.providerOrgId,
      after: { programId, uploadId, fileName: file.fileName },
    });
    return id;
  });
  return importsService.job(ctx, jobId);
}

type Counts = { processed: number; enrolled: number; updated: number; unchanged: number; rejected: number };

/**
 * Reads the sheet row by row: each good row enrolls the worker (if not yet) and records attendance,
 * completion and the assessment (a pass issues the credential); bad rows go to the xlsx error report.
 * Re-importing the same sheet changes nothing.
 */
export const runTrainingImport: JobHandler = async (ctx, jobRow, report) => {
  const payload = jobRow.payload as { programId: string; uploadId: string; fileName: string };
  const counts: Counts = { processed: 0, enrolled: 0, updated: 0, unchanged: 0, rejected: 0 };
  const uploadedBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  let errors: ErrorReport | undefined;
  const reject = (rowNumber: number, column: string, reason: string, value = '', params: Record<string, string | number> = {}) => {
    errors ??= new ErrorReport(ctx.db, `培训导入错误报告-${payload.fileName.replace(/\.[^.]+$/, '')}.xlsx`, uploadedBy);
    errors.add({ rowNumber, column, value, reason: translate(reason, 'zh-CN', params) });
    counts.rejected++;
  };
  let index: Partial<Record<Column, number>> | undefined;
  let fatal: string | null = null;
  const program = await trainingService.get(ctx, payload.programId);
  const before = new Map(program.enrollments.map((e) => [e.worker.id, e]));
  // Progress as the share of the file read, as the registry import reports it.
  const bytesTotal = Number((await findUpload(ctx.db, payload.uploadId))?.sizeBytes ?? 0);
  const read = importsService.countingBytes(readUpload(ctx.db, payload.uploadId));
  const progress = (phase: string) =>
    report({ phase, ...counts, imported: counts.enrolled, bytesRead: phase === 'done' ? bytesTotal : read.bytes, bytesTotal });
  try {
    for await (const row of readRows(read.stream)) {
      const cells = row.cells.map(text);
      if (!index) {
        if (cells.every((c) => !c)) continue;
        const found: Partial<Record<Column, number>> = {};
        for (const [column, aliases] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
          // The template marks required columns with an asterisk.
          const i = cells.map((c) => c.replace(/\*$/, '')).findIndex((c) => aliases.includes(c.toLowerCase()) || aliases.includes(c));
          if (i >= 0) found[column] = i;
        }
        if (found.idNumber === undefined) {
          fatal = 'training.import_no_id_column';
          break;
        }
        index = found;
        continue;
      }
      if (cells.every((c) => !c)) continue;
      counts.processed++;
      const cell = (column: Column) => (index?.[column] === undefined ? '' : (cells[index[column] as number] ?? ''));
      const rawId = cell('idNumber');
      const id = parseIdNumber(rawId, provinceDate(ctx.now()));
      if (!id.ok) {
        reject(row.rowNumber, LABELS.idNumber, `id_number_${id.reason}`, rawId);
        continue;
      }
      const found = await workersService.list(ctx, WorkerListQuerySchema.parse({ q: id.value, limit: 1 }));
      const worker = found.items[0];
      if (!worker) {
        reject(row.rowNumber, LABELS.idNumber, 'training.worker_not_found', rawId);
        continue;
      }
      if (cell('name') && cell('name') !== worker.name) {
        reject(row.rowNumber, LABELS.name, 'training.import_name_mismatch', cell('name'), { name: worker.name });
        continue;
      }
      const completedText = cell('completed').toLowerCase();
      const resultText = cell('result');
      const outcome: Record<string, unknown> = {};
      if (cell('attendance')) outcome.attendancePercent = Number(cell('attendance').replace('%', ''));
      if (completedText) {
        if (YES.has(completedText)) outcome.completed = true;
        else if (NO.has(completedText)) outcome.completed = false;
        else {
          reject(row.rowNumber, LABELS.completed, 'training.import_yes_no', cell('completed'));
          continue;
        }
      }
      if (resultText) {
        const result = RESULTS[resultText.toLowerCase()];
        if (!result) {
          reject(row.rowNumber, LABELS.result, 'training.import_result', resultText);
          continue;
        }
        outcome.result = result;
        outcome.completed ??= true;
        outcome.assessedOn = cell('assessedOn') || null;
        outcome.certificateNumber = cell('certificateNumber') || null;
        if (cell('score')) outcome.score = Number(cell('score'));
      }
      const parsed = RecordOutcomeSchema.safeParse(outcome);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const column = (
          { attendancePercent: 'attendance', score: 'score', assessedOn: 'assessedOn', certificateNumber: 'certificateNumber' } as Record<
            string,
            Column
          >
        )[String(issue?.path[0])];
        reject(
          row.rowNumber,
          column ? LABELS[column] : '',
          issue?.message && issue.message.length < 40 ? issue.message : 'validation_failed',
          column ? cell(column) : '',
        );
        continue;
      }
      const previous = before.get(worker.id);
      if (previous && unchanged(previous, parsed.data)) {
        counts.unchanged++;
        continue;
      }
      try {
        await ctx.db.transaction().execute(async (trx) => {
          const t = { ...ctx, db: trx };
          const enrollmentId = await trainingService.enrollmentOf(t, payload.programId, worker.id);
          if (Object.keys(outcome).length) await trainingService.recordOutcome(t, enrollmentId, parsed.data);
        });
        if (previous) counts.updated++;
        else counts.enrolled++;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const field = error.fields?.[0]?.path.replace(/^body\./, '');
        const column = field === 'certificateNumber' ? LABELS.certificateNumber : field === 'issuedOn' ? LABELS.assessedOn : '';
        reject(
          row.rowNumber,
          column,
          error.fields?.[0]?.message && error.code === 'validation_failed' ? error.fields[0].message : error.reason,
          '',
          error.params,
        );
      }
      if (counts.processed % 20 === 0) await progress('importing');
    }
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    fatal = `import.${error.reason}`;
  }
  if (!index && !fatal) fatal = 'import.file_empty';
  const reportId = errors ? await errors.finish() : null;
  await progress('done');
  await audit(ctx.db, ctx, { action: 'training.import', entityType: 'program', entityId: payload.programId, after: { ...counts, fatal } });
  return { ...counts, imported: counts.enrolled, report: reportId, fatal };
};

/** True when the row says nothing new about an enrollment (so a re-import leaves it alone). */
function unchanged(e: trainingService.ExistingEnrollment, o: RecordOutcome) {
  if (e.result === 'passed')
    return o.result === 'passed' && (o.certificateNumber ?? '').toUpperCase() === (e.certificateNumber ?? '').toUpperCase();
  return (
    (o.attendancePercent === undefined || o.attendancePercent === e.attendancePercent) &&
    (o.completed === undefined || o.completed === (e.status === 'completed')) &&
    (o.result === undefined || o.result === e.result)
  );
}

/** The downloadable enrollment/result sheet: the columns the import reads, one example row and notes. */
export async function template(): Promise<Buffer> {
  const ExcelJS = (await import('../../platform/exceljs.js')).default;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('学员名单');
  sheet.columns = (Object.keys(LABELS) as Column[]).map((column) => ({
    header: column === 'idNumber' ? `${LABELS[column]}*` : LABELS[column],
    key: column,
    width: column === 'idNumber' || column === 'certificateNumber' ? 24 : 12,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({
    idNumber: '11010519491231002X',
    name: '董永祥',
    attendance: 95,
    completed: '是',
    result: '合格',
    score: 88,
    certificateNumber: 'S000042000001203000123',
    assessedOn: '2026-03-01',
  });
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '列', key: 'column', width: 14 },
    { header: '说明', key: 'note', width: 80 },
  ];
  notes.addRows([
    { column: '身份证号', note: '必填。学员须为您管辖范围内的在库职工；未报名的职工会自动报名（不超过名额）。' },
    { column: '姓名', note: '可选；填写时须与库中姓名一致。' },
    { column: '出勤率', note: '0–100 的整数，可带 %。' },
    { column: '是否结业', note: '“是”或“否”。填写考核结果时视为已结业。' },
    { column: '考核结果', note: '“合格”或“不合格”；合格须填写证书编号和考核日期，系统据此向职工档案发放技能等级证书。' },
    { column: '重复导入', note: '同一表格重复导入不会产生重复记录；已发证的结果不能再修改。' },
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
