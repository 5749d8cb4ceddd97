import {
  InboxSchema,
  MeetingDetailSchema,
  PolicyDetailSchema,
  PolicyPageSchema,
  SupervisionBoardSchema,
  TaskDetailSchema,
  TaskPageSchema,
  YearSummarySchema,
} from '@changai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeUser, orgByCode } from '../../../test/factories.js';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import { loadDemoData } from '../../cli/demo-data.js';
import ExcelJS, { type ExcelBuffer } from '../../platform/exceljs.js';

let t: TestApp;
let admin: Client;
let renshe: Client;
let minzheng: Client;
let wuhan: Client;
let worker: Client;
const org: Record<string, string> = {};

function multipart(fileName: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = '----reform-test';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoData(t.system);
  for (const code of ['HB-ZGH', 'HB-RST', 'HB-MZT', 'HB-JYT', '420100', '420500', '420102', '420502'])
    org[code] = (await orgByCode(t.system, code)).id;
  admin = await signIn(t.app, 'admin', 'Changai@2026');
  renshe = await signIn(t.app, 'renshe', 'Changai@2026');
  wuhan = await signIn(t.app, 'wuhan', 'Changai@2026');
  minzheng = await signIn(t.app, (await makeUser(t.system, { orgId: org['HB-MZT'] as string, role: 'unit_admin' })).username);
  worker = await signIn(t.app, 'worker', 'Changai@2026');
});
afterAll(() => t.close());

const policyBody = (overrides: Record<string, unknown> = {}) => ({
  title: '湖北省职业教育赋能提升行动计划（2020—2022年）',
  docNumber: '鄂政办发〔2020〕31号',
  issuers: '湖北省人民政府办公厅',
  issuedOn: '2020-06-18',
  category: 'skills',
  leadOrgId: org['HB-JYT'],
  fullText: '为深入实施职业教育赋能行动，提升产业工人技能素质，现制定本计划。到2022年，全省职业院校……',
  ...overrides,
});

describe('the policy registry', () => {
  it('records a policy and finds it by a Chinese substring of its text, with the hit in context', async () => {
    const created = await admin.post('/api/v1/policies', policyBody());
    expect(created.statusCode).toBe(201);
    const policy = PolicyDetailSchema.parse(created.json());
    expect(policy).toMatchObject({ status: 'in_force', category: 'skills', leadOrg: { code: 'HB-JYT' } });

    const byBody = PolicyPageSchema.parse((await renshe.get(`/api/v1/policies?q=${encodeURIComponent('技能素质')}`)).json());
    expect(byBody.items.map((p) => p.id)).toEqual([policy.id]);
    expect(byBody.items[0]?.snippet).toContain('技能素质');
    const byNumber = PolicyPageSchema.parse((await renshe.get(`/api/v1/policies?q=${encodeURIComponent('〔2020〕31')}`)).json());
    expect(byNumber.total).toBe(1);
    const none = PolicyPageSchema.parse((await renshe.get(`/api/v1/policies?q=${encodeURIComponent('百日免费')}`)).json());
    expect(none.total).toBe(0);
    const wildcard = PolicyPageSchema.parse((await renshe.get(`/api/v1/policies?q=${encodeURIComponent('%')}`)).json());
    expect(wildcard.total).toBe(0);
  });

  it('filters by year, category and lead unit, and counts by year', async () => {
    await admin.post(
      '/api/v1/policies',
      policyBody({ title: '关于做好2019年技能人才评价工作的通知', docNumber: null, issuedOn: '2019-03-01', category: 'channels' }),
    );
    const page = PolicyPageSchema.parse((await admin.get('/api/v1/policies?year=2019&category=channels')).json());
    expect(page.items.map((p) => p.title)).toContain('关于做好2019年技能人才评价工作的通知');
    expect(page.items.every((p) => p.issuedOn.startsWith('2019'))).toBe(true);
    expect(page.years.find((y) => y.year === 2019)?.count).toBeGreaterThanOrEqual(1);
    const byUnit = PolicyPageSchema.parse((await admin.get(`/api/v1/policies?leadOrgId=${org['HB-JYT']}`)).json());
    expect(byUnit.items.every((p) => p.leadOrg?.code === 'HB-JYT')).toBe(true);
  });

  it('refuses a second policy with the same document number', async () => {
    const res = await admin.post('/api/v1/policies', policyBody({ title: '另一个' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.reason).toBe('policy.doc_number_taken');
  });

  it('links a revision to the version it replaces, which becomes revised', async () => {
    const old = PolicyDetailSchema.parse(
      (
        await admin.post(
          '/api/v1/policies',
          policyBody({ title: '工伤保险办法（旧）', docNumber: '鄂政发〔2015〕1号', category: 'rights' }),
        )
      ).json(),
    );
    const revised = PolicyDetailSchema.parse(
      (
        await admin.post(
          '/api/v1/policies',
          policyBody({ title: '工伤保险办法', docNumber: '鄂政发〔2020〕2号', category: 'rights', supersedesId: old.id }),
        )
      ).json(),
    );
    expect(revised.supersedes?.id).toBe(old.id);
    const after = PolicyDetailSchema.parse((await admin.get(`/api/v1/policies/${old.id}`)).json());
    expect(after.status).toBe('revised');
    expect(after.supersededBy.map((p) => p.id)).toEqual([revised.id]);
    const cycle = await admin.put(
      `/api/v1/policies/${old.id}`,
      policyBody({ title: '工伤保险办法（旧）', docNumber: '鄂政发〔2015〕1号', supersedesId: revised.id }),
    );
    expect(cycle.statusCode).toBe(422);
  });

  it('attaches a PDF, serves it back, and refuses other file types', async () => {
    const uploaded = await admin.request({ method: 'POST', url: '/api/v1/policies/files', ...multipart('全文.pdf', PDF) });
    expect(uploaded.statusCode).toBe(201);
    expect(uploaded.json()).toMatchObject({ contentType: 'application/pdf', sizeBytes: PDF.length });
    const policy = PolicyDetailSchema.parse(
      (
        await admin.post('/api/v1/policies', policyBody({ title: '附件测试', docNumber: null, attachmentIds: [uploaded.json().uploadId] }))
      ).json(),
    );
    expect(policy.attachments).toHaveLength(1);
    const file = await renshe.get(`/api/v1/policies/attachments/${policy.attachments[0]?.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('全文.pdf'));

    const text = await admin.request({ method: 'POST', url: '/api/v1/policies/files', ...multipart('x.pdf', Buffer.from('not a pdf')) });
    expect(text.statusCode).toBe(400);
    expect(text.json().error.reason).toBe('reform.file_type');
    const reused = await admin.post(
      '/api/v1/policies',
      policyBody({ title: '再用', docNumber: null, attachmentIds: [uploaded.json().uploadId] }),
    );
    expect(reused.statusCode).toBe(409);
  });

  it('lets every staff role read policies, only the office write them, and refuses workers', async () => {
    expect((await renshe.post('/api/v1/policies', policyBody({ docNumber: null }))).statusCode).toBe(403);
    expect((await worker.get('/api/v1/policies')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/policies' })).statusCode).toBe(401);
    expect((await admin.post('/api/v1/policies', { title: '' })).statusCode).toBe(400);
  });
});

const taskBody = (overrides: Record<string, unknown> = {}) => ({
  area: 'skills',
  title: '实施职业技能提升行动',
  description: '组织开展企业职工岗位技能提升培训。',
  orgId: org['HB-RST'],
  coUnitIds: [org['HB-JYT']],
  reportCycle: 'quarterly',
  startsOn: '2026-01-01',
  dueOn: '2026-12-31',
  milestones: [{ title: '制定实施方案', dueOn: '2026-03-31' }],
  ...overrides,
});

describe('reform tasks and progress reports', () => {
  let taskId: string;

  it('sets a task for a lead unit; the lead and co-units see it, other liaison units do not', async () => {
    const created = await admin.post('/api/v1/tasks', taskBody());
    expect(created.statusCode).toBe(201);
    const task = TaskDetailSchema.parse(created.json());
    taskId = task.id;
    expect(task).toMatchObject({ org: { code: 'HB-RST' }, issuerOrg: { code: 'HB-ZGH' }, status: 'in_progress', progress: 0 });
    expect(task.coUnits.map((c) => c.code)).toEqual(['HB-JYT']);
    expect(task.periods.map((p) => [p.period, p.state])).toEqual([
      ['2026-Q1', 'due'],
      ['2026-Q2', 'upcoming'],
      ['2026-Q3', 'upcoming'],
      ['2026-Q4', 'upcoming'],
    ]);
    const seen = TaskPageSchema.parse((await renshe.get('/api/v1/tasks')).json());
    expect(seen.items.map((i) => i.id)).toContain(taskId);
    expect((await renshe.get(`/api/v1/tasks/${taskId}`)).json().can).toEqual({
      manage: false,
      report: true,
      review: false,
      handDown: true,
    });
    expect((await minzheng.get(`/api/v1/tasks/${taskId}`)).statusCode).toBe(404);
    expect(TaskPageSchema.parse((await minzheng.get('/api/v1/tasks')).json()).items.map((i) => i.id)).not.toContain(taskId);
  });

  it('takes a report, returns it with a reason, takes the correction and accepts it', async () => {
    expect((await renshe.post(`/api/v1/tasks/${taskId}/reports`, { period: '2026-Q2', text: '提前', percent: 10 })).statusCode).toBe(422);
    const filed = await renshe.post(`/api/v1/tasks/${taskId}/reports`, { period: '2026-Q1', text: '已印发实施方案。', percent: 20 });
    expect(filed.statusCode).toBe(200);
    const reportId = TaskDetailSchema.parse(filed.json()).reports[0]?.id as string;
    expect(
      (await renshe.post(`/api/v1/tasks/${taskId}/reports`, { period: '2026-Q1', text: '再报', percent: 20 })).json().error.reason,
    ).toBe('report.awaiting_review');
    // The lead unit may not judge its own report.
    expect((await renshe.post(`/api/v1/reports/${reportId}/review`, { decision: 'accept' })).statusCode).toBe(403);
    expect((await admin.post(`/api/v1/reports/${reportId}/review`, { decision: 'return' })).statusCode).toBe(400);

    const returned = TaskDetailSchema.parse(
      (await admin.post(`/api/v1/reports/${reportId}/review`, { decision: 'return', reason: '请补充培训人数' })).json(),
    );
    expect(returned.reports[0]).toMatchObject({ status: 'returned', returnReason: '请补充培训人数' });
    const inbox = InboxSchema.parse((await renshe.get('/api/v1/tasks/inbox')).json());
    expect(inbox.items.find((i) => i.task.id === taskId)).toMatchObject({
      kind: 'returned',
      period: '2026-Q1',
      returnReason: '请补充培训人数',
    });

    const corrected = TaskDetailSchema.parse(
      (await renshe.post(`/api/v1/tasks/${taskId}/reports`, { period: '2026-Q1', text: '已培训1.2万人次。', percent: 30 })).json(),
    );
    expect(corrected.reports[0]).toMatchObject({ status: 'submitted', submissions: 2, text: '已培训1.2万人次。' });
    const adminInbox = InboxSchema.parse((await admin.get('/api/v1/tasks/inbox')).json());
    expect(adminInbox.items.some((i) => i.kind === 'to_review' && i.reportId === reportId)).toBe(true);

    const accepted = TaskDetailSchema.parse((await admin.post(`/api/v1/reports/${reportId}/review`, { decision: 'accept' })).json());
    expect(accepted).toMatchObject({ ownProgress: 30, progress: 30 });
    expect(accepted.reports[0]?.reviews.map((r) => r.decision)).toEqual(['return', 'accept']);
    const log = (await admin.get(`/api/v1/audit?entityType=report&entityId=${reportId}`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(log.sort()).toEqual(['report.accept', 'report.resubmit', 'report.return', 'report.submit']);
  });

  it('keeps every deadline change with its reason, and only the issuer may change it', async () => {
    expect((await renshe.post(`/api/v1/tasks/${taskId}/deadline`, { dueOn: '2027-03-31', reason: '延期' })).statusCode).toBe(403);
    await admin.post(`/api/v1/tasks/${taskId}/deadline`, { dueOn: '2027-03-31', reason: '培训基地建设延后' });
    const task = TaskDetailSchema.parse(
      (await admin.post(`/api/v1/tasks/${taskId}/deadline`, { dueOn: '2027-06-30', reason: '再次顺延' })).json(),
    );
    expect(task.dueOn).toBe('2027-06-30');
    expect(task.deadlineChanges.map((c) => [c.fromDate, c.toDate, c.reason])).toEqual([
      ['2026-12-31', '2027-03-31', '培训基地建设延后'],
      ['2027-03-31', '2027-06-30', '再次顺延'],
    ]);
    expect(task.periods.at(-1)?.period).toBe('2027-Q2');
  });

  it('lists the current period as due in the inbox from its first day, however far its end', async () => {
    t.clock.now = new Date('2026-04-01T08:00:00Z');
    const office = await signIn(t.app, 'admin', 'Changai@2026');
    const lead = await signIn(t.app, 'renshe', 'Changai@2026');
    const task = TaskDetailSchema.parse(
      (await office.post('/api/v1/tasks', taskBody({ title: '二季度任务', startsOn: '2026-04-01', dueOn: '2026-12-31' }))).json(),
    );
    const inbox = InboxSchema.parse((await lead.get('/api/v1/tasks/inbox')).json());
    expect(inbox.items.filter((i) => i.task.id === task.id).map((i) => [i.kind, i.period, i.dueOn])).toEqual([
      ['due', '2026-Q2', '2026-06-30'],
    ]);
    t.clock.now = new Date('2026-03-01T08:00:00Z');
  });

  it('completes a task when a 100% report is accepted', async () => {
    const task = TaskDetailSchema.parse(
      (
        await admin.post(
          '/api/v1/tasks',
          taskBody({ title: '短期任务', reportCycle: 'monthly', startsOn: '2026-02-01', dueOn: '2026-03-31' }),
        )
      ).json(),
    );
    const done = TaskDetailSchema.parse(
      (await renshe.post(`/api/v1/tasks/${task.id}/reports`, { period: '2026-02', text: '全部完成', percent: 100 })).json(),
    );
    const completed = TaskDetailSchema.parse(
      (await admin.post(`/api/v1/reports/${done.reports[0]?.id}/review`, { decision: 'accept' })).json(),
    );
    expect(completed).toMatchObject({ status: 'completed', completedOn: '2026-03-01', progress: 100 });
    expect(
      (await renshe.post(`/api/v1/tasks/${task.id}/reports`, { period: '2026-03', text: 'x', percent: 100 })).json().error.reason,
    ).toBe('task.closed');
  });
});

describe('handing a task down the org tree', () => {
  it('gives each prefecture its own copy, lets a prefecture hand on to its counties, and rolls progress up', async () => {
    const top = TaskDetailSchema.parse(
      (await admin.post('/api/v1/tasks', taskBody({ title: '建设产业工人服务阵地', orgId: org['HB-ZGH'], coUnitIds: [] }))).json(),
    );
    const handed = TaskDetailSchema.parse(
      (await admin.post(`/api/v1/tasks/${top.id}/hand-down`, { orgIds: [org['420100'], org['420500']] })).json(),
    );
    expect(handed.copies.map((c) => c.org.code)).toEqual(['420100', '420500']);
    expect((await admin.post(`/api/v1/tasks/${top.id}/hand-down`, { orgIds: [org['420100']] })).statusCode).toBe(409);

    const wuhanCopyId = handed.copies.find((c) => c.org.code === '420100')?.id as string;
    const copy = TaskDetailSchema.parse((await wuhan.get(`/api/v1/tasks/${wuhanCopyId}`)).json());
    expect(copy).toMatchObject({ issuerOrg: { code: 'HB-ZGH' }, startsOn: '2026-03-01', parent: null });
    expect(copy.periods[0]?.period).toBe('2026-Q1');
    // Wuhan does not see the province's task, nor Yichang's copy.
    expect((await wuhan.get(`/api/v1/tasks/${top.id}`)).statusCode).toBe(404);
    const yichangCopy = handed.copies.find((c) => c.org.code === '420500')?.id as string;
    expect((await wuhan.get(`/api/v1/tasks/${yichangCopy}`)).statusCode).toBe(404);
    expect((await wuhan.post(`/api/v1/tasks/${wuhanCopyId}/hand-down`, { orgIds: [org['420502']] })).statusCode).toBe(404);
    const county = TaskDetailSchema.parse((await wuhan.post(`/api/v1/tasks/${wuhanCopyId}/hand-down`, { orgIds: [org['420102']] })).json());
    expect(county.copies.map((c) => c.org.code)).toEqual(['420102']);

    // The county reports to Wuhan, Wuhan reviews; the province's task shows the mean of its copies.
    const countyId = county.copies[0]?.id as string;
    const countyReport = TaskDetailSchema.parse(
      (await wuhan.post(`/api/v1/tasks/${countyId}/reports`, { period: '2026-Q1', text: '阵地建成', percent: 80 })).json(),
    );
    await wuhan.post(`/api/v1/reports/${countyReport.reports[0]?.id}/review`, { decision: 'accept' });
    const rolled = TaskDetailSchema.parse((await admin.get(`/api/v1/tasks/${top.id}`)).json());
    expect(rolled.copies.find((c) => c.org.code === '420100')?.progress).toBe(80);
    expect(rolled.progress).toBe(40);
  });

  it('refuses to hand down to a unit that is not below the holding unit’s division', async () => {
    const wuhanTask = TaskDetailSchema.parse((await admin.post('/api/v1/tasks', taskBody({ orgId: org['420100'], coUnitIds: [] }))).json());
    const res = await admin.post(`/api/v1/tasks/${wuhanTask.id}/hand-down`, { orgIds: [org['420502']] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.reason).toBe('task.hand_down_target');
  });
});

/** A department under the province with one task reported monthly from February until `dueOn`. */
async function departmentWithMonthlyTask(name: string, dueOn: string) {
  const root = await orgByCode(t.system, '420000');
  const unit = await makeOrg(t.system, { parentId: root.id, kind: 'department', name });
  const body = taskBody({ orgId: unit.id, coUnitIds: [], reportCycle: 'monthly', startsOn: '2026-02-01', dueOn });
  const task = TaskDetailSchema.parse((await admin.post('/api/v1/tasks', body)).json());
  return { unit, task };
}

describe('supervision', () => {
  it('reminds before a deadline, issues 督办 notices after it, escalates, and settles on filing', async () => {
    const { unit, task } = await departmentWithMonthlyTask('督办测试厅', '2026-04-30');
    t.clock.now = new Date('2026-03-29T08:00:00Z');
    admin = await signIn(t.app, 'admin', 'Changai@2026');
    const first = (await admin.post('/api/v1/supervision/sweep')).json();
    expect(first.notices).toBeGreaterThanOrEqual(1);
    expect(first.reminders).toBeGreaterThanOrEqual(1);
    const board = SupervisionBoardSchema.parse((await admin.get('/api/v1/supervision')).json());
    const mine = board.notices.filter((n) => n.task.id === task.id);
    expect(mine.map((n) => [n.kind, n.period]).sort()).toEqual([
      ['notice', '2026-02'],
      ['reminder', '2026-03'],
    ]);
    expect(mine.find((n) => n.kind === 'notice')?.daysOverdue).toBe(29);
    const again = (await admin.post('/api/v1/supervision/sweep')).json();
    expect(again).toMatchObject({ reminders: 0, notices: 0, escalations: 0 });

    t.clock.now = new Date('2026-04-06T08:00:00Z');
    admin = await signIn(t.app, 'admin', 'Changai@2026');
    await admin.post('/api/v1/supervision/sweep');
    const escalated = SupervisionBoardSchema.parse((await admin.get('/api/v1/supervision')).json()).notices.filter(
      (n) => n.task.id === task.id,
    );
    expect(escalated.find((n) => n.kind === 'escalation' && n.period === '2026-02')?.org.code).toBe('HB-ZGH');

    const filer = await signIn(t.app, (await makeUser(t.system, { orgId: unit.id, role: 'unit_admin' })).username);
    await filer.post(`/api/v1/tasks/${task.id}/reports`, { period: '2026-02', text: '补报', percent: 30 });
    const settled = SupervisionBoardSchema.parse((await admin.get('/api/v1/supervision')).json()).notices.filter(
      (n) => n.task.id === task.id,
    );
    expect(settled.some((n) => n.period === '2026-02')).toBe(false);
    const card = SupervisionBoardSchema.parse((await admin.get('/api/v1/supervision')).json()).scorecards.find((s) => s.org.id === unit.id);
    expect(card).toMatchObject({ tasks: 1, reportsDue: 2, reportsOnTime: 0, onTimeRate: 0 });
    t.clock.now = new Date('2026-03-01T08:00:00Z');
  });

  it('judges a report late by the province’s calendar day, not UTC’s', async () => {
    const { unit, task } = await departmentWithMonthlyTask('时区测试厅', '2026-03-31');
    const { username } = await makeUser(t.system, { orgId: unit.id, role: 'unit_admin' });
    let filer = await signIn(t.app, username);
    // 23:30 in Wuhan on the due day, on time; 00:30 in Wuhan the day after (still the due day in UTC), late.
    t.clock.now = new Date('2026-02-28T15:30:00Z');
    await filer.post(`/api/v1/tasks/${task.id}/reports`, { period: '2026-02', text: '按时', percent: 40 });
    t.clock.now = new Date('2026-03-31T16:30:00Z');
    filer = await signIn(t.app, username);
    const filed = TaskDetailSchema.parse(
      (await filer.post(`/api/v1/tasks/${task.id}/reports`, { period: '2026-03', text: '迟报', percent: 90 })).json(),
    );
    expect(filed.reports.map((r) => [r.period, r.isLate]).sort()).toEqual([
      ['2026-02', false],
      ['2026-03', true],
    ]);
    t.clock.now = new Date('2026-04-06T08:00:00Z');
    admin = await signIn(t.app, 'admin', 'Changai@2026');
    const card = SupervisionBoardSchema.parse((await admin.get('/api/v1/supervision')).json()).scorecards.find((s) => s.org.id === unit.id);
    expect(card).toMatchObject({ reportsDue: 2, reportsOnTime: 1 });
    t.clock.now = new Date('2026-03-01T08:00:00Z');
  });

  it('shows an overdue task on the board of those who may see it, and lets only the province run the sweep', async () => {
    const task = TaskDetailSchema.parse(
      (
        await admin.post(
          '/api/v1/tasks',
          taskBody({ title: '逾期任务', orgId: org['420100'], coUnitIds: [], startsOn: '2025-01-01', dueOn: '2025-12-31' }),
        )
      ).json(),
    );
    const board = SupervisionBoardSchema.parse((await wuhan.get('/api/v1/supervision')).json());
    expect(board.overdueTasks.map((o) => o.id)).toContain(task.id);
    expect(board.overdueTasks.every((o) => o.isOverdue)).toBe(true);
    const other = SupervisionBoardSchema.parse((await minzheng.get('/api/v1/supervision')).json());
    expect(other.overdueTasks.map((o) => o.id)).not.toContain(task.id);
    expect((await wuhan.post('/api/v1/supervision/sweep')).statusCode).toBe(403);
  });
});

describe('meetings and the year-end summary', () => {
  it('records a meeting whose decision becomes a task', async () => {
    const created = await admin.post('/api/v1/meetings', {
      title: '全省产业工人队伍建设改革推进会',
      kind: 'video_conference',
      heldOn: '2026-02-20',
      hostOrgId: org['HB-ZGH'],
      attendeeOrgIds: [org['HB-RST'], org['HB-JYT']],
      minutes: '总结2025年工作，部署2026年重点任务。',
      decisions: ['推进技能等级与职称贯通', '开展劳动和技能竞赛'],
    });
    expect(created.statusCode).toBe(201);
    const meeting = MeetingDetailSchema.parse(created.json());
    expect(meeting.attendees).toHaveLength(2);
    const decision = meeting.decisions[0];
    const task = await admin.post(
      `/api/v1/meetings/decisions/${decision?.id}/tasks`,
      taskBody({ area: 'channels', title: '技能与职称贯通', description: '' }),
    );
    expect(task.statusCode).toBe(201);
    expect(TaskDetailSchema.parse(task.json())).toMatchObject({
      description: '推进技能等级与职称贯通',
      decision: { meetingId: meeting.id },
    });
    const again = MeetingDetailSchema.parse((await renshe.get(`/api/v1/meetings/${meeting.id}`)).json());
    expect(again.decisions[0]?.tasks.map((x) => x.title)).toEqual(['技能与职称贯通']);
    expect(
      (await renshe.post('/api/v1/meetings', { title: 'x', kind: 'special', heldOn: '2026-01-01', hostOrgId: org['HB-RST'] })).statusCode,
    ).toBe(403);
  });

  it('sums up the year as figures, a bulletin paragraph and a workbook', async () => {
    const summary = YearSummarySchema.parse((await admin.get('/api/v1/reform/summary?year=2020')).json());
    expect(summary.policies.issued).toBeGreaterThanOrEqual(2);
    expect(summary.paragraph).toMatch(/^2020年，全省产业工人队伍建设改革配套政策累计\d+个，其中当年出台\d+个/);
    const english = await admin.request({ method: 'GET', url: '/api/v1/reform/summary?year=2020', headers: { 'x-locale': 'en-US' } });
    expect(english.json().paragraph).toMatch(/^In 2020 the province had/);
    const xlsx = await admin.get('/api/v1/reform/summary/export?year=2020');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['2020年度总结', '当年出台政策', '分领域任务']);
    expect(String(workbook.worksheets[0]?.getCell('B2').value)).toBe(summary.paragraph);
    expect((await admin.get('/api/v1/reform/summary?year=1')).statusCode).toBe(400);
  });
});
