import {
  EnrollmentSchema,
  ErrorBodySchema,
  JobSchema,
  ProgramDetailSchema,
  ProgramPageSchema,
  WorkerDetailSchema,
} from '@changai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber, makeOrg, makeUser, makeWorker, orgByCode } from '../../../test/factories.js';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import ExcelJS, { type ExcelBuffer } from '../../platform/exceljs.js';

let t: TestApp;
let hr: Client;
let otherHr: Client;
let enterpriseId: string;
const workers: { id: string; name: string; idNumber: string }[] = [];
let strangerId: string;

beforeAll(async () => {
  t = await createTestApp();
  const wuhan = await orgByCode(t.system, '420100');
  const yichang = await orgByCode(t.system, '420500');
  const enterprise = await makeOrg(t.system, { parentId: wuhan.id, name: '武汉培训测试企业' });
  enterpriseId = enterprise.id;
  const elsewhere = await makeOrg(t.system, { parentId: yichang.id });
  hr = await signIn(t.app, (await makeUser(t.system, { orgId: enterprise.id, role: 'enterprise_hr' })).username);
  otherHr = await signIn(t.app, (await makeUser(t.system, { orgId: elsewhere.id, role: 'enterprise_hr' })).username);
  for (const name of ['赵一', '钱二', '孙三', '李四', '周五']) {
    const idNumber = makeIdNumber('420107');
    workers.push({ id: (await makeWorker(t.system, { orgId: enterprise.id, name, idNumber })).id, name, idNumber });
  }
  strangerId = (await makeWorker(t.system, { orgId: elsewhere.id })).id;
});
afterAll(() => t.close());

const program = (over: Record<string, unknown> = {}) => ({
  title: '焊工（高级工）培训班',
  occupationCode: '6-18-02-04',
  targetLevel: 'senior',
  providerOrgId: enterpriseId,
  mode: 'onsite',
  startsOn: '2026-01-05',
  endsOn: '2026-02-20',
  capacity: 4,
  funding: 'enterprise',
  isFree: false,
  ...over,
});

async function workbook(rows: (string | number | Date)[][]) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('学员');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(fileName: string, content: Buffer) {
  const boundary = '----changai-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('training programs', () => {
  it('enrolls registry workers, records completion and issues the skill level on a pass', async () => {
    const created = await hr.post('/api/v1/training/programs', program());
    expect(created.statusCode, created.body).toBe(201);
    const p = ProgramDetailSchema.parse(created.json());
    const enrolled = ProgramDetailSchema.parse(
      (await hr.post(`/api/v1/training/programs/${p.id}/enrollments`, { workerIds: [workers[0]?.id, workers[1]?.id] })).json(),
    );
    expect(enrolled.enrolled).toBe(2);
    const first = enrolled.enrollments.find((e) => e.worker.name === '赵一');
    // No assessment before completion.
    const early = await hr.post(`/api/v1/training/enrollments/${first?.id}/outcome`, {
      result: 'passed',
      assessedOn: '2026-02-25',
      certificateNumber: 'S000142420100263000001',
    });
    expect(early.statusCode).toBe(422);
    // A pass without a certificate number is refused.
    const noNumber = await hr.post(`/api/v1/training/enrollments/${first?.id}/outcome`, {
      completed: true,
      result: 'passed',
      assessedOn: '2026-02-25',
    });
    expect(noNumber.statusCode).toBe(422);
    const passed = await hr.post(`/api/v1/training/enrollments/${first?.id}/outcome`, {
      attendancePercent: 96,
      completed: true,
      result: 'passed',
      score: 88,
      assessedOn: '2026-02-25',
      certificateNumber: 'S000142420100263000001',
    });
    expect(passed.statusCode, passed.body).toBe(200);
    const e = EnrollmentSchema.parse(passed.json());
    expect(e).toMatchObject({ status: 'completed', result: 'passed', score: 88 });
    const worker = WorkerDetailSchema.parse((await hr.get(`/api/v1/workers/${workers[0]?.id}`)).json());
    const credential = worker.credentials.find((c) => c.id === e.credentialId);
    expect(credential).toMatchObject({
      kind: 'skill_level',
      levelCode: 'senior',
      source: 'training',
      occupationCode: '6-18-02-04',
      issuedOn: '2026-02-25',
    });
    expect(worker.highestSkillLevel).toBe('senior');
    // The result is final once the credential is issued.
    expect(
      (await hr.post(`/api/v1/training/enrollments/${first?.id}/outcome`, { result: 'failed', assessedOn: '2026-02-26' })).statusCode,
    ).toBe(409);
  });

  it('keeps to the capacity and to workers within scope', async () => {
    const p = ProgramDetailSchema.parse(
      (await hr.post('/api/v1/training/programs', program({ capacity: 2, mode: 'online', isFree: true, funding: 'government' }))).json(),
    );
    const outside = await hr.post(`/api/v1/training/programs/${p.id}/enrollments`, { workerIds: [strangerId] });
    expect(outside.statusCode).toBe(400);
    expect(ErrorBodySchema.parse(outside.json()).error.fields?.[0]?.path).toBe('body.workerIds.0');
    const full = await hr.post(`/api/v1/training/programs/${p.id}/enrollments`, { workerIds: workers.slice(0, 3).map((w) => w.id) });
    expect(full.statusCode).toBe(422);
    expect(ProgramDetailSchema.parse((await hr.get(`/api/v1/training/programs/${p.id}`)).json()).enrolled).toBe(0);
    expect((await otherHr.get(`/api/v1/training/programs/${p.id}`)).statusCode).toBe(404);
    const page = ProgramPageSchema.parse((await hr.get('/api/v1/training/programs?isFree=true')).json());
    expect(page.items.map((i) => i.id)).toEqual([p.id]);
    expect(page.totals.freeOnline).toBe(1);
  });

  it('imports enrollments and results from xlsx, reports bad rows, and re-imports to no change', async () => {
    const p = ProgramDetailSchema.parse((await hr.post('/api/v1/training/programs', program({ capacity: 10 }))).json());
    const [, , w3, w4, w5] = workers;
    const file = await workbook([
      ['序号', '姓名', '身份证号', '出勤率', '是否结业', '考核结果', '成绩', '证书编号', '考核日期'],
      [1, w3?.name ?? '', w3?.idNumber ?? '', 95, '是', '合格', 90, 'S000142420100263000003', new Date(Date.UTC(2026, 1, 26))],
      [2, w4?.name ?? '', w4?.idNumber ?? '', 80, '是', '不合格', 52, '', new Date(Date.UTC(2026, 1, 26))],
      [3, w5?.name ?? '', w5?.idNumber ?? '', 60, '否'],
      [4, '查无此人', '420106197001010011', 90, '是'],
      [5, '错号', '42010619700101001X', 90, '是'],
      [6, '张冠李戴', w5?.idNumber ?? '', 90, '是'],
    ]);
    const run = async () => {
      const res = await hr.request({
        method: 'POST',
        url: `/api/v1/training/programs/${p.id}/import`,
        ...multipart('学员名单.xlsx', file),
      });
      expect(res.statusCode, res.body).toBe(202);
      await t.runJobs();
      return JobSchema.parse((await hr.get(`/api/v1/jobs/${res.json().id}`)).json());
    };
    const job = await run();
    expect(job.status).toBe('succeeded');
    const result = job.result as { enrolled: number; rejected: number; unchanged: number; report: string };
    expect(result).toMatchObject({ enrolled: 3, rejected: 3, unchanged: 0 });
    const reportRes = await hr.get(`/api/v1/uploads/${result.report}/content`);
    expect(reportRes.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(reportRes.rawPayload as unknown as ExcelBuffer);
    const lines: string[] = [];
    wb.worksheets[0]?.eachRow((row) => lines.push((row.values as unknown[]).slice(1).join('|')));
    expect(lines.slice(1).map((l) => l.split('|')[0])).toEqual(['5', '6', '7']);
    expect(lines.join('\n')).toContain('校验位');
    expect(lines.join('\n')).toContain('不一致');

    const detail = ProgramDetailSchema.parse((await hr.get(`/api/v1/training/programs/${p.id}`)).json());
    expect(detail.enrollments.map((e) => [e.worker.name, e.status, e.result, e.source])).toEqual([
      ['周五', 'enrolled', null, 'import'],
      ['孙三', 'completed', 'passed', 'import'],
      ['李四', 'completed', 'failed', 'import'],
    ]);
    const again = (await run()).result as { enrolled: number; updated: number; unchanged: number };
    expect(again).toMatchObject({ enrolled: 0, updated: 0, unchanged: 3 });
  });
});
