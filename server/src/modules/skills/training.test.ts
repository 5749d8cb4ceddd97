import {
  EnrollmentSchema,
  ErrorBodySchema,
  JobSchema,
  ProgramDetailSchema,
  ProgramPageSchema,
  WorkerDetailSchema,
  WorkerSkillsSchema,
} from '@changai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber, makeOrg, makeUser, makeWorker, orgByCode } from '../../../test/factories.js';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import ExcelJS, { type ExcelBuffer } from '../../platform/exceljs.js';
import * as workersService from '../workers/workers.service.js';

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
    expect(job.progress).toMatchObject({
      phase: 'done',
      processed: 6,
      imported: 3,
      rejected: 3,
      bytesRead: file.length,
      bytesTotal: file.length,
    });
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

describe('editing and closing a program', () => {
  it('corrects an open program, never below the places taken, and closes it to new trainees', async () => {
    const p = ProgramDetailSchema.parse((await hr.post('/api/v1/training/programs', program({ capacity: 3 }))).json());
    await hr.post(`/api/v1/training/programs/${p.id}/enrollments`, { workerIds: [workers[0]?.id, workers[1]?.id] });
    const tooSmall = await hr.request({ method: 'PUT', url: `/api/v1/training/programs/${p.id}`, payload: program({ capacity: 1 }) });
    expect(tooSmall.statusCode).toBe(422);
    expect(ErrorBodySchema.parse(tooSmall.json()).error.fields?.[0]?.path).toBe('body.capacity');
    const badDates = await hr.request({
      method: 'PUT',
      url: `/api/v1/training/programs/${p.id}`,
      payload: program({ startsOn: '2026-03-01', endsOn: '2026-02-01' }),
    });
    expect(badDates.statusCode).toBe(400);
    const edited = await hr.request({
      method: 'PUT',
      url: `/api/v1/training/programs/${p.id}`,
      payload: program({ title: '焊工（高级工）提升班', capacity: 2, mode: 'online', isFree: true, funding: 'union' }),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(ProgramDetailSchema.parse(edited.json())).toMatchObject({
      title: '焊工（高级工）提升班',
      capacity: 2,
      mode: 'online',
      isFree: true,
      funding: 'union',
      enrolled: 2,
    });
    expect((await otherHr.request({ method: 'PUT', url: `/api/v1/training/programs/${p.id}`, payload: program() })).statusCode).toBe(404);
    expect((await otherHr.post(`/api/v1/training/programs/${p.id}/close`)).statusCode).toBe(404);

    const closed = await hr.post(`/api/v1/training/programs/${p.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(ProgramDetailSchema.parse(closed.json()).status).toBe('closed');
    expect((await hr.post(`/api/v1/training/programs/${p.id}/close`)).statusCode).toBe(422);
    expect((await hr.post(`/api/v1/training/programs/${p.id}/enrollments`, { workerIds: [workers[2]?.id] })).statusCode).toBe(422);
    expect((await hr.request({ method: 'PUT', url: `/api/v1/training/programs/${p.id}`, payload: program() })).statusCode).toBe(422);
    // Results may still be recorded after enrollment closes.
    const enrollment = ProgramDetailSchema.parse(closed.json()).enrollments[0];
    expect((await hr.post(`/api/v1/training/enrollments/${enrollment?.id}/outcome`, { attendancePercent: 90 })).statusCode).toBe(200);
    const audit = await t.database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', p.id)
      .where('action', 'in', ['training.update_program', 'training.close_program'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['training.close_program', 'training.update_program']);
  });

  it('offers an import template whose own headers the import reads', async () => {
    const res = await hr.get('/api/v1/training/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('培训学员导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelBuffer);
    const sheet = wb.worksheets[0];
    const headers = ((sheet?.getRow(1).values ?? []) as unknown[]).slice(1).map(String);
    expect(headers).toEqual(['身份证号*', '姓名', '出勤率', '是否结业', '考核结果', '成绩', '证书编号', '考核日期']);
    // The template with the example row replaced by a real trainee imports cleanly.
    const p = ProgramDetailSchema.parse((await hr.post('/api/v1/training/programs', program({ capacity: 5 }))).json());
    const w = workers[4];
    const file = await workbook([headers, [w?.idNumber ?? '', w?.name ?? '', 100, '是']]);
    const started = await hr.request({ method: 'POST', url: `/api/v1/training/programs/${p.id}/import`, ...multipart('模板.xlsx', file) });
    expect(started.statusCode, started.body).toBe(202);
    await t.runJobs();
    const job = JobSchema.parse((await hr.get(`/api/v1/jobs/${started.json().id}`)).json());
    expect(job.result).toMatchObject({ enrolled: 1, rejected: 0 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/training/import-template' })).statusCode).toBe(401);
  });
});

describe("a worker's training, carriers and innovation on the profile", () => {
  it('lists enrollments with outcomes, carriers and achievements to those who may open the profile', async () => {
    const worker = workers[0];
    const res = await hr.get(`/api/v1/workers/${worker?.id}/skills`);
    expect(res.statusCode, res.body).toBe(200);
    const record = WorkerSkillsSchema.parse(res.json());
    const passed = record.enrollments.find((e) => e.result === 'passed');
    expect(passed).toMatchObject({ status: 'completed', certificateNumber: 'S000142420100263000001', program: { targetLevel: 'senior' } });
    expect(passed?.credentialId).toBeTruthy();

    const studio = await hr.post('/api/v1/carriers', {
      kind: 'innovation_studio',
      level: 'enterprise',
      studioType: 'craftsman',
      name: '赵一工匠创新工作室',
      hostOrgId: enterpriseId,
      leaderWorkerId: worker?.id,
      memberWorkerIds: [workers[1]?.id],
    });
    expect(studio.statusCode, studio.body).toBe(201);
    const achievement = await hr.post('/api/v1/innovation/achievements', {
      title: '焊缝自动跟踪改进',
      kind: 'innovation',
      orgId: enterpriseId,
      submittedOn: '2026-03-01',
      teamWorkerIds: [worker?.id, workers[1]?.id],
    });
    expect(achievement.statusCode, achievement.body).toBe(201);
    const after = WorkerSkillsSchema.parse((await hr.get(`/api/v1/workers/${worker?.id}/skills`)).json());
    expect(after.carriers).toEqual([expect.objectContaining({ name: '赵一工匠创新工作室', role: 'leader', status: 'applied' })]);
    expect(after.achievements).toEqual([expect.objectContaining({ title: '焊缝自动跟踪改进', isLead: true, status: 'submitted' })]);
    const member = WorkerSkillsSchema.parse((await hr.get(`/api/v1/workers/${workers[1]?.id}/skills`)).json());
    expect(member.carriers[0]?.role).toBe('member');
    expect(member.achievements[0]?.isLead).toBe(false);

    // The worker themself reads their own record, and nobody else's.
    const account = await makeUser(t.system, { orgId: enterpriseId, role: 'worker' });
    await workersService.linkAccount(t.system, worker?.id ?? '', account.id);
    const self = await signIn(t.app, account.username);
    expect(WorkerSkillsSchema.parse((await self.get(`/api/v1/workers/${worker?.id}/skills`)).json()).carriers).toHaveLength(1);
    expect((await self.get(`/api/v1/workers/${workers[1]?.id}/skills`)).statusCode).toBe(404);

    expect((await otherHr.get(`/api/v1/workers/${worker?.id}/skills`)).statusCode).toBe(404);
    expect((await hr.get('/api/v1/workers/not-a-uuid/skills')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/workers/${worker?.id}/skills` })).statusCode).toBe(401);
  });
});
