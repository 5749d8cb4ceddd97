import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot, signIn, visit, waitForText, waitForUrl } from './support';

const OK = /^确\s*定$/;
const stamp = Date.now().toString(36).slice(-5).toUpperCase();
const STUDIO = `E2E焊接技能大师工作室${stamp}`;
const DOCUMENT = `鄂人社函〔2026〕${Math.floor(Math.random() * 900) + 100}号`;
const PROGRAM = `E2E电焊工（高级工）培训班${stamp}`;
const ACHIEVEMENT = `E2E焊缝自动跟踪装置${stamp}`;
const CERTIFICATE = `S0000422${stamp}01`;

// GB 11643-1999 check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
function idNumber(birth: string): string {
  const seq = Math.floor(Math.random() * 400) * 2 + 101;
  const first17 = `420107${birth}${String(seq).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return `${first17}${CHECK[sum % 11]}`;
}
// Simplified characters only: the registry search folds traditional ones into simplified.
const GIVEN = '明华强伟芳军敏静磊洋勇艳杰涛超娟斌辉刚平';
const name = (n: number) =>
  `技形${'甲乙丙丁'[n]}${GIVEN[Math.floor(Math.random() * GIVEN.length)]}${GIVEN[Math.floor(Math.random() * GIVEN.length)]}`;

/** The page's own session, for arranging data through the API as the signed-in user would. */
async function apiAs(page: Page) {
  const session = await (await page.request.get(`${baseUrl()}/api/v1/auth/session`)).json();
  const headers = { 'x-csrf-token': session.csrfToken as string };
  return {
    get: async (p: string) => (await page.request.get(`${baseUrl()}${p}`)).json(),
    post: async (p: string, data: unknown) => {
      const res = await page.request.post(`${baseUrl()}${p}`, { data, headers });
      if (!res.ok()) throw new Error(`${p} → ${res.status()} ${await res.text()}`);
      return res.json();
    },
  };
}

/** Types into an antd Select (a WorkerPicker, an org picker) and takes the option with this title. */
async function pick(page: Page, field: ReturnType<Page['getByLabel']>, text: string, title = text) {
  await field.click();
  await field.fill(text);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(title, { exact: true }).first().click();
}

async function openAs(browser: Browser, username: string) {
  const page = await newPage(browser);
  await signIn(page, username);
  await waitForUrl(page, (url) => url.pathname === '/dashboard');
  return page;
}

describe('skill formation workflows', () => {
  let browser: Browser;
  const workers: { id: string; name: string; idNumber: string }[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    // Two fresh registry workers of 武钢, so the journey does not depend on where the demo put people.
    const hr = await openAs(browser, 'wugang_hr');
    const api = await apiAs(hr);
    const employer = (await api.get('/api/v1/workers?q=董永祥')).items[0].org.id as string;
    for (const [i, birth] of ['19850312', '19920707'].entries()) {
      const w = { name: name(i), idNumber: idNumber(birth) };
      const created = await api.post('/api/v1/workers', { ...w, orgId: employer, occupationCode: '6-18-02-04', isFrontline: true });
      workers.push({ ...w, id: created.id });
    }
    await hr.context().close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets an enterprise HR apply for a skill master studio, which the province recognises', async () => {
    const [leader, member] = workers;
    if (!leader || !member) throw new Error('no workers');
    const hr = await openAs(browser, 'wugang_hr');
    await visit(hr, '/skills/carriers');
    await hr.getByRole('button', { name: '申报载体' }).click();
    const dialog = hr.getByRole('dialog', { name: '申报技能形成载体' });
    // An empty name is refused before anything is sent.
    await dialog.getByRole('button', { name: '提交申报' }).click();
    await dialog.getByText('必填').first().waitFor();
    await dialog.getByLabel('名称').fill(STUDIO);
    await pick(hr, dialog.getByLabel('负责人（领办人）'), leader.name);
    await pick(hr, dialog.getByLabel('团队成员'), member.name);
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByLabel('服务职业').fill('6-18-02-04');
    await dialog.getByLabel('服务职业').press('Enter');
    await dialog.getByLabel('简介').fill('以焊接工艺攻关和高技能人才带徒为主。');
    await screenshot(hr, 'skills-apply-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: '提交申报' }).click();
    await waitForUrl(hr, (url) => /^\/skills\/carriers\/[0-9a-f-]{36}$/.test(url.pathname));
    const carrierPath = new URL(hr.url()).pathname;
    await hr.getByRole('heading', { name: STUDIO }).waitFor();
    await hr.getByText('申报中', { exact: true }).first().waitFor();
    const members = hr.locator('.ant-card').filter({ has: hr.getByText('团队成员', { exact: true }) });
    await waitForText(members.locator('.ant-table-tbody'), member.name);
    await waitForText(members.locator('.ant-table-tbody'), leader.name);
    expect(await hr.getByRole('button', { name: /^认\s*定$/ }).count()).toBe(0);
    await screenshot(hr, 'skills-carrier-applied');
    await hr.context().close();

    const admin = await openAs(browser, 'admin');
    await visit(admin, carrierPath);
    await admin.getByRole('button', { name: /^认\s*定$/ }).click();
    const recognise = admin.getByRole('dialog', { name: '认定载体' });
    await recognise.getByLabel('认定文号').fill(DOCUMENT);
    await recognise.getByRole('button', { name: OK }).click();
    await waitForText(admin.locator('.ant-descriptions'), DOCUMENT);
    await admin.getByText('已认定', { exact: true }).first().waitFor();
    await screenshot(admin, 'skills-carrier-recognised-by-province');

    // Revoked again, so the seed's recognised counts that skills.e2e.ts checks stay as they were.
    await admin.getByRole('button', { name: '撤销认定' }).click();
    const revoke = admin.getByRole('dialog', { name: '撤销认定' });
    await revoke.getByLabel('撤销原因').fill('浏览器测试创建，测试结束后撤销');
    await revoke.getByRole('button', { name: OK }).click();
    await admin.getByText('已撤销', { exact: true }).first().waitFor();
    await admin.context().close();
  });

  it('creates a program, enrolls a worker, imports results with one bad row, offers its error report, then edits and closes it', async () => {
    const [trainee, second] = workers;
    if (!trainee || !second) throw new Error('no workers');
    const hr = await openAs(browser, 'wugang_hr');
    await visit(hr, '/skills/programs');
    await hr.getByRole('button', { name: '新建培训项目' }).click();
    const form = hr.getByRole('dialog', { name: '新建培训项目' });
    await form.getByLabel('项目名称').fill(PROGRAM);
    // The occupation code is checked against the contract before anything is sent.
    await form.getByLabel('职业（工种）').fill('6182');
    await form.getByRole('button', { name: /^保\s*存$/ }).click();
    await form.getByText('职业代码格式应为').waitFor();
    await form.getByLabel('职业（工种）').fill('6-18-02-04');
    await form.getByLabel('培训等级').click();
    await hr.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('高级工（三级）', { exact: true }).click();
    await form.getByPlaceholder('开始日期').click();
    await form.getByPlaceholder('开始日期').fill('2026-11-02');
    await form.getByPlaceholder('结束日期').fill('2026-11-20');
    await form.getByPlaceholder('结束日期').press('Enter');
    await form.getByLabel('计划人数').fill('30');
    await screenshot(hr, 'skills-program-form', { fullPage: false });
    await form.getByRole('button', { name: /^保\s*存$/ }).click();
    await waitForUrl(hr, (url) => /^\/skills\/programs\/[0-9a-f-]{36}$/.test(url.pathname));
    await hr.getByRole('heading', { name: PROGRAM }).waitFor();

    // Enroll one worker picked from the registry.
    await hr.getByRole('button', { name: '报名学员' }).click();
    const enroll = hr.getByRole('dialog', { name: `报名学员：${PROGRAM}` });
    await pick(hr, enroll.getByLabel('学员'), trainee.name);
    await enroll.locator('.ant-modal-title').click();
    await screenshot(hr, 'skills-enroll-dialog', { fullPage: false });
    await enroll.getByRole('button', { name: '报名 1 人' }).click();
    await hr.getByText('已报名 1 人').first().waitFor();
    await waitForText(hr.locator('.ant-table-tbody'), trainee.name);

    // The result sheet: the trainee passes, the second worker is enrolled by the sheet, one row is bad.
    await hr.getByRole('button', { name: '批量导入' }).click();
    const importer = hr.getByRole('dialog', { name: `批量导入学员与结果：${PROGRAM}` });
    const template = await hr.request.get(`${baseUrl()}/api/v1/training/import-template`);
    expect(template.status()).toBe(200);
    await importer.getByRole('link', { name: /下载模板|模板/ }).waitFor();
    const csv = `\ufeff${[
      ['身份证号', '姓名', '出勤率', '是否结业', '考核结果', '成绩', '证书编号', '考核日期'],
      [trainee.idNumber, trainee.name, '96', '是', '合格', '91', CERTIFICATE, '2026-11-24'],
      [second.idNumber, second.name, '80', '否', '', '', '', ''],
      ['42010719850312001X', '错号', '90', '是', '', '', '', ''],
    ]
      .map((r) => r.join(','))
      .join('\r\n')}\r\n`;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'changai-training-')), '培训结果.csv');
    fs.writeFileSync(file, csv);
    await screenshot(hr, 'skills-training-import-upload', { fullPage: false });
    await importer.locator('input[type=file]').setInputFiles(file);
    await waitForUrl(hr, (url) => url.searchParams.has('importJob'), 30_000);
    await importer.getByText('导入完成，1 行未通过校验').waitFor({ timeout: 60_000 });
    const report = importer.getByRole('link', { name: /下载错误报告/ });
    await report.waitFor();
    const href = (await report.getAttribute('href')) ?? '';
    const download = await hr.request.get(`${baseUrl()}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toContain('attachment');
    await screenshot(hr, 'skills-training-import-result', { fullPage: false });
    await importer
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /^关\s*闭$/ })
      .click();

    const passedRow = hr.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: trainee.name });
    await waitForText(passedRow, '已发证');
    await waitForText(hr.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: second.name }), '在训');
    await screenshot(hr, 'skills-program-after-import');

    // Correcting the program never drops the places below those taken; closing ends enrollment.
    await hr.getByRole('button', { name: /修\s*改$/ }).click();
    const edit = hr.getByRole('dialog', { name: '修改培训项目' });
    await edit.getByLabel('计划人数').fill('1');
    await edit.getByRole('button', { name: /^保\s*存$/ }).click();
    await edit.getByText('名额不能少于已报名人数').waitFor();
    await edit.getByLabel('计划人数').fill('40');
    await screenshot(hr, 'skills-program-edit-refused', { fullPage: false });
    await edit.locator('.ant-modal-footer .ant-btn-primary').click();
    await hr.getByText('已保存').first().waitFor();
    await waitForText(hr.locator('.ant-descriptions'), '40');
    await hr.getByRole('button', { name: /结束报名$/ }).click();
    await hr.locator('.ant-popconfirm').getByRole('button', { name: OK }).click();
    await hr.getByText('已结束', { exact: true }).first().waitFor();
    expect(await hr.getByRole('button', { name: /报名学员$/ }).count()).toBe(0);

    // The worker's profile shows the training and the credential it issued.
    await visit(hr, `/workers/${trainee.id}`);
    const record = hr.getByRole('region', { name: '参加培训' }).or(hr.locator('section[aria-label="参加培训"]'));
    await waitForText(record.first(), PROGRAM);
    await waitForText(record.first(), '已发证');
    await screenshot(hr, 'skills-worker-training-record');
    await hr.context().close();
  });

  it('submits an innovation achievement, which the province evaluates and adopts', async () => {
    const [lead, partner] = workers;
    if (!lead || !partner) throw new Error('no workers');
    const hr = await openAs(browser, 'wugang_hr');
    await visit(hr, '/skills/innovation');
    await hr.getByRole('button', { name: '申报成果' }).click();
    const dialog = hr.getByRole('dialog', { name: '申报创新成果' });
    await dialog.getByLabel('成果名称').fill(ACHIEVEMENT);
    await pick(hr, dialog.getByLabel('团队成员'), lead.name);
    await pick(hr, dialog.getByLabel('团队成员'), partner.name);
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByLabel('专利').fill('ZL20');
    await dialog.getByLabel('专利').press('Enter');
    await dialog.getByRole('button', { name: /^提\s*交$/ }).click();
    await dialog.getByText('专利号应为').waitFor();
    await dialog.locator('.ant-select-selection-item-remove').last().click();
    await dialog.getByLabel('专利').fill('ZL202610123456.7');
    await dialog.getByLabel('专利').press('Enter');
    await dialog.getByLabel('成果简介').fill('焊缝跟踪由人工目测改为激光传感，一次合格率提高 6 个百分点。');
    await screenshot(hr, 'skills-achievement-submit', { fullPage: false });
    await dialog.getByRole('button', { name: /^提\s*交$/ }).click();
    await waitForUrl(hr, (url) => /^\/skills\/innovation\/[0-9a-f-]{36}$/.test(url.pathname));
    const achievementPath = new URL(hr.url()).pathname;
    await hr.getByRole('heading', { name: new RegExp(ACHIEVEMENT) }).waitFor();
    expect(await hr.getByRole('button', { name: /评\s*审$/ }).count()).toBe(0);
    await hr.context().close();

    const admin = await openAs(browser, 'admin');
    await visit(admin, achievementPath);
    await admin.getByRole('button', { name: /评\s*审$/ }).click();
    const evaluate = admin.getByRole('dialog', { name: '成果评审' });
    await evaluate.getByLabel('经济效益（元）').fill('1260000');
    await evaluate.getByLabel('评审意见').fill('经测算年节约返修成本 126 万元，同意推广。');
    await evaluate.getByRole('button', { name: OK }).click();
    await admin.getByText('评审结果已保存').first().waitFor();
    await waitForText(admin.locator('.ant-descriptions'), '1,260,000');
    await admin.getByRole('button', { name: /采\s*纳$/ }).click();
    await admin.getByRole('dialog', { name: '采纳成果' }).getByRole('button', { name: OK }).click();
    await admin.getByText('成果已采纳').first().waitFor();
    await admin.locator('.ant-tag').filter({ hasText: '已采纳' }).first().waitFor();
    await screenshot(admin, 'skills-achievement-adopted');

    // The list finds it under its status.
    await visit(admin, `/skills/innovation?status=adopted&q=${encodeURIComponent(ACHIEVEMENT)}`);
    const list = admin.locator('.ant-card').filter({ has: admin.getByText('成果列表', { exact: true }) });
    await waitForText(list.locator('.ant-table-tbody'), ACHIEVEMENT);
    await screenshot(admin, 'skills-achievements-filtered', { fullPage: false });
    await admin.context().close();
  });

  it('lets a unit enter its skill demand and shows the gap, in Chinese and English', async () => {
    const hr = await openAs(browser, 'wugang_hr');
    await visit(hr, '/skills/alignment');
    const form = hr.getByRole('form', { name: '填报需求' });
    await form.getByLabel('行业代码').fill('31');
    await form.getByLabel('职业', { exact: true }).fill('6-18-02-07');
    await form.getByLabel('等级', { exact: true }).click();
    await hr.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('技师（二级）', { exact: true }).click();
    await form.getByLabel('需求人数').fill('37');
    await form.getByRole('button', { name: /^保\s*存$/ }).click();
    await hr.getByText('需求已保存，缺口已更新').first().waitFor();
    const row = hr.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '6-18-02-07' });
    await waitForText(row.first(), '37');
    await screenshot(hr, 'skills-demand-entered');

    // The same workflows read in English.
    await hr.getByRole('button', { name: '切换语言' }).click();
    await hr.getByRole('menuitem', { name: 'English' }).click();
    await hr
      .getByRole('heading', { name: 'Skill demand' })
      .or(hr.getByText('Skill demand', { exact: true }))
      .first()
      .waitFor();
    await visit(hr, '/skills/carriers');
    await hr.getByRole('button', { name: 'Apply for a carrier' }).click();
    const dialog = hr.getByRole('dialog', { name: 'Apply for recognition of a carrier' });
    await dialog.getByRole('button', { name: 'Submit application' }).click();
    await dialog.getByText('This field is required').first().waitFor();
    await screenshot(hr, 'skills-apply-dialog-english', { fullPage: false });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await hr.getByRole('button', { name: 'Switch language' }).click();
    await hr.getByRole('menuitem', { name: '简体中文' }).click();
    await hr.context().close();
  });
});
