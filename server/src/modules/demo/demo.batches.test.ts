import { describe, expect, it } from 'vitest';
import { DataCipher } from '../../platform/crypto.js';
import { generateBatches } from './demo.batches.js';
import { scaledCounts } from './demo.figures.js';
import { type Division, planEnterprises, WORKER_COLUMNS } from './demo.generator.js';
import { Random } from './demo.random.js';

const divisions: Division[] = [
  { id: '00000000-0000-4000-8000-000000000001', code: '420106', name: '武昌区', path: '/p/', prefectureCode: '420100' },
  { id: '00000000-0000-4000-8000-000000000002', code: '420602', name: '襄城区', path: '/p/', prefectureCode: '420600' },
];
const counts = scaledCounts(0.0005);
const cipher = new DataCipher(Buffer.alloc(32, 3));
const job = {
  counts,
  enterprises: planEnterprises(new Random(2020), divisions, counts.total, []),
  keys: cipher.derivedKeys(),
  batchWorkers: 500,
};

/** The people generated, without what is random by design (ids, ciphertext nonces), in a stable order. */
async function people(threads: number) {
  const column = (name: string) => WORKER_COLUMNS.indexOf(name);
  const rows: string[] = [];
  for await (const batch of generateBatches(job, threads)) {
    for (const line of batch.workerCsv.trimEnd().split('\n')) {
      const cells = line.split(',');
      const idNumber = cipher.decrypt(cells[column('id_number_enc')] as string);
      expect(cipher.blindIndex(idNumber)).toBe(cells[column('id_number_hash')]);
      rows.push([idNumber, cells[column('name')], cells[column('highest_skill_rank')], cells[column('highest_skill_on')]].join(' '));
    }
  }
  return rows.sort();
}

describe('demo generation in threads', () => {
  it('makes the same province with one thread or three, every person once', async () => {
    const [one, three] = await Promise.all([people(1), people(3)]);
    expect(one).toHaveLength(counts.total);
    expect(three).toEqual(one);
    expect(new Set(one.map((r) => r.split(' ')[0])).size).toBe(counts.total);
  });
});
