import path from 'node:path';
import type { Config } from '../config.js';
import { DataCipher, loadDataKey } from './crypto.js';
import { lockDataDir } from './db/data-dir-lock.js';
import { type Database, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';

export type Runtime = { database: Database; cipher: DataCipher; close(): Promise<void> };

/**
 * Opens the configured database (PostgreSQL with DATABASE_URL, else PGlite under the data dir,
 * locked against a second process), migrates it, and loads the data key.
 */
export async function openRuntime(config: Config, purpose: string, opts: { port?: number; migrate?: boolean } = {}): Promise<Runtime> {
  const cipher = new DataCipher(loadDataKey(config.dataDir, config.dataKey));
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir, purpose, opts.port);
  try {
    const database = await openDatabase(
      config.databaseUrl ? { url: config.databaseUrl } : { dataDir: path.join(config.dataDir, 'pglite') },
    );
    if (opts.migrate !== false) await migrateToLatest(database.db);
    return {
      database,
      cipher,
      async close() {
        await database.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
