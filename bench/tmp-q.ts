import * as workersService from '../server/src/modules/workers/workers.service.js';
import { loadActor } from '../server/src/platform/auth/sessions.js';
import { DataCipher } from '../server/src/platform/crypto.js';
import { openDatabase } from '../server/src/platform/db/database.js';
const database = await openDatabase({ url: process.env.DATABASE_URL! });
const admin = await database.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
const actor = await loadActor(database.db, admin.id);
const ctx = { db: database.db, actor: actor!, now: () => new Date(), log: console as never, cipher: new DataCipher(Buffer.alloc(32, 9)) };
for (const q of (process.env.QS ?? 'zw').split(',')) {
  const times: number[] = [];
  for (let i = 0; i < 8; i++) { const t = performance.now(); await workersService.list(ctx as never, { q, sort: 'name', limit: 50 } as never); times.push(performance.now() - t); }
  console.log(q, times.map((x) => x.toFixed(0)).join(' '));
}
await database.close();
