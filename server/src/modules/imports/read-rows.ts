import { Readable, Transform } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from '../../platform/exceljs.js';

export type Cell = string | number | Date | null;
export type SheetRow = { rowNumber: number; cells: Cell[] };
export type FileFormat = 'csv' | 'xlsx';

/** A file we cannot read as a spreadsheet at all; `reason` is a message key. */
export class UnreadableFileError extends Error {
  constructor(
    readonly reason: 'file_empty' | 'file_xls' | 'file_not_spreadsheet' | 'file_corrupt',
    detail?: string,
  ) {
    super(detail ?? reason);
  }
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Reads the first bytes to tell the format, then hands back a stream with them put back. */
export async function sniff(source: Readable): Promise<{ format: FileFormat; stream: Readable; encoding: 'utf-8' | 'gb18030' }> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < 4096 && !done) {
    const next = await iterator.next();
    if (next.done) done = true;
    else {
      const buffer = Buffer.from(next.value);
      head.push(buffer);
      size += buffer.length;
    }
  }
  const first = Buffer.concat(head);
  if (first.length === 0) throw new UnreadableFileError('file_empty');
  const rest = async function* () {
    yield first;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield Buffer.from(next.value);
  };
  const stream = Readable.from(rest(), { objectMode: false });
  if (first.subarray(0, 4).equals(ZIP)) return { format: 'xlsx', stream, encoding: 'utf-8' };
  if (first.subarray(0, 4).equals(OLE)) throw new UnreadableFileError('file_xls');
  if (looksBinary(first)) throw new UnreadableFileError('file_not_spreadsheet');
  return { format: 'csv', stream, encoding: isUtf8(first) ? 'utf-8' : 'gb18030' };
}

/** Text never holds control bytes below TAB; binary files do within their first kilobytes. */
function looksBinary(bytes: Buffer): boolean {
  return bytes.some((b) => b < 9);
}

/** Valid UTF-8, allowing a multi-byte character cut at the end of the sample (stream mode keeps it pending). */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Government CSVs are often GBK (GB18030) encoded; decode them to text as they stream. */
function decoder(encoding: 'utf-8' | 'gb18030') {
  const text = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, callback) {
      callback(null, text.decode(chunk, { stream: true }));
    },
    flush(callback) {
      callback(null, text.decode());
    },
  });
}

/** Streams rows of the first sheet (xlsx) or the file (csv); row numbers are the spreadsheet's own, 1-based. */
export async function* readRows(source: Readable): AsyncGenerator<SheetRow, void, undefined> {
  const { format, stream, encoding } = await sniff(source);
  if (format === 'csv') {
    const parser = stream
      .pipe(decoder(encoding))
      .pipe(parseCsv({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }));
    // A row's number as a spreadsheet opening the file shows it: a record, whatever line breaks its cells hold.
    let rowNumber = 0;
    try {
      for await (const cells of parser as AsyncIterable<string[]>) yield { rowNumber: ++rowNumber, cells };
    } catch (error) {
      throw new UnreadableFileError('file_corrupt', (error as Error).message);
    }
    return;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet) {
        const values = (row.values as unknown[]).slice(1);
        yield { rowNumber: row.number, cells: values.map(cellValue) };
      }
      return; // the first sheet only
    }
  } catch (error) {
    throw new UnreadableFileError('file_corrupt', (error as Error).message);
  }
}

/** Rich text, hyperlinks and formulas reduced to the value a person sees. */
function cellValue(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      formula?: string;
      sharedFormula?: string;
      error?: string;
    };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? null : cellValue(v.result);
    if (v.error) return null;
    if (v.text !== undefined) return cellValue(v.text);
  }
  return String(value);
}
