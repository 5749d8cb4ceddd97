import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, reload, screenshot, signIn, visit, waitForText, waitForUrl } from './support';

const FORM = '产改工作季度报表';
const COUNTY_USER = 'e2e_jiangan';
const PASSWORD = 'E2e-county-pass-1';

/** The admin's API calls from the signed-in page (its cookie and CSRF token). */
async function apiOf(page: Page) {
  const session = await (await page.request.get(`${baseUrl()}/api/v1/auth/session`)).json();
  const headers = { 'x-csrf-token': session.csrfToken as string };
  return {
    get: async (path: string) => (await page.request.get(`${baseUrl()}${path}`)).json(),
    post: async (path: string, data: unknown) => {
      const res = await page.request.post(`${baseUrl()}${path}`, { data, headers });
      if (!res.ok()) throw new Error(`POST ${path} → ${res.status()} ${await res.text()}`);
      return res.json();
    },
  };
}

/** Pastes a tab-separated block into the focused grid input, as Ctrl+V from Excel does. */
async function pasteInto(page: Page, label: string, text: string) {
  const input = page.getByRole('spinbutton', { name: label, exact: true });
  await input.click();
  await input.evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

/** The current quarter's code on the server's clock, as the inbox shows it. */
const currentQuarter = () => {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
};

describe('reported data', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a county pastes and submits, Wuhan returns it, the county fixes it, Wuhan and the province approve, and it locks', async () => {
    const period = currentQuarter();
    const admin = await newPage(browser);
    await signIn(admin, 'admin');
    await waitForUrl(admin, (url) => url.pathname === '/dashboard');
    const api = await apiOf(admin);
    const jiangan = (await api.get('/api/v1/orgs?q=420102')).items.find((o: { code: string }) => o.code === '420102');
    await api.post('/api/v1/users', {
      username: COUNTY_USER,
      displayName: '江岸区总工会填报员',
      password: PASSWORD,
      role: 'unit_admin',
      orgId: jiangan.id,
    });

    // The county finds the quarter in its inbox.
    const county = await newPage(browser);
    await signIn(county, COUNTY_USER, PASSWORD);
    // A new account sets its own password first.
    await waitForUrl(county, (url) => url.pathname === '/change-password');
    await county.getByLabel('当前密码').fill(PASSWORD);
    await county.getByLabel('新密码', { exact: true }).fill('E2e-county-pass-2');
    await county.getByLabel('确认新密码').fill('E2e-county-pass-2');
    await county.getByRole('button', { name: '确认修改' }).click();
    await waitForUrl(county, (url) => url.pathname === '/dashboard');
    await county.getByRole('menuitem', { name: '数据填报' }).click();
    await waitForUrl(county, (url) => url.pathname === '/reporting');
    const row = county.locator('.ant-table-tbody tr').filter({ hasText: FORM }).filter({ hasText: period });
    await row.first().waitFor();
    await screenshot(county, 'reporting-inbox');
    await row.first().getByRole('link', { name: FORM }).click();
    await waitForUrl(county, (url) => url.pathname.startsWith('/reporting/entries/'));
    const entryUrl = new URL(county.url()).pathname;

    // A column pasted from Excel fills the grid; a broken rule shows at once, in Chinese.
    await pasteInto(county, '开展职工技能培训场次', '12\n560\n700\n25.5\n3\n180\n1\n');
    await county.getByText('已粘贴 7 个数值').waitFor();
    await county.getByText('取得证书人次不能超过职工技能培训人次').first().waitFor();
    await screenshot(county, 'reporting-entry-pasted-rule');
    const certified = county.getByRole('spinbutton', { name: '取得证书人次', exact: true });
    await certified.fill('300');
    await county.getByText('校验通过').waitFor();
    await county.getByRole('button', { name: '上报审核' }).click();
    await county.getByText('已上报，等待武汉市审核').first().waitFor();

    // Wuhan returns it with a reason.
    const wuhan = await newPage(browser);
    await signIn(wuhan, 'wuhan');
    await waitForUrl(wuhan, (url) => url.pathname !== '/login');
    await wuhan.getByRole('menuitem', { name: '数据审核' }).click();
    await waitForUrl(wuhan, (url) => url.pathname === '/reporting/approvals');
    const queued = wuhan.locator('.ant-table-tbody tr').filter({ hasText: '江岸区' }).filter({ hasText: period });
    await queued.first().waitFor();
    await screenshot(wuhan, 'reporting-approvals');
    // A correction of approved data shows the approved value beside the new one.
    await wuhan.locator('.ant-table-tbody tr').filter({ hasText: '更正 2 项' }).first().getByRole('link', { name: '审核' }).click();
    await wuhan.getByText('更正中').first().waitFor();
    await wuhan.getByRole('columnheader', { name: '已审核数值' }).waitFor();
    await screenshot(wuhan, 'reporting-revision-diff');
    await wuhan.goBack();
    await queued.first().getByRole('link', { name: '审核' }).click();
    await waitForUrl(wuhan, (url) => url.pathname === entryUrl);
    await wuhan.getByRole('button', { name: /^退\s*回$/ }).click();
    const dialog = wuhan.getByRole('dialog', { name: '退回给 江岸区' });
    await dialog.getByLabel('退回原因').fill('培训场次与台账不符，请核实后重报');
    await dialog.getByRole('button', { name: /^退\s*回$/ }).click();
    await wuhan.getByText('武汉市已退回').waitFor();

    // The county sees why, corrects and resubmits.
    await reload(county);
    await county.getByText('培训场次与台账不符，请核实后重报').first().waitFor();
    await screenshot(county, 'reporting-entry-returned');
    await county.getByRole('spinbutton', { name: '开展职工技能培训场次', exact: true }).fill('14');
    await county.getByRole('button', { name: '上报审核' }).click();
    await county.getByText('已上报，等待武汉市审核').first().waitFor();

    // Wuhan approves; it moves up to the province, which approves it too.
    await reload(wuhan);
    await wuhan.getByRole('button', { name: '审核通过' }).click();
    await waitForText(wuhan.locator('.ant-alert'), '等待湖北省审核');
    await visit(admin, entryUrl);
    await admin.getByRole('button', { name: '审核通过' }).click();
    await admin.getByText('已审核通过，数据锁定').first().waitFor();

    // Locked for the county: no inputs, only a way to ask for a correction.
    await reload(county);
    await county.getByText('已审核通过，数据锁定').first().waitFor();
    expect(await county.getByRole('spinbutton').count()).toBe(0);
    await county.getByRole('button', { name: '申请更正' }).waitFor();
    await waitForText(county.locator('.ant-table-tbody'), '14');
    await screenshot(county, 'reporting-entry-locked');

    // The province sees completeness over the prefectures, and its forms.
    await visit(admin, `/reporting/approvals?tab=completeness&period=${period.slice(0, 4)}-Q3`);
    await admin.getByText('各单位报送情况').first().waitFor();
    await admin.waitForTimeout(500);
    await screenshot(admin, 'reporting-completeness');
    await visit(admin, '/reporting/forms');
    await admin.locator('.ant-table-tbody tr').filter({ hasText: FORM }).first().waitFor();
    await screenshot(admin, 'reporting-forms');
    await admin
      .getByRole('button', { name: /^编\s*辑$/ })
      .first()
      .click();
    const formDialog = admin.getByRole('dialog', { name: '编辑报表' });
    await formDialog.getByRole('button', { name: '添加规则' }).waitFor();
    await screenshot(admin, 'reporting-form-edit', { fullPage: false });
    // Saved as it is: both languages of each rule survive the round trip.
    await formDialog.getByRole('button', { name: /^确\s*定$/ }).click();
    await admin.getByText('已保存').first().waitFor();
    const forms = await api.get('/api/v1/reporting/forms');
    expect(forms.items[0].rules[0].messageEn).toBe('Certificates obtained cannot exceed training participations');
    await admin.getByRole('button', { name: '116 个单位' }).click();
    await admin.getByRole('dialog').getByText('江岸区').first().waitFor();
    await screenshot(admin, 'reporting-assignments', { fullPage: false });
  }, 180_000);

  it('reads in English: Wuhan’s approval queue, a correction and the completeness of its counties', async () => {
    const page = await newPage(browser);
    await signIn(page, 'wuhan');
    await waitForUrl(page, (url) => url.pathname !== '/login');
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menu', { name: 'Main menu' }).getByRole('menuitem', { name: 'Data approval' }).click();
    await waitForUrl(page, (url) => url.pathname === '/reporting/approvals');
    await page.locator('.ant-table-tbody tr').filter({ hasText: '2 corrected' }).first().getByRole('link', { name: 'Review' }).click();
    await page.getByRole('columnheader', { name: 'Approved value' }).waitFor();
    await screenshot(page, 'reporting-revision-english');
    await visit(page, '/reporting/approvals?tab=completeness&period=2025');
    await page.getByText('Reporting completeness and timeliness').waitFor();
    await page.getByText('By unit').first().waitFor();
    await screenshot(page, 'reporting-completeness-english');
    await page.context().close();
  }, 90_000);
});
