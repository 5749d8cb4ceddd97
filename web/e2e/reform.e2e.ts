import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, reload, screenshot, signIn, visit, waitForText, waitForUrl } from './support';

const OK = /^确\s*定$/;
const TITLE = 'E2E 产业工人技能提升专项行动';

async function openInboxItem(page: Page, kind: string) {
  await visit(page, '/tasks');
  const row = page.locator('.ant-table-tbody tr').filter({ hasText: TITLE }).filter({ hasText: kind });
  await row.first().waitFor();
  await row.first().getByRole('link', { name: '办理' }).click();
  await waitForUrl(page, (url) => /^\/tasks\/[0-9a-f-]{36}$/.test(url.pathname));
}

describe('the reform office', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('hands a task down to Wuhan, returns its report, takes the correction, and shows an overdue task on the board', async () => {
    const admin = await newPage(browser);
    await signIn(admin, 'admin');
    await waitForUrl(admin, (url) => url.pathname === '/dashboard');
    await admin.getByRole('menuitem', { name: '改革任务' }).click();
    await waitForUrl(admin, (url) => url.pathname === '/tasks');

    // The office sets a task for itself …
    await admin.getByRole('button', { name: '新建任务' }).click();
    const form = admin.getByRole('dialog', { name: '新建任务' });
    await form.getByLabel('任务名称').fill(TITLE);
    await form.getByLabel('牵头单位').click();
    await form.getByLabel('牵头单位').fill('湖北省总工会');
    await admin.getByRole('treeitem', { name: /^湖北省总工会/ }).click();
    await form.getByRole('button', { name: OK }).click();
    await waitForUrl(admin, (url) => /^\/tasks\/[0-9a-f-]{36}$/.test(url.pathname));
    await admin.getByRole('heading', { name: new RegExp(TITLE) }).waitFor();

    // … and hands it down to Wuhan, which gets its own copy.
    await admin.getByRole('button', { name: '向下交办' }).click();
    const handDown = admin.getByRole('dialog', { name: '将任务交办给下级单位' });
    await handDown.getByLabel('接收单位').click();
    await handDown.getByLabel('接收单位').fill('武汉市');
    // The visible dropdown item (antd also renders a hidden accessible listbox). The list re-renders when
    // the search answers, which can swallow a click on a busy machine: click again until it is chosen,
    // slowly enough that a late choice is seen before the next click.
    const chosen = admin.locator('.ant-select-item-option-selected[title="武汉市"]');
    await expect
      .poll(
        async () => {
          if (!(await chosen.isVisible())) await admin.locator('.ant-select-item-option[title="武汉市"]').click();
          return chosen.isVisible();
        },
        { timeout: 30_000, interval: 3000 },
      )
      .toBe(true);
    await handDown.getByText('每个接收单位获得自己的任务副本').click(); // closes the dropdown
    await handDown.getByRole('button', { name: OK }).click();
    await admin.getByText('已交办给 1 个单位').waitFor();
    await admin.getByRole('link', { name: '武汉市' }).waitFor();
    await screenshot(admin, 'reform-task-handed-down');

    // Wuhan finds it due in its inbox and files a report.
    const wuhan = await newPage(browser);
    await signIn(wuhan, 'wuhan');
    await waitForUrl(wuhan, (url) => url.pathname !== '/login');
    await openInboxItem(wuhan, '待报送');
    await wuhan.getByRole('button', { name: '报送进展' }).click();
    let report = wuhan.getByRole('dialog', { name: '报送进展报告' });
    await report.getByLabel('工作进展').fill('已召开全市部署会，完成首批 1200 人次培训。');
    await report.getByLabel('完成进度（%）').fill('30');
    await report.getByRole('button', { name: OK }).click();
    await wuhan.getByText('进展已报送').first().waitFor();

    // The office returns it with a reason.
    await openInboxItem(admin, '待审核');
    await admin.getByRole('button', { name: /^审\s*核$/ }).click();
    const review = admin.getByRole('dialog', { name: '审核进展报告' });
    await review.getByRole('radio', { name: '退回修改' }).check();
    await review.getByLabel('退回原因').fill('请补充培训合格率和佐证材料');
    await review.getByRole('button', { name: OK }).click();
    await admin.getByText('报告已退回').first().waitFor();

    // Wuhan sees it returned, with the reason, and resubmits.
    await openInboxItem(wuhan, '退回修改');
    await waitForText(wuhan.locator('.ant-list-item').first(), '请补充培训合格率和佐证材料');
    await wuhan.getByRole('button', { name: '修改后重报' }).click();
    report = wuhan.getByRole('dialog', { name: '报送进展报告' });
    await report.getByLabel('工作进展').fill('已完成首批 1200 人次培训，合格率 96%，附培训签到表。');
    await report.getByLabel('完成进度（%）').fill('40');
    await report.getByRole('button', { name: OK }).click();
    await wuhan.getByText('进展已报送').first().waitFor();
    await waitForText(wuhan.locator('.ant-list-item').first(), '第 2 次报送');
    await screenshot(wuhan, 'reform-report-resubmitted');

    // The office accepts the correction; the copy's progress shows on the office's task.
    await openInboxItem(admin, '待审核');
    await admin.getByRole('button', { name: /^审\s*核$/ }).click();
    await admin.getByRole('dialog', { name: '审核进展报告' }).getByRole('button', { name: OK }).click();
    await admin.getByText('报告已通过').first().waitFor();
    await waitForText(admin.locator('.ant-list-item').first(), '已通过');

    // The supervision board lists overdue tasks (the demo's, past their deadline) with 督办 notices.
    await admin.getByRole('menuitem', { name: '督查督办' }).click();
    await waitForUrl(admin, (url) => url.pathname === '/supervision');
    const overdueCount = await waitForText(admin.getByRole('group', { name: '逾期任务' }), /[1-9]/);
    expect(overdueCount).toMatch(/[1-9]/);
    await waitForText(admin.getByRole('region', { name: '逾期任务' }), '已逾期');
    await screenshot(admin, 'reform-supervision');

    await reload(admin);
    await admin.context().close();
    await wuhan.context().close();
  });

  it('finds a policy by a fragment of its Chinese text and prints the 2020 summary with the seed’s figures', async () => {
    const page = await newPage(browser);
    await signIn(page, 'admin');
    await waitForUrl(page, (url) => url.pathname === '/dashboard');
    await visit(page, '/policies');
    await page.getByLabel(/搜索标题、文号或正文/).fill('百日免费');
    await page.getByLabel(/搜索标题、文号或正文/).press('Enter');
    await waitForUrl(page, (url) => url.searchParams.get('q') === '百日免费');
    await page.getByText('共 1 个政策').waitFor();
    await waitForText(page.locator('.ant-table-tbody'), '湖北省百日免费线上技能培训行动方案');
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await page.locator('.ant-table-tbody').getByText('湖北省百日免费线上技能培训行动方案', { exact: true }).click();
    await waitForText(page.getByRole('dialog'), '鄂人社函〔2020〕41号');
    await screenshot(page, 'reform-policies', { fullPage: false });

    await visit(page, '/summary?year=2020');
    await waitForText(page.locator('.ant-card').first(), '配套政策累计49个，其中当年出台12个');
    await screenshot(page, 'reform-summary-2020');
    await page.context().close();
  });
});
