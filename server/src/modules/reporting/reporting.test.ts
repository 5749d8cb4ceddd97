import {
  ApprovalQueueSchema,
  ApprovedSumSchema,
  CompletenessSchema,
  EntrySchema,
  ErrorBodySchema,
  ReportFormSchema,
  ReportingInboxSchema,
} from '@changai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeUser, orgByCode } from '../../../test/factories.js';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import ExcelJS, { type ExcelBuffer } from '../../platform/exceljs.js';
import * as reporting from './reporting.service.js';

let t: TestApp;
let admin: Client;
let county: Client;
let otherCounty: Client;
let prefecture: Client;
let formId = '';
const orgs = { root: '', wuhan: '', jiangan: '', jianghan: '', yichang: '' };

const entryUrl = (orgId: string, period: string, action = '') => `/api/v1/reporting/entries/${formId}/${orgId}/${period}${action}`;
const element = (code: string, nameZh: string, extra: Partial<Parameters<typeof reporting.createElement>[1]> = {}) =>
  reporting.createElement(t.system, {
    code,
    nameZh,
    nameEn: code,
    descriptionZh: null,
    descriptionEn: null,
    unitZh: '人次',
    unitEn: '',
    valueType: 'integer',
    minValue: 0,
    maxValue: 10_000,
    ...extra,
  });

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-05-10T08:00:00Z');
  const root = await orgByCode(t.system, '420000');
  const wuhan = await orgByCode(t.system, '420100');
  const jiangan = await orgByCode(t.system, '420102');
  const jianghan = await orgByCode(t.system, '420103');
  const yichang = await orgByCode(t.system, '420500');
  Object.assign(orgs, { root: root.id, wuhan: wuhan.id, jiangan: jiangan.id, jianghan: jianghan.id, yichang: yichang.id });
  await element('t_trained', '培训人次');
  await element('t_certified', '取证人次');
  await element('t_funds', '帮扶资金', { valueType: 'number', maxValue: 500, unitZh: '万元' });
  const form = await reporting.createForm(t.system, {
    code: 't_quarterly',
    nameZh: '测试季度报表',
    nameEn: 'Test quarterly',
    periodType: 'quarter',
    deadlineDays: 15,
    firstPeriod: '2025-Q1',
    isActive: true,
    elementCodes: ['t_trained', 't_certified', 't_funds'],
    rules: [{ leftCode: 't_trained', operator: '>=', rightCode: 't_certified', messageZh: '取证人次不能超过培训人次', messageEn: '' }],
  });
  formId = form.id;
  await reporting.setAssignments(t.system, formId, [wuhan.id, jiangan.id, jianghan.id, yichang.id]);
  admin = await signIn(t.app, (await makeUser(t.system, { orgId: root.id, role: 'province_admin' })).username);
  prefecture = await signIn(t.app, (await makeUser(t.system, { orgId: wuhan.id, role: 'regional_manager' })).username);
  county = await signIn(t.app, (await makeUser(t.system, { orgId: jiangan.id, role: 'unit_admin' })).username);
  otherCounty = await signIn(t.app, (await makeUser(t.system, { orgId: jianghan.id, role: 'unit_admin' })).username);
});
afterAll(() => t.close());

describe('report forms', () => {
  it('refuses an element already collected by another form, and an unknown element', async () => {
    const res = await admin.post('/api/v1/reporting/forms', {
      code: 't_other',
      nameZh: '另一张表',
      nameEn: 'Other',
      periodType: 'quarter',
      deadlineDays: 10,
      firstPeriod: '2025-Q1',
      elementCodes: ['t_trained'],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('t_trained');
    const bad = await admin.post('/api/v1/reporting/forms', {
      code: 't_other',
      nameZh: '另一张表',
      nameEn: 'Other',
      periodType: 'quarter',
      deadlineDays: 10,
      firstPeriod: '2025-03',
      elementCodes: ['no_such_element'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['firstPeriod', 'elementCodes.0']);
  });

  it('keeps element codes immutable and refuses a range that excludes entered values', async () => {
    const form = ReportFormSchema.parse((await admin.get(`/api/v1/reporting/forms/${formId}`)).json());
    expect(form.assignedCount).toBe(4);
    const put = await admin.put('/api/v1/reporting/elements/t_funds', {
      nameZh: '帮扶资金',
      nameEn: 'Funds',
      valueType: 'number',
      minValue: 0,
      maxValue: 600,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().maxValue).toBe(600);
    expect((await county.get('/api/v1/reporting/elements')).statusCode).toBe(403);
  });
});

describe('entry, rules and the bottom-up approval chain', () => {
  it('explains out-of-range values per field and saves valid ones', async () => {
    const bad = await county.put(entryUrl(orgs.jiangan, '2026-Q1'), { values: { t_trained: 1.5, t_funds: 900 } });
    expect(bad.statusCode).toBe(400);
    const fields = ErrorBodySchema.parse(bad.json()).error.fields ?? [];
    expect(fields).toEqual([
      { path: 'values.t_trained', message: '应为整数。' },
      { path: 'values.t_funds', message: '不能大于 600。' },
    ]);
    const ok = EntrySchema.parse(
      (await county.put(entryUrl(orgs.jiangan, '2026-Q1'), { values: { t_trained: 100, t_certified: 120 } })).json(),
    );
    expect(ok.status).toBe('draft');
    expect(ok.chain.map((o) => o.code)).toEqual(['420100', '420000']);
  });

  it('refuses to submit an entry that breaks a rule or misses a value, naming them', async () => {
    const entry = EntrySchema.parse((await county.get(entryUrl(orgs.jiangan, '2026-Q1'))).json());
    const res = await county.post(entryUrl(orgs.jiangan, '2026-Q1', '/submit'), { version: entry.version });
    expect(res.statusCode).toBe(422);
    const paths = (res.json().error.fields as { path: string; message: string }[]).map((f) => f.path);
    expect(paths).toEqual(['values.t_funds', 'values.t_trained']);
    expect(res.json().error.fields[1].message).toContain('100 >= 120');
  });

  it('lets a county not see another county’s entry', async () => {
    expect((await otherCounty.get(entryUrl(orgs.jiangan, '2026-Q1'))).statusCode).toBe(404);
    expect((await otherCounty.put(entryUrl(orgs.jiangan, '2026-Q1'), { values: { t_trained: 1 } })).statusCode).toBe(404);
    expect((await prefecture.get(entryUrl(orgs.yichang, '2026-Q1'))).statusCode).toBe(404);
  });

  it('runs submit → return with a reason → resubmit → prefecture → province, then locks', async () => {
    let entry = EntrySchema.parse(
      (await county.put(entryUrl(orgs.jiangan, '2026-Q1'), { values: { t_certified: 80, t_funds: 12.5 } })).json(),
    );
    entry = EntrySchema.parse((await county.post(entryUrl(orgs.jiangan, '2026-Q1', '/submit'), { version: entry.version })).json());
    expect(entry).toMatchObject({ status: 'submitted', awaitingOrg: { code: '420100' }, canEdit: false });
    // Locked while under review; the province cannot skip the prefecture.
    expect((await county.put(entryUrl(orgs.jiangan, '2026-Q1'), { values: { t_trained: 1 } })).statusCode).toBe(422);
    const skip = await admin.post(entryUrl(orgs.jiangan, '2026-Q1', '/approve'), { version: entry.version });
    expect(skip.statusCode).toBe(403);
    const queue = ApprovalQueueSchema.parse((await prefecture.get('/api/v1/reporting/approvals')).json());
    expect(queue.items.map((i) => i.org.code)).toContain('420102');
    const noReason = await prefecture.post(entryUrl(orgs.jiangan, '2026-Q1', '/return'), { version: entry.version, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    entry = EntrySchema.parse(
      (
        await prefecture.post(entryUrl(orgs.jiangan, '2026-Q1', '/return'), { version: entry.version, reason: '取证人次偏高，请核实' })
      ).json(),
    );
    expect(entry).toMatchObject({ status: 'returned', returnReason: '取证人次偏高，请核实' });
    const inbox = ReportingInboxSchema.parse((await county.get('/api/v1/reporting/inbox')).json());
    expect(inbox.items[0]).toMatchObject({ state: 'returned', period: '2026-Q1', returnReason: '取证人次偏高，请核实' });
    entry = EntrySchema.parse((await county.put(entryUrl(orgs.jiangan, '2026-Q1'), { values: { t_certified: 60 } })).json());
    entry = EntrySchema.parse((await county.post(entryUrl(orgs.jiangan, '2026-Q1', '/submit'), { version: entry.version })).json());
    entry = EntrySchema.parse((await prefecture.post(entryUrl(orgs.jiangan, '2026-Q1', '/approve'), { version: entry.version })).json());
    expect(entry).toMatchObject({ status: 'submitted', awaitingOrg: { code: '420000' } });
    // Not yet approved at the top: figures do not count it.
    const before = ApprovedSumSchema.parse((await admin.get('/api/v1/reporting/sum?element=t_trained&period=2026-Q1')).json());
    expect(before.value).toBe(0);
    entry = EntrySchema.parse((await admin.post(entryUrl(orgs.jiangan, '2026-Q1', '/approve'), { version: entry.version })).json());
    expect(entry).toMatchObject({ status: 'approved', canEdit: false, canReopen: true });
    expect(entry.values.find((v) => v.elementCode === 't_trained')).toMatchObject({ value: 100, approvedValue: 100, isChanged: false });
    expect(entry.steps.map((s) => s.action)).toEqual(['submit', 'return', 'submit', 'approve', 'approve']);
    expect((await county.put(entryUrl(orgs.jiangan, '2026-Q1'), { values: { t_trained: 1 } })).json().error.reason).toBe(
      'reporting.locked_approved',
    );
    const sum = ApprovedSumSchema.parse(
      (await admin.get(`/api/v1/reporting/sum?element=t_trained&period=2026&orgId=${orgs.wuhan}&by=quarter`)).json(),
    );
    expect(sum).toMatchObject({ value: 100, reportingUnits: 1 });
    expect(sum.series).toEqual([
      { period: '2026-Q1', value: 100 },
      { period: '2026-Q2', value: 0 },
      { period: '2026-Q3', value: 0 },
      { period: '2026-Q4', value: 0 },
    ]);
    const audit = await t.database.db.selectFrom('auditEvents').select('action').where('action', 'like', 'reporting.%').execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['reporting.submit', 'reporting.return', 'reporting.approve', 'reporting.save']),
    );
  });

  it('shows an edit after approval beside the approved value until it is approved again', async () => {
    let entry = EntrySchema.parse((await county.get(entryUrl(orgs.jiangan, '2026-Q1'))).json());
    entry = EntrySchema.parse((await county.post(entryUrl(orgs.jiangan, '2026-Q1', '/reopen'), { version: entry.version })).json());
    expect(entry).toMatchObject({ status: 'draft', isRevision: true });
    entry = EntrySchema.parse((await county.put(entryUrl(orgs.jiangan, '2026-Q1'), { values: { t_trained: 130 } })).json());
    expect(entry.values.find((v) => v.elementCode === 't_trained')).toMatchObject({ value: 130, approvedValue: 100, isChanged: true });
    entry = EntrySchema.parse((await county.post(entryUrl(orgs.jiangan, '2026-Q1', '/submit'), { version: entry.version })).json());
    const queue = ApprovalQueueSchema.parse((await prefecture.get('/api/v1/reporting/approvals')).json());
    expect(queue.items.find((i) => i.org.code === '420102')).toMatchObject({ isRevision: true, changedCount: 1 });
    const sum = await reporting.sumApproved(t.system, { element: 't_trained', period: '2026-Q1', orgId: orgs.wuhan });
    expect(sum.value).toBe(100);
    entry = EntrySchema.parse((await prefecture.post(entryUrl(orgs.jiangan, '2026-Q1', '/approve'), { version: entry.version })).json());
    entry = EntrySchema.parse((await admin.post(entryUrl(orgs.jiangan, '2026-Q1', '/approve'), { version: entry.version })).json());
    expect(entry).toMatchObject({ status: 'approved', isRevision: false });
    expect((await reporting.sumApproved(t.system, { element: 't_trained', period: '2026-Q1', orgId: orgs.wuhan })).value).toBe(130);
  });

  it('lets one of two approvers acting at once win; the other gets 409', async () => {
    const second = await signIn(t.app, (await makeUser(t.system, { orgId: orgs.wuhan, role: 'regional_manager' })).username);
    let entry = EntrySchema.parse(
      (await otherCounty.put(entryUrl(orgs.jianghan, '2026-Q1'), { values: { t_trained: 10, t_certified: 5, t_funds: 1 } })).json(),
    );
    entry = EntrySchema.parse((await otherCounty.post(entryUrl(orgs.jianghan, '2026-Q1', '/submit'), { version: entry.version })).json());
    const [a, b] = await Promise.all([
      prefecture.post(entryUrl(orgs.jianghan, '2026-Q1', '/approve'), { version: entry.version }),
      second.post(entryUrl(orgs.jianghan, '2026-Q1', '/approve'), { version: entry.version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.reason).toBe('reporting.changed_meanwhile');
    // Approving what is not submitted is an illegal transition.
    const draft = await prefecture.post(entryUrl(orgs.jiangan, '2026-Q2', '/approve'), { version: 0 });
    expect(draft.statusCode).toBe(422);
    expect(draft.json().error.reason).toBe('reporting.illegal_transition');
  });
});

describe('xlsx template and upload', () => {
  const multipart = (name: string, content: Buffer) => {
    const boundary = '----changai';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  };

  async function filledTemplate(values: (string | number | null)[]) {
    const res = await county.get(entryUrl(orgs.jiangan, '2026-Q2', '/template'));
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelBuffer);
    const ws = wb.getWorksheet('填报');
    if (!ws) throw new Error('no sheet');
    values.forEach((v, i) => {
      ws.getCell(`D${6 + i}`).value = v;
    });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('refuses a sheet with one bad cell as a whole, naming the cell, and applies a clean one', async () => {
    const bad = await filledTemplate([50, 'abc', 700]);
    const res = await county.request({ method: 'POST', url: entryUrl(orgs.jiangan, '2026-Q2', '/upload'), ...multipart('t.xlsx', bad) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: 'D7', message: '不是数字。' },
      { path: 'D8', message: '不能大于 600。' },
    ]);
    const untouched = EntrySchema.parse((await county.get(entryUrl(orgs.jiangan, '2026-Q2'))).json());
    expect(untouched.values.every((v) => v.value === null)).toBe(true);
    const good = await filledTemplate([50, 20, 3.5]);
    const ok = await county.request({ method: 'POST', url: entryUrl(orgs.jiangan, '2026-Q2', '/upload'), ...multipart('t.xlsx', good) });
    expect(ok.statusCode).toBe(200);
    expect(EntrySchema.parse(ok.json()).values.map((v) => v.value)).toEqual([50, 20, 3.5]);
  });

  it('refuses a template of another unit', async () => {
    const file = await filledTemplate([1, 1, 1]);
    const res = await otherCounty.request({
      method: 'POST',
      url: entryUrl(orgs.jianghan, '2026-Q2', '/upload'),
      ...multipart('t.xlsx', file),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('file');
  });
});

describe('inbox and completeness', () => {
  it('lists a unit’s due and overdue periods, and the approvals waiting at its level', async () => {
    const yichangUser = await signIn(t.app, (await makeUser(t.system, { orgId: orgs.yichang, role: 'regional_manager' })).username);
    const inbox = ReportingInboxSchema.parse((await yichangUser.get('/api/v1/reporting/inbox')).json());
    // 2025-Q1 … 2026-Q1 are overdue on 2026-05-10; 2026-Q2 is open and due.
    expect(inbox.counts).toMatchObject({ overdue: 5, due: 1, returned: 0 });
    expect(inbox.items.every((i) => i.org.code === '420500')).toBe(true);
  });

  it('counts expected, submitted, on time, approved, overdue and returned units over a subtree', async () => {
    const c = CompletenessSchema.parse((await admin.get(`/api/v1/reporting/completeness?period=2026-Q1&orgId=${orgs.wuhan}`)).json());
    expect(c.form?.code).toBe('t_quarterly');
    expect(c.totals).toMatchObject({ expected: 3, submitted: 2, approved: 1, overdue: 1, returned: 0 });
    expect(c.byOrg.map((o) => o.org.code)).toEqual(['420102', '420103', '420100']);
    const year = CompletenessSchema.parse((await admin.get('/api/v1/reporting/completeness?period=2025')).json());
    expect(year.periods).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(year.totals.expected).toBe(16);
    const none = await makeOrg(t.system, { parentId: orgs.yichang });
    const outside = await prefecture.get(`/api/v1/reporting/completeness?period=2026-Q1&orgId=${none.id}`);
    expect(outside.statusCode).toBe(404);
  });
});
