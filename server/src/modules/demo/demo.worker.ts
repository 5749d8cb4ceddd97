// A worker thread that generates demo slices batch by batch, on request (see demo.threads.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { DataCipher } from '../../platform/crypto.js';
import { type GeneratedBatch, nextBatch, type SliceJob } from './demo.batches.js';
import { type GeneratedWorker, generateWorkers } from './demo.generator.js';

const job = workerData as SliceJob;
const cipher = new DataCipher(job.keys);
const protect = { encrypt: (t: string) => cipher.encrypt(t), blindIndex: (t: string) => cipher.blindIndex(t) };
const slices = new Map<number, Generator<GeneratedWorker>>();

parentPort?.on('message', ({ slice }: { slice: number }) => {
  let rows = slices.get(slice);
  if (!rows) {
    rows = generateWorkers(slice, job.counts, job.enterprises, protect, job.facts);
    slices.set(slice, rows);
  }
  const batch: GeneratedBatch = nextBatch(rows, job.batchWorkers);
  if (batch.workers === 0) slices.delete(slice);
  parentPort?.postMessage(batch);
});
