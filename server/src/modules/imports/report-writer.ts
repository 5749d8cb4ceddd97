import { PassThrough } from 'node:stream';
import type { Db } from '../../platform/db/database.js';
import ExcelJS from '../../platform/exceljs.js';
import { storeUpload } from '../../platform/uploads.js';

export type ReportLine = { rowNumber: number; column: string; value: string; reason: string };

/**
 * The xlsx error report, written row by row as errors are found and streamed into an upload, so a
 * file with a million bad rows never sits in memory.
 */
export class ErrorReport {
  #stream = new PassThrough();
  #workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: this.#stream, useStyles: true, useSharedStrings: false });
  #sheet = this.#workbook.addWorksheet('错误报告');
  #stored: Promise<{ id: string }>;
  lines = 0;

  constructor(db: Db, fileName: string, uploadedBy: string | null) {
    this.#stored = storeUpload(db, this.#stream, {
      fileName,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      uploadedBy,
      maxBytes: Number.MAX_SAFE_INTEGER,
    });
    this.#sheet.columns = [
      { header: '行号', key: 'rowNumber', width: 8 },
      { header: '列', key: 'column', width: 18 },
      { header: '原值', key: 'value', width: 28 },
      { header: '原因', key: 'reason', width: 60 },
    ];
    this.#sheet.getRow(1).font = { bold: true };
    this.#sheet.getRow(1).commit();
  }

  add(line: ReportLine) {
    this.#sheet.addRow(line).commit();
    this.lines++;
  }

  async finish(): Promise<string> {
    this.#sheet.commit();
    await this.#workbook.commit();
    return (await this.#stored).id;
  }
}
