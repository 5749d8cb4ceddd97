import fs from 'node:fs';
import path from 'node:path';

export class DataDirBusyError extends Error {}

type LockInfo = { pid: number; purpose: string; port?: number; startedAt: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process: a second one on the same data directory would corrupt it. Whoever opens
 * the directory takes this lock; a stale lock (its process gone) is taken over.
 */
export function lockDataDir(dataDir: string, purpose: string, port?: number): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'changai.lock');
  const info: LockInfo = { pid: process.pid, purpose, port, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fs.rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(file);
      if (holder && isAlive(holder.pid) && holder.pid !== process.pid) {
        const where = holder.port ? ` on port ${holder.port}` : '';
        throw new DataDirBusyError(
          `The data directory ${dataDir} is in use by another Changai process (pid ${holder.pid}, ${holder.purpose}${where}). ` +
            'Stop it first, or do this through the running server (web UI or API).',
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new DataDirBusyError(`Could not lock ${dataDir}`);
}

function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}
