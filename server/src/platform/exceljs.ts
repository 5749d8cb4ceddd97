import { createRequire, Module } from 'node:module';
import { PassThrough } from 'node:stream';

/**
 * ExcelJS, with one fix. ExcelJS 4.4 (the latest release) feeds a sheet's XML to its SAX parser chunk
 * by chunk, decoding each chunk on its own, so a character whose UTF-8 bytes straddle two chunks turns
 * into "���" (a Chinese cell every few thousand rows of a large sheet). Its feeder is replaced, before
 * ExcelJS first loads, by the same code decoding as a stream. Every module takes ExcelJS from here.
 */
const require = createRequire(import.meta.url);
const feederPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const { SaxesParser } = createRequire(feederPath)('saxes') as typeof import('saxes');

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

async function* parseSax(source: AsyncIterable<Buffer | string> & { pipe?: unknown }): AsyncGenerator<SaxEvent[]> {
  const iterable: AsyncIterable<Buffer | string> =
    source.pipe && !(Symbol.asyncIterator in source) ? (source as unknown as NodeJS.ReadableStream).pipe(new PassThrough()) : source;
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: Error | undefined;
  let events: SaxEvent[] = [];
  parser.on('error', (e) => {
    error = e;
  });
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

const FIXED = Symbol.for('changai.exceljs.parseSax');
const loaded = require.cache[feederPath];
if (!loaded) {
  const feeder = new Module(feederPath);
  feeder.filename = feederPath;
  feeder.loaded = true;
  feeder.exports = Object.assign(parseSax, { [FIXED]: true });
  require.cache[feederPath] = feeder;
} else if (!(FIXED in loaded.exports)) throw new Error('ExcelJS was loaded before platform/exceljs.ts could fix it');

const ExcelJS = require('exceljs') as typeof import('exceljs');
export default ExcelJS;
export type ExcelBuffer = import('exceljs').Buffer;
