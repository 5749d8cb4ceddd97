import type { Bulletin, Dashboard, DashboardQuery } from '@changai/contracts';
import PDFDocument from 'pdfkit';
import { audit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import ExcelJS from '../../platform/exceljs.js';
import { cjkFont } from '../conversion/certificate-pdf.js';
import { dashboard } from './indicators.service.js';

const lastDay = (day: string) => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).getUTCDate();

/** "截至10月" at a month's end, "截至10月15日" otherwise (the seed's style). */
function asOfPhrase(asOf: string) {
  const month = Number(asOf.slice(5, 7));
  const day = Number(asOf.slice(8, 10));
  return day === lastDay(asOf) ? `截至${month}月` : `截至${month}月${day}日`;
}

/** People in 万人 with one decimal from ten thousand on (270.5万人), else in 人. */
export function people(n: number) {
  return n >= 10_000 ? `${(Math.round(n / 1000) / 10).toFixed(1)}万人` : `${n}人`;
}

const placeOf = (d: Dashboard) => (d.trail.length === 0 || d.org.kind === 'province' ? '全省' : d.org.name);

/** The period's figures stated in sentences, the way the leaders' bulletin reads. */
export function compose(d: Dashboard): Omit<Bulletin, 'computedAt'> {
  const card = (code: string) => d.cards.find((c) => c.code === code);
  const value = (code: string) => card(code)?.value ?? 0;
  const year = d.asOf.slice(0, 4);
  const place = placeOf(d);
  const skilled = d.totals.skilled;
  const high = d.totals.highSkilled;
  const share = card('high_skilled_share');
  const parts: string[] = [];
  if (value('policies_in_force') > 0) {
    parts.push(`${place}出台产业工人队伍建设改革配套政策${value('policies_in_force')}个，其中${year}年出台${value('policies_issued')}个`);
  }
  if (value('leading_group_units') + value('liaison_units') > 0) {
    parts.push(`改革协调领导小组成员单位${value('leading_group_units')}个、联络员单位${value('liaison_units')}个`);
  }
  parts.push(
    `${place}国家及省级高技能人才培训基地${value('training_bases')}个、技能大师工作室${value('master_studios')}个、` +
      `职工培训基地${value('worker_training_bases')}个、职工创新工作室${value('innovation_studios')}个`,
  );
  parts.push(
    `技能劳动者总量达${people(skilled)}，高技能人才总量达${people(high)}` +
      (share?.value !== null && share?.value !== undefined ? `，占技能劳动者的${share.value.toFixed(1)}%` : ''),
  );
  const paragraphs = [`${asOfPhrase(d.asOf)}，${parts.join('；')}。`];
  const change: string[] = [];
  if (share?.value != null && share.lastYear != null && d.totals.skilledLastYear > 0) {
    const delta = Math.round((share.value - share.lastYear) * 10) / 10;
    const lastHigh = d.totals.highSkilledLastYear;
    change.push(`与上年同期相比，高技能人才${high >= lastHigh ? '增加' : '减少'}${people(Math.abs(high - lastHigh))}`);
    change.push(`占比${delta >= 0 ? '提高' : '下降'}${Math.abs(delta).toFixed(1)}个百分点`);
  }
  if (share?.value != null && share.target) {
    const gap = Math.round((share.target.value - share.value) * 10) / 10;
    change.push(
      gap > 0
        ? `距${share.target.year}年目标（${share.target.value}%${share.target.isUncertain ? '，暂定' : ''}）尚差${gap.toFixed(1)}个百分点`
        : `已达到${share.target.year}年目标（${share.target.value}%）`,
    );
  }
  if (change.length) paragraphs.push(`${change.join('，')}。`);
  const children = d.children.filter((c) => c.skilled > 0).slice(0, 17);
  if (children.length > 1) {
    const top = [...children].sort((a, b) => b.highSkilled - a.highSkilled).slice(0, 3);
    paragraphs.push(
      `分地区看，高技能人才较多的是${top.map((c) => `${c.org.name}（${people(c.highSkilled)}，占${c.share?.toFixed(1) ?? '—'}%）`).join('、')}。`,
    );
  }
  const month = Number(d.asOf.slice(5, 7));
  return {
    org: d.org,
    asOf: d.asOf,
    title: `${place === '全省' ? d.org.name : place}产业工人队伍建设改革数据简报（${year}年${month}月）`,
    paragraphs,
    figures: [
      ...d.cards.map((c) => ({ label: c.nameZh, value: c.value, unit: c.unitZh })),
      { label: '技能劳动者', value: skilled, unit: '人' },
      { label: '高技能人才', value: high, unit: '人' },
    ],
  };
}

export async function bulletin(ctx: Ctx, query: DashboardQuery): Promise<Bulletin> {
  const d = await dashboard(ctx, query);
  return { ...compose(d), computedAt: d.computedAt };
}

async function recordExport(ctx: Ctx, b: Bulletin, format: string) {
  await ctx.db.transaction().execute((trx) =>
    audit(trx, ctx, {
      action: 'indicator.bulletin_export',
      entityType: 'org',
      entityId: b.org.id,
      orgId: b.org.id,
      after: { asOf: b.asOf, format },
    }),
  );
}

/** The bulletin as an A4 PDF with the CJK font embedded. */
export async function bulletinPdf(ctx: Ctx, query: DashboardQuery): Promise<Buffer> {
  const b = await bulletin(ctx, query);
  await recordExport(ctx, b, 'pdf');
  const font = cjkFont();
  const doc = new PDFDocument({ size: 'A4', margin: 64, info: { Title: b.title, Producer: 'Changai 产改通' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  if (font) {
    doc.registerFont('cjk', font.path, font.family);
    doc.font('cjk');
  }
  const width = doc.page.width - 128;
  doc.fillColor('#b71c1c').fontSize(20).text(b.title, { align: 'center', width });
  doc
    .moveDown(0.3)
    .lineWidth(1.5)
    .moveTo(64, doc.y)
    .lineTo(doc.page.width - 64, doc.y)
    .stroke('#b71c1c');
  doc.moveDown(1).fillColor('#000').fontSize(13);
  for (const p of b.paragraphs) {
    doc.text(`　　${p}`, { width, lineGap: 6 });
    doc.moveDown(0.6);
  }
  doc.moveDown(0.6).fontSize(12).text('主要指标', { width });
  doc.moveDown(0.3).fontSize(11);
  for (const f of b.figures) doc.text(`${f.label}：${f.value === null ? '—' : f.value.toLocaleString('zh-CN')}${f.unit}`, { width });
  doc
    .moveDown(1.5)
    .fontSize(9)
    .fillColor('#555')
    .text(`数据截至${b.asOf}，由产改通于${b.computedAt.toISOString().replace('T', ' ').slice(0, 19)} UTC 按登记数据实时计算。`, { width });
  doc.end();
  return done;
}

/** The bulletin as xlsx: the sentences, then the figures one per row. */
export async function bulletinXlsx(ctx: Ctx, query: DashboardQuery): Promise<Buffer> {
  const b = await bulletin(ctx, query);
  await recordExport(ctx, b, 'xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('简报');
  sheet.columns = [
    { header: '指标', key: 'label', width: 36 },
    { header: '数值', key: 'value', width: 16 },
    { header: '单位', key: 'unit', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const f of b.figures) sheet.addRow({ label: f.label, value: f.value, unit: f.unit });
  const text = workbook.addWorksheet('文字');
  text.getColumn(1).width = 120;
  text.addRow([b.title]).font = { bold: true, size: 14 };
  for (const p of b.paragraphs) text.addRow([p]).alignment = { wrapText: true, vertical: 'top' };
  text.addRow([`数据截至${b.asOf}；计算时间 ${b.computedAt.toISOString()}`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
