import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signIn, visit, waitForText, waitForUrl } from './support';

// GB 11643-1999: weighted sum of the first 17 digits, mod 11, picks the check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

function checkDigit(first17: string): string {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return CHECK[sum % 11] as string;
}

/** A valid ID number for a birth date (YYYYMMDD) with a random sequence of the given parity (odd = male). */
function idNumber(birth: string, gender: 'male' | 'female', region = '420106'): string {
  const seq = Math.floor(Math.random() * 50) * 2 + (gender === 'male' ? 1 : 2);
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return `${first17}${checkDigit(first17)}`;
}

const withWrongCheck = (id: string) => `${id.slice(0, 17)}${checkDigit(id.slice(0, 17)) === '0' ? '1' : '0'}`;
const serial = () => String(Math.floor(Math.random() * 1e6)).padStart(6, '0');

const SEARCH = '姓名、拼音首字母、身份证号或证书编号';
const EMPLOYER = '宝武集团武汉钢铁有限公司';

/** An antd Select option, by its label, in whichever dropdown is open. */
async function choose(page: Page, label: string) {
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(label, { exact: true }).click();
}

async function openRegistry(page: Page) {
  await signIn(page, 'wugang_hr');
  await waitForUrl(page, (url) => url.pathname === '/dashboard');
  await page.getByRole('menuitem', { name: '职工与证书' }).click();
  await waitForUrl(page, (url) => url.pathname === '/workers');
}

describe('worker registry', () => {
  let browser: Browser;
  /** The profile registered by the HR journey, which the worker account must not see. */
  let registeredPath: string | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('registers a worker, finds them by pinyin initials, records a 高级工 certificate and revokes it with a reason', async () => {
    const page = await newPage(browser);
    await openRegistry(page);
    const id = idNumber('19900517', 'female');

    await page.getByRole('button', { name: '新增职工' }).click();
    const dialog = page.getByRole('dialog', { name: '新增职工' });
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('此项为必填项').first().waitFor();
    await dialog.getByLabel('姓名').fill('阚曦蕾');
    await dialog.getByLabel('身份证号').fill(withWrongCheck(id));
    await dialog.getByText('身份证号校验位不正确，请逐位核对').waitFor();
    await dialog.getByLabel('身份证号').fill(id);
    await dialog.getByText('识别为：女，1990-05-17 出生').waitFor();
    // An enterprise's HR starts from their own enterprise as the employer.
    await waitForText(dialog, EMPLOYER);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已登记职工“阚曦蕾”').waitFor();

    await page.getByLabel(SEARCH).fill('kxl');
    await page.getByLabel(SEARCH).press('Enter');
    await waitForUrl(page, (url) => url.searchParams.get('q') === 'kxl');
    const row = page.getByRole('row').filter({ hasText: '阚曦蕾' });
    await waitForText(row, `${id.slice(0, 6)}********${id.slice(14)}`);
    await waitForText(row, EMPLOYER);
    await row.getByRole('link', { name: '阚曦蕾' }).click();
    await waitForUrl(page, (url) => /^\/workers\/[0-9a-f-]{36}$/.test(url.pathname));
    registeredPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: /阚曦蕾/ }).waitFor();
    await page.getByText('尚未登记证书或荣誉').waitFor();

    // The full ID number is one audited click away.
    await page.getByRole('button', { name: /查看/ }).click();
    await page.getByText(id, { exact: true }).waitFor();

    const grant = async (level: string, issuedOn: string, certificateNumber: string) => {
      await page.getByRole('button', { name: '登记证书' }).click();
      const modal = page.getByRole('dialog', { name: '为“阚曦蕾”登记证书' });
      await modal.getByLabel('等级').click();
      await choose(page, level);
      await modal.getByLabel('证书编号').fill(certificateNumber);
      await modal.getByLabel('发证机构').fill('湖北省职业技能鉴定指导中心');
      await modal.getByLabel('发证日期').fill(issuedOn);
      await modal.getByLabel('发证日期').press('Enter');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await modal.waitFor({ state: 'hidden' });
    };
    await grant('中级工（四级）', '2016-06-30', `S00004200000116040${serial().slice(2)}`);
    const seniorNumber = `S00004200000120030${serial().slice(2)}`;
    await grant('高级工（三级）', '2020-10-01', seniorNumber);

    const header = page.getByRole('heading', { name: /阚曦蕾/ });
    await waitForText(header, '高技能人才');
    await waitForText(header, '高级工（三级）');
    const timeline = page.locator('.ant-timeline');
    await waitForText(timeline, seniorNumber);
    await waitForText(timeline, '手工录入');

    const senior = timeline.locator('.ant-timeline-item').filter({ hasText: seniorNumber });
    await senior.getByRole('button', { name: /撤\s*销/ }).click();
    const revoke = page.getByRole('dialog', { name: '撤销“高级工（三级）”' });
    await revoke.getByRole('button', { name: '确认撤销' }).click();
    await revoke.getByText('此项为必填项').waitFor();
    await revoke.getByLabel('撤销原因').fill('证书编号登记错误，需重新核对');
    await revoke.getByRole('button', { name: '确认撤销' }).click();
    await page.getByText('证书已撤销').waitFor();

    await waitForText(senior, '撤销：证书编号登记错误，需重新核对');
    await senior.locator('del', { hasText: '高级工（三级）' }).waitFor();
    expect(await senior.getByRole('button', { name: /撤\s*销/ }).count()).toBe(0);
    // The highest valid level falls back to 中级工, which is not high-skilled.
    await waitForText(header, /^(?!.*高技能人才).*中级工（四级）/);
    await screenshot(page, 'worker-profile');
    await page.context().close();
  });

  it('shows how much of a large file it has read while the import runs', async () => {
    const page = await newPage(browser);
    await openRegistry(page);
    await visit(page, '/workers/import');
    // 60,000 people registered in Beijing (no demo or other journey uses that region), born 1960–2001:
    // a file that takes long enough to import for the page to show it part-read. Certified in 2025, so
    // the 2020 figures other journeys check stay the seed's.
    const rows = Array.from({ length: 60_000 }, (_, i) => {
      const born = new Date(Date.UTC(1960, 0, 1) + (i % 15_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
      const first17 = `110105${born}9${String(1 + (i % 49) * 2).padStart(2, '0')}`;
      return [`进度${i}`, `${first17}${checkDigit(first17)}`, EMPLOYER, '中级工', '2025-06-01'].join(',');
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'changai-import-')), '大批名单.csv');
    fs.writeFileSync(file, `姓名,身份证号,工作单位,职业技能等级,发证日期\n${rows.join('\n')}\n`);
    await page.locator('input[type=file]').setInputFiles(file);
    await waitForUrl(page, (url) => url.searchParams.has('upload'), 60_000);
    await page.getByRole('button', { name: '开始导入' }).click();

    const bar = page.getByRole('progressbar');
    await bar.waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')) > 0, null, {
      timeout: 60_000,
    });
    const percent = Number(await bar.getAttribute('aria-valuenow'));
    expect(percent).toBeGreaterThan(0);
    expect(percent).toBeLessThan(100);
    await screenshot(page, 'workers-import-progress');
    await waitForText(page.getByRole('region', { name: '新增导入' }), '60,000', 120_000);
    await page.context().close();
  }, 240_000);

  it('imports a csv with two bad rows, watches it finish, and downloads the error report', async () => {
    const page = await newPage(browser);
    await openRegistry(page);
    await page.getByRole('button', { name: '批量导入' }).click();
    await waitForUrl(page, (url) => url.pathname === '/workers/import');

    const good = [
      ['鲁梓涵', idNumber('19880312', 'male'), EMPLOYER, '高级工', '2019-11-20', `S000042000001193000${serial().slice(3)}`],
      ['卞若溪', idNumber('19950621', 'female'), EMPLOYER, '中级工', '2021-05-10', `S000042000001214000${serial().slice(3)}`],
      ['滕浩然', idNumber('19820902', 'male'), EMPLOYER, '技师', '2015-12-01', `S000042000001152000${serial().slice(3)}`],
    ];
    const bad = [
      ['闵思远', withWrongCheck(idNumber('19910415', 'male')), EMPLOYER, '高级工', '2020-03-01', ''],
      ['岑可欣', idNumber('19930108', 'female'), EMPLOYER, '超级工', '2020-03-01', ''],
    ];
    const csv = `\ufeff${[['姓名', '身份证号', '工作单位', '职业技能等级', '发证日期', '证书编号'], ...good, ...bad].map((r) => r.join(',')).join('\r\n')}\r\n`;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'changai-import-')), '武钢职工名单.csv');
    fs.writeFileSync(file, csv);

    await page.locator('input[type=file]').setInputFiles(file);
    await waitForUrl(page, (url) => url.searchParams.has('upload'));
    await page.getByText('武钢职工名单.csv').waitFor();
    // Each header is proposed for the field of the same name: the row shows it twice.
    for (const field of ['姓名', '身份证号', '工作单位', '职业技能等级', '发证日期', '证书编号']) {
      await waitForText(
        page
          .getByRole('row')
          .filter({ has: page.getByText(field, { exact: true }) })
          .first(),
        new RegExp(`${field}.*${field}`),
      );
    }
    await screenshot(page, 'workers-import-mapping');

    await page.getByRole('button', { name: '开始导入' }).click();
    await waitForUrl(page, (url) => url.searchParams.has('job'));
    await page.getByText('导入完成，2 行未通过校验').waitFor({ timeout: 30_000 });
    await waitForText(page.getByRole('region', { name: '新增导入' }), String(good.length));
    await waitForText(page.getByRole('region', { name: '拒绝' }), '2');
    await screenshot(page, 'workers-import-result');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载错误报告/ }).click()]);
    const report = fs.readFileSync(await download.path());
    expect(report.subarray(0, 2).toString()).toBe('PK');
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

    await page.getByRole('button', { name: '返回职工列表' }).click();
    await waitForUrl(page, (url) => url.pathname === '/workers' && !url.search);
    await page.getByLabel(SEARCH).fill(good[0]?.[0] as string);
    await page.getByLabel(SEARCH).press('Enter');
    const imported = page.getByRole('row').filter({ hasText: good[0]?.[0] as string });
    await waitForText(imported, '高级工（三级）');
    await waitForText(imported, '高技能');
    await page.getByLabel(SEARCH).fill('');
    await page.getByLabel(SEARCH).press('Enter');
    await waitForUrl(page, (url) => !url.searchParams.has('q'));
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'workers-list');
    await page.context().close();
  });

  it('shows the worker account only their own profile, never other workers', async () => {
    const page = await newPage(browser);
    await signIn(page, 'worker');
    await waitForUrl(page, (url) => url.pathname.startsWith('/workers'));
    const menu = page.getByRole('menu', { name: '主菜单' });
    await menu.getByRole('menuitem', { name: '我的档案' }).waitFor();
    expect(await menu.getByRole('menuitem', { name: '职工与证书' }).count()).toBe(0);

    // Either their own profile opens directly, or the page says it has not been set up.
    const own = page.getByRole('heading', { name: /董永祥/ });
    const none = page.getByText('尚未建立您的职工档案');
    await own.or(none).waitFor();
    expect(await page.getByText('阚曦蕾').count()).toBe(0);
    expect(await page.locator('.ant-table-row').count()).toBe(0);
    expect(await page.getByRole('button', { name: '新增职工' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '登记证书' }).count()).toBe(0);

    // Someone else's profile does not exist for them.
    if (registeredPath) {
      await visit(page, registeredPath);
      await page.locator('.ant-result-404').waitFor();
      expect(await page.getByText('阚曦蕾').count()).toBe(0);
    }
    await visit(page, '/workers/import');
    await page.getByText('无权访问').waitFor();
    await page.context().close();
  });
});
