import { WorkerDetailSchema, WorkerPageSchema } from '@changai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber, makeOrg, makeUser, makeWorker, orgByCode } from '../../../test/factories.js';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import ExcelJS, { type ExcelBuffer } from '../../platform/exceljs.js';
import * as workersService from './workers.service.js';

let t: TestApp;
let hr: Client;
let province: Client;
let enterpriseId: string;
let otherEnterpriseId: string;

beforeAll(async () => {
  t = await createTestApp();
  const root = await orgByCode(t.system, '420000');
  enterpriseId = (await makeOrg(t.system, { parentId: (await orgByCode(t.system, '420107')).id, name: '武钢测试厂' })).id;
  otherEnterpriseId = (await makeOrg(t.system, { parentId: (await orgByCode(t.system, '420502')).id, name: '宜昌测试厂' })).id;
  hr = await signIn(t.app, (await makeUser(t.system, { orgId: enterpriseId, role: 'enterprise_hr' })).username);
  province = await signIn(t.app, (await makeUser(t.system, { orgId: root.id, role: 'province_admin' })).username);
});
afterAll(() => t.close());

describe('workers', () => {
  it('registers a worker: gender and birth date from the ID number, identity encrypted and masked', async () => {
    const idNumber = makeIdNumber('420107', '1988-03-09', 'female');
    const res = await hr.post('/api/v1/workers', {
      name: '董永祥',
      idNumber,
      phone: '13912345678',
      orgId: enterpriseId,
      isFrontline: true,
    });
    expect(res.statusCode).toBe(201);
    const worker = WorkerDetailSchema.parse(res.json());
    expect(worker).toMatchObject({
      gender: 'female',
      birthDate: '1988-03-09',
      regionCode: '420107',
      regionName: '青山区',
      phone: '139****5678',
      highestSkillLevel: null,
    });
    expect(worker.idNumber).toBe(`420107********${idNumber.slice(-4)}`);
    const row = await t.database.db
      .selectFrom('workers')
      .select(['idNumberEnc', 'phoneEnc'])
      .where('id', '=', worker.id)
      .executeTakeFirstOrThrow();
    expect(row.idNumberEnc).not.toContain(idNumber.slice(6, 14));
    expect(
      JSON.stringify(await t.database.db.selectFrom('auditEvents').select('after').where('entityId', '=', worker.id).execute()),
    ).not.toContain(idNumber);
  });

  it('refuses an ID number with a wrong check digit, explaining the field', async () => {
    const res = await hr.post('/api/v1/workers', { name: '张三', idNumber: '420102199003077777', orgId: enterpriseId });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'body.idNumber', message: '身份证号校验位不正确' }]);
  });

  it('refuses the same person twice', async () => {
    const idNumber = makeIdNumber();
    await makeWorker(t.system, { orgId: enterpriseId, idNumber });
    const res = await hr.post('/api/v1/workers', { name: '重复', idNumber: idNumber.toLowerCase(), orgId: enterpriseId });
    expect(res.statusCode).toBe(409);
  });

  it('finds workers by name, pinyin, initials, traditional characters, exact ID number and certificate number', async () => {
    const idNumber = makeIdNumber('420107', '1979-01-02');
    const w = await makeWorker(t.system, { orgId: enterpriseId, name: '鄭國強', idNumber });
    await hr.post(`/api/v1/workers/${w.id}/credentials`, {
      kind: 'skill_level',
      levelCode: 'technician',
      certificateNumber: 'S000042000001203000777',
      issuedOn: '2019-06-30',
    });
    const find = async (q: string) =>
      WorkerPageSchema.parse((await hr.get(`/api/v1/workers?q=${encodeURIComponent(q)}`)).json()).items.map((i) => i.id);
    expect(w.name).toBe('郑国强');
    for (const q of ['郑国', '鄭國強', 'zhengguo', 'zgq', 'ZGQ', idNumber, 's000042000001203000777'])
      expect(await find(q), q).toContain(w.id);
    expect(await find(makeIdNumber())).toEqual([]);
  });

  it('derives the highest level and the high-skilled flag from valid credentials, and revoking with a reason lowers them', async () => {
    const w = await makeWorker(t.system, { orgId: enterpriseId });
    await hr.post(`/api/v1/workers/${w.id}/credentials`, {
      kind: 'skill_level',
      levelCode: 'intermediate',
      issuedOn: '2012-05-01',
      certificateNumber: 'A1234567',
    });
    const senior = await hr.post(`/api/v1/workers/${w.id}/credentials`, {
      kind: 'skill_level',
      levelCode: 'senior',
      issuedOn: '2016-05-01',
      certificateNumber: 'A1234568',
    });
    await hr.post(`/api/v1/workers/${w.id}/credentials`, { kind: 'title', levelCode: 'assistant', series: '工程', issuedOn: '2018-01-01' });
    let detail = WorkerDetailSchema.parse((await hr.get(`/api/v1/workers/${w.id}`)).json());
    expect(detail).toMatchObject({
      highestSkillLevel: 'senior',
      highestSkillOn: '2016-05-01',
      isHighSkilled: true,
      highestTitle: 'assistant',
    });
    expect(detail.credentials.map((c) => c.levelCode)).toEqual(['intermediate', 'senior', 'assistant']);
    const noReason = await hr.post(`/api/v1/credentials/${senior.json().id}/revoke`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const revoked = await hr.post(`/api/v1/credentials/${senior.json().id}/revoke`, { reason: '证书系伪造，经核查撤销' });
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokedReason: '证书系伪造，经核查撤销' });
    detail = WorkerDetailSchema.parse((await hr.get(`/api/v1/workers/${w.id}`)).json());
    expect(detail).toMatchObject({ highestSkillLevel: 'intermediate', isHighSkilled: false });
    expect((await hr.post(`/api/v1/credentials/${senior.json().id}/revoke`, { reason: '再次撤销' })).statusCode).toBe(422);
  });

  it('refuses a credential issued before the holder was born', async () => {
    const w = await makeWorker(t.system, { orgId: enterpriseId, idNumber: makeIdNumber('420107', '1990-01-01') });
    const res = await hr.post(`/api/v1/workers/${w.id}/credentials`, { kind: 'skill_level', levelCode: 'senior', issuedOn: '1989-12-31' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toEqual({ path: 'body.issuedOn', message: '发证日期早于出生日期' });
  });

  it('keeps workers of other enterprises invisible and unchangeable', async () => {
    const other = await makeWorker(t.system, { orgId: otherEnterpriseId });
    expect((await hr.get(`/api/v1/workers/${other.id}`)).statusCode).toBe(404);
    expect((await hr.patch(`/api/v1/workers/${other.id}`, { name: '改名' })).statusCode).toBe(404);
    expect(
      (await hr.post(`/api/v1/workers/${other.id}/credentials`, { kind: 'honor', name: '劳动模范', issuedOn: '2020-11-24' })).statusCode,
    ).toBe(404);
    const all = WorkerPageSchema.parse((await hr.get('/api/v1/workers?limit=200')).json()).items;
    expect(all.some((w) => w.id === other.id)).toBe(false);
    expect(
      WorkerPageSchema.parse((await province.get(`/api/v1/workers?orgId=${otherEnterpriseId}`)).json()).items.map((w) => w.id),
    ).toEqual([other.id]);
  });

  it('shows the full identity only on request, to those allowed, and audits it', async () => {
    const idNumber = makeIdNumber('420107', '1970-07-07');
    const w = await makeWorker(t.system, { orgId: enterpriseId, idNumber, phone: '13700001234' });
    const shown = await hr.get(`/api/v1/workers/${w.id}/identity`);
    expect(shown.json()).toEqual({ idNumber, phone: '13700001234' });
    const reviewer = await signIn(t.app, (await makeUser(t.system, { orgId: enterpriseId, role: 'reviewer' })).username);
    expect((await reviewer.get(`/api/v1/workers/${w.id}`)).statusCode).toBe(200);
    expect((await reviewer.get(`/api/v1/workers/${w.id}/identity`)).statusCode).toBe(403);
    const log = await t.database.db
      .selectFrom('auditEvents')
      .select(['action'])
      .where('entityId', '=', w.id)
      .where('action', '=', 'personal_data.view')
      .execute();
    expect(log).toHaveLength(1);
  });

  it('lets a worker see only their own record', async () => {
    const account = await makeUser(t.system, { orgId: enterpriseId, role: 'worker' });
    const mine = await makeWorker(t.system, { orgId: enterpriseId });
    await t.database.db.updateTable('workers').set({ userId: account.id }).where('id', '=', mine.id).execute();
    const me = await signIn(t.app, account.username);
    const list = WorkerPageSchema.parse((await me.get('/api/v1/workers')).json()).items;
    expect(list.map((w) => w.id)).toEqual([mine.id]);
    const colleague = await makeWorker(t.system, { orgId: enterpriseId });
    expect((await me.get(`/api/v1/workers/${colleague.id}`)).statusCode).toBe(404);
  });

  it('links an account to one worker at most, however many workers have none', async () => {
    const account = await makeUser(t.system, { orgId: enterpriseId, role: 'worker' });
    const [first, second] = [await makeWorker(t.system, { orgId: enterpriseId }), await makeWorker(t.system, { orgId: enterpriseId })];
    await workersService.linkAccount(t.system, first.id, account.id);
    await expect(workersService.linkAccount(t.system, second.id, account.id)).rejects.toThrow();
    const linked = await t.database.db.selectFrom('workers').select('id').where('userId', '=', account.id).execute();
    expect(linked.map((w) => w.id)).toEqual([first.id]);
    const unlinked = await t.database.db
      .selectFrom('workers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('userId', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(unlinked.n)).toBeGreaterThan(1);
  });

  it('pages a pinyin-or-initials search in pinyin order, each person once, whichever way they matched', async () => {
    const org = await makeOrg(t.system, { parentId: enterpriseId });
    // 'zw' matches by initials only (zw, zww, zwy); 'zh' by pinyin only; the pages of the two kinds of match
    // must merge into one pinyin order.
    const names = ['张伟', '周文', '曾微', '张伟伟', '周文武', '赵敏', '钟无艳', '张三'];
    for (const name of names) await makeWorker(t.system, { orgId: org.id, name });
    await makeWorker(t.system, { orgId: enterpriseId, name: '张伟' }); // in reach, but outside the asked subtree
    const search = async (q: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await hr.get(`/api/v1/workers?orgId=${org.id}&q=${q}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        const page = WorkerPageSchema.parse(res.json());
        seen.push(...page.items.map((i) => i.name));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    // In pinyin order: zengwei, zhangwei, zhangweiwei, zhongwuyan, zhouwen, zhouwenwu.
    expect(await search('zw')).toEqual(['曾微', '张伟', '张伟伟', '钟无艳', '周文', '周文武']);
    expect(await search('zhou')).toEqual(['周文', '周文武']);
    expect(await search('zh')).toEqual(['张三', '张伟', '张伟伟', '赵敏', '钟无艳', '周文', '周文武']);
  });

  it('pages a bare name search (only the reader’s reach) the same way, by ids found in the pinyin index', async () => {
    const org = await makeOrg(t.system, { parentId: enterpriseId });
    const reader = await signIn(t.app, (await makeUser(t.system, { orgId: org.id, role: 'enterprise_hr' })).username);
    const names = ['张伟', '周文', '曾微', '张伟伟', '周文武', '赵敏', '钟无艳', '张三', '李四', '林立'];
    for (const name of names) await makeWorker(t.system, { orgId: org.id, name });
    await makeWorker(t.system, { orgId: enterpriseId, name: '朱武' }); // beyond the reader's reach
    const search = async (q: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await reader.get(`/api/v1/workers?q=${q}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        const page = WorkerPageSchema.parse(res.json());
        seen.push(...page.items.map((i) => i.name));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await search('zw')).toEqual(['曾微', '张伟', '张伟伟', '钟无艳', '周文', '周文武']);
    expect(await search('zh')).toEqual(['张三', '张伟', '张伟伟', '赵敏', '钟无艳', '周文', '周文武']);
    // No syllable starts with i: 'li' can only be pinyin.
    expect(await search('li')).toEqual(['林立', '李四']); // linli, lisi
  });

  it('pages by level, highest first, without repeats', async () => {
    const org = await makeOrg(t.system, { parentId: enterpriseId });
    const levels = ['junior', 'technician', 'senior', 'senior_technician', 'intermediate'];
    for (const level of levels) {
      const w = await makeWorker(t.system, { orgId: org.id });
      await hr.post(`/api/v1/workers/${w.id}/credentials`, { kind: 'skill_level', levelCode: level, issuedOn: '2015-01-01' });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = WorkerPageSchema.parse(
        (await hr.get(`/api/v1/workers?orgId=${org.id}&sort=level&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json(),
      );
      seen.push(...page.items.map((i) => i.highestSkillLevel as string));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['senior_technician', 'technician', 'senior', 'intermediate', 'junior']);
  });

  it('exports the filtered list as xlsx, identities masked, and audits the export', async () => {
    const org = await makeOrg(t.system, { parentId: enterpriseId });
    const idNumber = makeIdNumber('420107', '1983-08-08');
    await makeWorker(t.system, { orgId: org.id, name: '导出测试', idNumber });
    const res = await hr.get(`/api/v1/workers/export?orgId=${org.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]?.slice(0, 4)).toEqual(['姓名', '性别', '出生日期', '身份证号（脱敏）']);
    expect(rows.slice(1).map((r) => [r[0], r[3]])).toEqual([['导出测试', `420107********${idNumber.slice(-4)}`]]);
    expect(JSON.stringify(rows)).not.toContain(idNumber);
    expect((await hr.get(`/api/v1/workers/export?orgId=${otherEnterpriseId}`)).statusCode).toBe(404);
    const audited = await t.database.db.selectFrom('auditEvents').select('action').where('action', '=', 'worker.export').execute();
    expect(audited.length).toBeGreaterThan(0);
  });
});
