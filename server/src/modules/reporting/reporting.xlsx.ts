import type { Entry, FieldError } from '@changai/contracts';
import { ValidationError } from '../../platform/errors.js';
import ExcelJS, { type ExcelBuffer } from '../../platform/exceljs.js';

const SHEET = '填报';
const FIRST_ROW = 6;
/** Column D holds the value; A the element code that says which element a row is. */
const CODE_COL = 1;
const VALUE_COL = 4;

/** The entry template: one row per element, the current values filled in, the key in row 2. */
export async function writeTemplate(entry: Entry): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.columns = [{ width: 30 }, { width: 34 }, { width: 10 }, { width: 16 }, { width: 16 }];
  ws.getCell('A1').value = entry.form.nameZh;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = entry.form.code;
  ws.getCell('B2').value = entry.org.code;
  ws.getCell('C2').value = entry.period;
  ws.getRow(2).font = { color: { argb: 'FF888888' } };
  ws.getCell('A3').value = `填报单位：${entry.org.name}　报告期：${entry.period}　截止日期：${entry.dueOn}`;
  ws.getCell('A4').value = '只填写 D 列“数值”；不要改动 A 列代码和第 2 行。上传时整表校验，有任何错误则整表不导入。';
  ws.getCell('A4').font = { italic: true, color: { argb: 'FF888888' } };
  const header = ws.getRow(FIRST_ROW - 1);
  header.values = ['指标代码', '指标名称', '计量单位', '数值', '已审核数值'];
  header.font = { bold: true };
  entry.form.elements.forEach((element, i) => {
    const v = entry.values.find((x) => x.elementCode === element.code);
    const row = ws.getRow(FIRST_ROW + i);
    row.values = [element.code, element.nameZh, element.unitZh, v?.value ?? null, v?.approvedValue ?? null];
    row.getCell(VALUE_COL).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF7D6' } };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type UploadedSheet = {
  formCode: string;
  orgCode: string;
  period: string;
  rows: { code: string; cell: string; value: number | null }[];
  errors: FieldError[];
};

const text = (v: unknown) => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'result' in (v as object)) return String((v as { result: unknown }).result ?? '');
  if (typeof v === 'object' && 'richText' in (v as object))
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  return String(v).trim();
};

/** Reads an uploaded template; cells that are not numbers are reported by their address. */
export async function readUpload(buffer: Buffer): Promise<UploadedSheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelBuffer);
  } catch {
    throw new ValidationError([{ path: 'file', message: 'reporting.upload_not_xlsx' }], 'reporting.upload_invalid');
  }
  const ws = wb.getWorksheet(SHEET) ?? wb.worksheets[0];
  if (!ws) throw new ValidationError([{ path: 'file', message: 'reporting.template_mismatch' }], 'reporting.upload_invalid');
  const sheet: UploadedSheet = {
    formCode: text(ws.getCell('A2').value),
    orgCode: text(ws.getCell('B2').value),
    period: text(ws.getCell('C2').value),
    rows: [],
    errors: [],
  };
  for (let r = FIRST_ROW; r <= Math.min(ws.rowCount, FIRST_ROW + 500); r++) {
    const row = ws.getRow(r);
    const code = text(row.getCell(CODE_COL).value);
    if (!code) continue;
    const cell = `D${r}`;
    const raw = row.getCell(VALUE_COL).value;
    const s = text(raw).replace(/[,，\s]/g, '');
    if (s === '') {
      sheet.rows.push({ code, cell, value: null });
      continue;
    }
    const value = typeof raw === 'number' ? raw : Number(s);
    if (!Number.isFinite(value)) sheet.errors.push({ path: cell, message: 'reporting.check.not_number' });
    else sheet.rows.push({ code, cell, value });
  }
  return sheet;
}
