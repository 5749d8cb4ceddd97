import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../platform/exceljs.js';
import { isUtf8, readRows } from './read-rows.js';

const NAMES = ['董永祥', '鄭國強', '欧阳娜娜', '李　娜', '王伟', '𠮷田', '张三丰'];

async function sheet(rows: string[][], useSharedStrings: boolean): Promise<Buffer> {
  const sink = new PassThrough();
  const parts: Buffer[] = [];
  sink.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise((resolve) => sink.on('end', resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings, useStyles: false });
  const worksheet = workbook.addWorksheet('名单');
  for (const row of rows) worksheet.addRow(row).commit();
  worksheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(parts);
}

describe('reading a large xlsx', () => {
  // Thousands of rows of Chinese text put multi-byte characters across the chunks the sheet's XML
  // arrives in; every cell must still read back exactly (ExcelJS alone turns some into "���").
  it.each([
    ['inline strings', false],
    ['shared strings', true],
  ])('keeps every Chinese character intact (%s)', async (_, shared) => {
    const rows = Array.from({ length: 12_000 }, (_, i) => [`${NAMES[i % NAMES.length]}${i}`, `湖北省第${i}机械厂`, '高级技师']);
    const file = await sheet(rows, shared as boolean);
    const read: string[][] = [];
    for await (const row of readRows(Readable.from([file]))) read.push(row.cells.map(String));
    expect(read).toEqual(rows);
  });
});

describe('telling UTF-8 from GB18030', () => {
  // The sample is whatever the first read returned, so it may end anywhere inside a character.
  it('takes UTF-8 cut at any byte for UTF-8, and GB18030 Chinese for not', () => {
    const utf8 = Buffer.from('姓名,身份证号,工作单位\n董永祥,420106199001011234,武汉重型机床厂\n'.repeat(20));
    for (let end = utf8.length - 12; end <= utf8.length; end++) expect(isUtf8(utf8.subarray(0, end)), `cut at ${end}`).toBe(true);
    const gb18030 = Buffer.from('d0d5c3fb2cc9edb7ddd6a4bac5', 'hex'); // 姓名,身份证号 in GB18030
    expect(isUtf8(gb18030)).toBe(false);
  });
});

describe('reading a csv', () => {
  it('numbers rows as a spreadsheet shows the file: blank lines count, line breaks within a quoted cell do not', async () => {
    const csv = '姓名,备注\r\n董永祥,"第一行\r\n第二行"\r\n\r\n王伟,无\r\n';
    const rows: [number, string[]][] = [];
    for await (const row of readRows(Readable.from([Buffer.from(csv)]))) rows.push([row.rowNumber, row.cells.map(String)]);
    expect(rows).toEqual([
      [1, ['姓名', '备注']],
      [2, ['董永祥', '第一行\r\n第二行']],
      [3, ['']],
      [4, ['王伟', '无']],
    ]);
  });
});
