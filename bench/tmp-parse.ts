import { Readable } from 'node:stream';
import { idNumberCheckDigit } from '@changai/domain';
import { readRows } from '../server/src/modules/imports/read-rows.js';
import { parseWorkerRow, suggestMapping } from '../server/src/modules/imports/worker-rows.js';
import { benchCipher } from './support.js';

function csvRows(n: number, employerCode: string, region = '420111') {
  const lines = ['姓名,身份证号,单位代码,职业技能等级,发证日期,证书编号,手机号码'];
  for (let i = 0; i < n; i++) {
    const born = new Date(Date.UTC(1970, 0, 1) + (i % 12000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `${region}${born}${String(Math.floor(i / 12000) * 2 + 101).padStart(3, '0')}`;
    const level = ['初级工', '中级工', '高级工', '技师'][i % 4];
    lines.push(`测试${i % 997}号,${first17}${idNumberCheckDigit(first17)},${employerCode},${level},2021-0${(i % 9) + 1}-15,B${String(i).padStart(12, '0')},139${String(i).padStart(8, '0')}`);
  }
  return lines;
}
const n = 100_000;
const buf = Buffer.from(csvRows(n, 'E1').join('\n'));
let t = performance.now();
const rows: any[] = [];
for await (const r of readRows(Readable.from([buf]))) rows.push(r);
console.log('readRows', (performance.now() - t).toFixed(0), 'ms', rows.length);
const headers = rows[0].cells;
const mapping = suggestMapping(headers).mapping;
t = performance.now();
const recs: any[] = [];
for (const r of rows.slice(1)) recs.push(parseWorkerRow(r.cells, mapping as any, headers, '2026-11-26'));
console.log('parse', (performance.now() - t).toFixed(0), 'ms', recs.filter((r) => r.record).length);
const cipher = benchCipher();
t = performance.now();
for (const r of recs) { cipher.blindIndex(r.record.idNumber); cipher.encrypt(r.record.idNumber); cipher.encrypt(r.record.phone); cipher.blindIndex(r.record.phone); }
console.log('crypto', (performance.now() - t).toFixed(0), 'ms');
