import { ProgramPageSchema } from '@changai/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot, signIn, visit, waitForText, waitForUrl } from './support';

const OK = /^确\s*定$/;
const DOCUMENT = '鄂人社函〔2026〕88号';
const CERTIFICATE = `E2E-${Date.now()}`;

describe('skill formation', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the seed’s carriers, and the province recognises a pending innovation studio with a document number', async () => {
    const admin = await newPage(browser);
    await signIn(admin, 'admin');
    await waitForUrl(admin, (url) => url.pathname === '/dashboard');
    await admin.getByRole('menuitem', { name: '技能形成' }).click();
    await waitForUrl(admin, (url) => url.pathname === '/skills');
    await waitForText(admin.getByRole('group', { name: '高技能人才培训基地' }), '51');
    await waitForText(admin.getByRole('group', { name: '技能大师工作室' }), '172');
    await waitForText(admin.getByRole('group', { name: '职工培训基地' }), '149');
    await waitForText(admin.getByRole('group', { name: '职工创新工作室' }), '3,102');
    await waitForText(admin.getByRole('group', { name: '待认定申报' }), /[1-9]/);
    await admin.getByRole('img', { name: '各市州载体分布' }).locator('canvas').waitFor();
    await screenshot(admin, 'skills-overview');

    // The pending applications, one of them opened and recognised.
    await admin.getByRole('link', { name: '待认定申报' }).click();
    await waitForUrl(admin, (url) => url.pathname === '/skills/carriers' && url.searchParams.get('status') === 'applied');
    const row = admin.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '工匠创新工作室' }).first();
    await row.waitFor();
    await screenshot(admin, 'skills-carriers-applied', { fullPage: false });
    const name = (await row.getByRole('link').first().textContent()) ?? '';
    await row.getByRole('link', { name }).click();
    await waitForUrl(admin, (url) => /^\/skills\/carriers\/[0-9a-f-]{36}$/.test(url.pathname));
    await admin.getByRole('heading', { name: new RegExp(name.replace(/[()（）]/g, '.')) }).waitFor();

    await admin.getByRole('button', { name: /^认\s*定$/ }).click();
    const dialog = admin.getByRole('dialog', { name: '认定载体' });
    await dialog.getByLabel('认定文号').fill(DOCUMENT);
    await screenshot(admin, 'skills-recognise-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: OK }).click();
    await admin.getByText('已认定', { exact: true }).first().waitFor();
    await waitForText(admin.locator('.ant-descriptions'), DOCUMENT);
    expect(await admin.getByRole('button', { name: /^认\s*定$/ }).count()).toBe(0);
    await screenshot(admin, 'skills-carrier-recognised');

    // The overview counts it among the recognised studios.
    await admin.getByRole('menuitem', { name: '技能形成' }).click();
    await waitForText(admin.getByRole('group', { name: '职工创新工作室' }), '3,103');
    await admin.context().close();
  });

  it('records a passed assessment, which issues the credential onto the worker’s profile', async () => {
    const admin = await newPage(browser);
    await signIn(admin, 'admin');
    await waitForUrl(admin, (url) => url.pathname === '/dashboard');
    // Which demo programs have enrollments depends on where the demo registry placed workers: ask the API.
    let programId: string | undefined;
    const deadline = Date.now() + 30_000;
    while (!programId && Date.now() < deadline) {
      const page = ProgramPageSchema.parse(await (await admin.request.get(`${baseUrl()}/api/v1/training/programs?limit=200`)).json());
      programId = page.items.find((p) => p.enrolled > p.passed)?.id;
      if (!programId) await admin.waitForTimeout(1000);
    }
    expect(programId).toBeDefined();

    await visit(admin, '/skills/programs');
    await admin.getByRole('img', { name: '各月开班情况' }).locator('canvas').waitFor();
    await screenshot(admin, 'skills-programs', { fullPage: false });
    await visit(admin, `/skills/programs/${programId}`);
    const row = admin
      .locator('.ant-table-tbody tr.ant-table-row')
      .filter({ has: admin.getByRole('button', { name: /^登记结果/ }) })
      .first();
    await row.waitFor();
    const worker = ((await row.getByRole('link').first().textContent()) ?? '').trim();
    await row.getByRole('button', { name: /^登记结果/ }).click();
    const dialog = admin.getByRole('dialog', { name: `登记培训结果：${worker}` });
    await dialog.getByRole('radio', { name: '合格', exact: true }).check();
    await dialog.getByLabel('成绩').fill('92');
    await dialog.getByLabel('证书编号').fill(CERTIFICATE);
    await screenshot(admin, 'skills-outcome-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: OK }).click();
    await admin.getByText('结果已登记').first().waitFor();
    const done = admin.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: CERTIFICATE });
    await waitForText(done, '已发证');
    await screenshot(admin, 'skills-program-outcome');

    // The registry shows the credential, issued by the training.
    await done.getByRole('link', { name: worker }).click();
    await waitForUrl(admin, (url) => /^\/workers\/[0-9a-f-]{36}$/.test(url.pathname));
    const entry = admin.locator('.ant-timeline-item').filter({ hasText: CERTIFICATE });
    await waitForText(entry, '培训考核');
    await screenshot(admin, 'skills-worker-credential');
    await admin.context().close();
  });
});
