import { CompiledQuery } from 'kysely';
import { openBenchDatabase } from './support.js';
const { database } = await openBenchDatabase(process.env.DATABASE_URL);
for (const q of process.argv.slice(2)) {
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    const r = await database.db.executeQuery(CompiledQuery.raw(q));
    console.log((performance.now() - t).toFixed(0), 'ms', JSON.stringify(r.rows.slice(0, 3)).slice(0, 300));
  }
}
await database.close();
