import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../platform/exceljs.js';
import { readRows } from './read-rows.js';

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
