import { ImportPreviewSchema, type ImportResult, JobSchema } from '@changai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber, makeOrg, makeUser, makeWorker, orgByCode } from '../../../test/factories.js';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import ExcelJS, { type ExcelBuffer } from '../../platform/exceljs.js';
import { recomputeDerived } from '../workers/workers.repository.js';

let t: TestApp;
let hr: Client;
let enterprise: { id: string; name: string; code: string };

beforeAll(async () => {
  t = await createTestApp();
  const qingshan = await orgByCode(t.system, '420107');
  enterprise = await makeOrg(t.system, { parentId: qingshan.id, name: '武汉重型机床厂' });
  hr = await signIn(t.app, (await makeUser(t.system, { orgId: enterprise.id, role: 'enterprise_hr' })).username);
});
afterAll(() => t.close());

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

async function upload(client: Client, fileName: string, content: Buffer) {
  return client.request({ method: 'POST', url: '/api/v1/imports/workers', ...multipart(fileName, content) });
}

/** Uploads, starts with the proposed mapping, runs the job; returns the finished job. */
async function importFile(client: Client, fileName: string, content: Buffer, mapping?: Record<string, number>) {
  const res = await upload(client, fileName, content);
  expect(res.statusCode, res.body).toBe(201);
  const preview = ImportPreviewSchema.parse(res.json());
  const started = await client.post(`/api/v1/imports/uploads/${preview.uploadId}/start`, { mapping: mapping ?? preview.mapping });
  expect(started.statusCode, started.body).toBe(202);
  await t.runJobs();
  const job = JobSchema.parse((await client.get(`/api/v1/jobs/${started.json().id}`)).json());
  return { preview, job, result: job.result as ImportResult };
}

async function reportRows(client: Client, uploadId: string) {
  const res = await client.get(`/api/v1/uploads/${uploadId}/content`);
  expect(res.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ExcelBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
  return rows;
}

describe('worker import', () => {
  it('imports a messy csv as government staff send it, reports every bad row in Chinese, and re-imports to no change', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => makeIdNumber('420107', `1980-0${(i % 9) + 1}-1${i}`, i % 2 ? 'female' : 'male'));
    const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const lines = [
      '职工基本信息登记表,,,,,,',
      '序号,姓名,公民身份号码,工作单位,职业技能等级,发证日期,证书编号',
      `1,董永祥,${ids[0]},${enterprise.name},高级工,2020-10-01,S000042000001203000001`,
      `2,鄭國強,${fullWidth(ids[1] as string)},${enterprise.name},三级/高级工,2020/10/1,S000042000001203000002`,
      `3,李　娜,${ids[2]},${enterprise.name},技师,2019年6月30日,`,
      ',,,,,,',
      `4,王伟,${ids[3]},${enterprise.name},四级,43831,S000042000001203000004`,
      `5,刘洋,420102199003077777,${enterprise.name},高级工,2020-10-01,`,
      `6,陈静,${ids[5]},不存在的单位,高级工,2020-10-01,`,
      `7,杨帆,${ids[6]},${enterprise.name},大师级,2020-10-01,`,
      `1,董永祥,${ids[0]},${enterprise.name},高级工,2020-10-01,S000042000001203000001`,
      `8,赵磊,${ids[7]},${enterprise.name},高级工,2020-02-30,`,
    ];
    const csv = Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`);
    const { preview, job, result } = await importFile(hr, '职工名单.csv', csv);
    expect(preview).toMatchObject({ format: 'csv', headerRow: 2 });
    expect(preview.samples[0]?.slice(0, 3)).toEqual([
      '1',
      '董永祥',
      `${(ids[0] as string).slice(0, 6)}********${(ids[0] as string).slice(-4)}`,
    ]);
    expect(preview.mapping).toMatchObject({
      name: 1,
      idNumber: 2,
      employerName: 3,
      skillLevel: 4,
      certificateDate: 5,
      certificateNumber: 6,
    });
    expect(job.status).toBe('succeeded');
    expect(job.progress).toMatchObject({ phase: 'done', processed: 9, bytesRead: csv.length, bytesTotal: csv.length });
    expect(result).toMatchObject({ imported: 4, updated: 0, unchanged: 1, rejected: 4, fatal: null });
    const report = await reportRows(hr, result.report as string);
    expect(report[0]).toEqual(['行号', '列', '原值', '原因']);
    const reasons = report.slice(1).map((r) => [Number(r[0]), r[1], r[3]]);
    expect(reasons).toEqual([
      [8, '公民身份号码', '身份证号校验位不正确'],
      [10, '职业技能等级', '无法识别的职业技能等级'],
      [12, '发证日期', '日期不存在'],
      [9, '工作单位', '工作单位不存在、已停用或不在您的管辖范围内'],
    ]);
    const zheng = (await hr.get(`/api/v1/workers?q=zgq`)).json().items;
    expect(zheng).toHaveLength(1);
    expect(zheng[0]).toMatchObject({ name: '郑国强', highestSkillLevel: 'senior', isHighSkilled: true });
    const wang = (await hr.get(`/api/v1/workers?q=${ids[3]}`)).json().items[0];
    expect(wang).toMatchObject({ name: '王伟', highestSkillLevel: 'intermediate', highestSkillOn: '2020-01-01' });
    expect((await hr.get(`/api/v1/workers?q=${encodeURIComponent('李娜')}`)).json().items).toHaveLength(1);

    const again = await importFile(hr, '职工名单.csv', csv);
    expect(again.result).toMatchObject({ imported: 0, updated: 0, unchanged: 5, rejected: 4 });
    const credentials = await t.database.db
      .selectFrom('credentials')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(credentials.n)).toBe(4);
  });

  it('reads xlsx with Excel dates, formulas and full-width text, and updates what changed', async () => {
    const idNumber = makeIdNumber('420107', '1975-05-05');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['姓名', '身份证号', '工作单位', '技能等级', '取证日期', '手机号码', '是否一线职工']);
    sheet.addRow(['孙　静', idNumber, enterprise.name, '技师', new Date(Date.UTC(2018, 5, 1)), '１３９１２３４５６７８', '是']);
    sheet.addRow(['周杰', { formula: 'CONCATENATE("4201","07")', result: 'not-an-id' }, enterprise.name, '技师', 43000, '', '否']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const first = await importFile(hr, '名单.xlsx', buffer);
    expect(first.preview.format).toBe('xlsx');
    expect(first.result).toMatchObject({ imported: 1, rejected: 1 });
    const sun = (await hr.get(`/api/v1/workers?q=${idNumber}`)).json().items[0];
    expect(sun).toMatchObject({ name: '孙静', highestSkillLevel: 'technician', highestSkillOn: '2018-06-01', isFrontline: true });
    expect((await hr.get(`/api/v1/workers/${sun.id}`)).json().phone).toBe('139****5678');

    sheet.getRow(2).getCell(7).value = '否';
    sheet.getRow(2).commit();
    const second = await importFile(hr, '名单.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(second.result).toMatchObject({ imported: 0, updated: 1, unchanged: 0, rejected: 1 });
    expect((await hr.get(`/api/v1/workers/${sun.id}`)).json().isFrontline).toBe(false);
  });

  it('reads GBK-encoded csv', async () => {
    const idNumber = makeIdNumber('420107', '1966-06-06', 'female');
    const gbk = new Map([
      ['姓名', 'd0d5c3fb'],
      ['身份证号', 'c9edb7ddd6a4bac5'],
      ['工作单位', 'b9a4d7f7b5a5cebb'],
    ]);
    // The enterprise name in GBK is built from the server's own decoder: encode via a round trip through TextDecoder is not available, so use a code column instead.
    const header = Buffer.concat([
      Buffer.from(gbk.get('姓名') as string, 'hex'),
      Buffer.from(','),
      Buffer.from(gbk.get('身份证号') as string, 'hex'),
      Buffer.from(',单位代码\r\n'.replace('单位代码', 'orgcode')),
    ]);
    const row = Buffer.concat([Buffer.from('c0eec3f7', 'hex'), Buffer.from(`,${idNumber},${enterprise.code}\r\n`)]);
    const { result } = await importFile(hr, 'gbk.csv', Buffer.concat([header, row]));
    expect(result).toMatchObject({ imported: 1, rejected: 0 });
    expect((await hr.get(`/api/v1/workers?q=${idNumber}`)).json().items[0].name).toBe('李明');
  });

  it('remembers a corrected mapping for the same header layout', async () => {
    const idNumber = makeIdNumber('420107', '1991-01-01');
    const csv = Buffer.from(`人员,证件,单位代码\n吴昊,${idNumber},${enterprise.code}\n`);
    const first = await upload(hr, 'a.csv', csv);
    expect(first.statusCode).toBe(400);
    expect(first.json().error.reason).toBe('import.no_header');
    const csv2 = Buffer.from(`姓名,证件,单位代码\n吴昊,${idNumber},${enterprise.code}\n`);
    const preview = ImportPreviewSchema.parse((await upload(hr, 'b.csv', csv2)).json());
    expect(preview.isRemembered).toBe(false);
    expect(preview.mapping.idNumber).toBeUndefined();
    const missing = await hr.post(`/api/v1/imports/uploads/${preview.uploadId}/start`, { mapping: preview.mapping });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].path).toBe('body.mapping.idNumber');
    const { result } = await importFile(hr, 'b.csv', csv2, { name: 0, idNumber: 1, employerCode: 2 });
    expect(result.imported).toBe(1);
    const again = ImportPreviewSchema.parse((await upload(hr, 'c.csv', csv2)).json());
    expect(again).toMatchObject({ isRemembered: true, mapping: { name: 0, idNumber: 1, employerCode: 2 } });
  });

  it('never changes a worker registered outside the importer’s scope', async () => {
    const elsewhere = await makeOrg(t.system, { parentId: (await orgByCode(t.system, '420502')).id });
    const idNumber = makeIdNumber('420502', '1982-02-02');
    await makeWorker(t.system, { orgId: elsewhere.id, idNumber, name: '原名' });
    const { result } = await importFile(hr, 'x.csv', Buffer.from(`姓名,身份证号,单位代码\n改名,${idNumber},${enterprise.code}\n`));
    expect(result).toMatchObject({ imported: 0, rejected: 1 });
    const row = await t.database.db
      .selectFrom('workers')
      .select(['name', 'orgId'])
      .where('orgId', '=', elsewhere.id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('原名');
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'file_empty'],
    ['an old .xls file', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'file_xls'],
    ['binary garbage', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)), 'file_not_spreadsheet'],
    ['a zip that is not a workbook', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 1)]), 'file_corrupt'],
  ])('refuses %s with a clear reason', async (_name, content, reason) => {
    const res = await upload(hr, 'bad.xlsx', content);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.reason).toBe(reason);
    expect(res.json().error.message).not.toBe('');
  });

  it('refuses a truncated xlsx whose sheet cannot be read, writing nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['姓名', '身份证号', '单位代码']);
    for (let i = 0; i < 300; i++) sheet.addRow([`截断${i}`, makeIdNumber('420107'), enterprise.code]);
    const whole = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(hr, 'cut.xlsx', whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.reason).toBe('file_corrupt');
    const written = await t.database.db.selectFrom('workers').select('id').where('name', 'like', '截断%').execute();
    expect(written).toEqual([]);
  });

  it('keeps every good row before the point where a file breaks, and says where', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `断点${i},${makeIdNumber('420107')},${enterprise.code}`);
    const csv = Buffer.from(`姓名,身份证号,单位代码\n${rows.join('\n')}\n"未闭合的引号,1,2\n`);
    const { result, job } = await importFile(hr, 'broken.csv', csv);
    expect(job.status).toBe('succeeded');
    expect(result).toMatchObject({ imported: 1500, fatal: 'file_corrupt' });
    const report = await reportRows(hr, result.report as string);
    expect(report.at(-1)?.[3]).toContain('文件已损坏或不完整');
  });

  it('derives a new person’s levels from all their rows exactly as the stored credentials do', async () => {
    const [a, b, c] = [makeIdNumber('420107'), makeIdNumber('420107'), makeIdNumber('420107')];
    const lines = [
      '姓名,身份证号,单位代码,职业技能等级,发证日期,证书编号,职称,职称取得日期',
      `派生甲,${a},${enterprise.code},高级工,2015-03-01,DER-A1,,`,
      `派生甲,${a},${enterprise.code},技师,2021-06-30,DER-A2,中级,2022-01-01`,
      `派生乙,${b},${enterprise.code},技师,2019-05-01,DER-B1,助理级,2018-01-01`,
      `派生乙,${b},${enterprise.code},技师,2017-05-01,DER-B2,,`,
      `派生丙,${c},${enterprise.code},,,,副高级,2020-01-01`,
    ];
    const { result } = await importFile(hr, 'derived.csv', Buffer.from(`${lines.join('\n')}\n`));
    expect(result).toMatchObject({ imported: 5, rejected: 0 });
    const derived = () =>
      t.database.db
        .selectFrom('workers')
        .select(['name', 'highestSkillRank', 'highestSkillOn', 'highestTitleRank'])
        .where('name', 'like', '派生%')
        .orderBy('name')
        .execute();
    const imported = await derived();
    expect(imported).toEqual([
      { name: '派生丙', highestSkillRank: null, highestSkillOn: null, highestTitleRank: 4 },
      { name: '派生乙', highestSkillRank: 5, highestSkillOn: '2017-05-01', highestTitleRank: 2 },
      { name: '派生甲', highestSkillRank: 5, highestSkillOn: '2021-06-30', highestTitleRank: 3 },
    ]);
    const ids = await t.database.db.selectFrom('workers').select('id').where('name', 'like', '派生%').execute();
    await t.database.db
      .updateTable('workers')
      .set({ highestSkillRank: null, highestSkillOn: null, highestTitleRank: null })
      .where('name', 'like', '派生%')
      .execute();
    await recomputeDerived(
      t.database.db,
      ids.map((w) => w.id),
    );
    expect(await derived()).toEqual(imported);
  });

  it('stores text with quotes, commas, braces and backslashes exactly (rows travel as typed arrays)', async () => {
    const id = makeIdNumber('420107');
    const issuer = '湖北省"技能",{鉴定}\\中心 NULL';
    const lines = [
      '姓名,身份证号,单位代码,职业技能等级,发证日期,证书编号,发证机构',
      `符号甲,${id},${enterprise.code},技师,2020-06-30,"SYM-{1},2","${issuer.replaceAll('"', '""')}"`,
    ];
    const { result } = await importFile(hr, 'symbols.csv', Buffer.from(`${lines.join('\n')}\n`));
    expect(result).toMatchObject({ imported: 1, rejected: 0 });
    const stored = await t.database.db
      .selectFrom('credentials as c')
      .innerJoin('workers as w', 'w.id', 'c.workerId')
      .select(['c.issuer', 'c.certificateNumber'])
      .where('w.name', '=', '符号甲')
      .execute();
    expect(stored).toEqual([{ issuer, certificateNumber: 'SYM-{1},2' }]);
  });

  it('serves the template and keeps others from downloading a report', async () => {
    const template = await hr.get('/api/v1/imports/workers/template');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-disposition']).toContain('.xlsx');
    const { result } = await importFile(hr, 'bad.csv', Buffer.from(`姓名,身份证号,单位代码\n某人,123,${enterprise.code}\n`));
    const other = await signIn(t.app, (await makeUser(t.system, { orgId: enterprise.id, role: 'enterprise_hr' })).username);
    expect((await other.get(`/api/v1/uploads/${result.report}/content`)).statusCode).toBe(404);
  });
});
