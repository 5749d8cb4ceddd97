import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirBusyError, lockDataDir } from './data-dir-lock.js';

describe('data directory lock', () => {
  it('refuses a second holder while the first is alive, naming it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'changai-lock-'));
    // pid 1 is always alive: a lock file from another live process.
    fs.writeFileSync(path.join(dir, 'changai.lock'), JSON.stringify({ pid: 1, purpose: 'server', port: 3000, startedAt: '' }));
    expect(() => lockDataDir(dir, 'backup')).toThrow(DataDirBusyError);
    expect(() => lockDataDir(dir, 'backup')).toThrow(/pid 1, server on port 3000/);
    fs.rmSync(dir, { recursive: true });
  });

  it('takes over a stale lock and releases it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'changai-lock-'));
    fs.writeFileSync(path.join(dir, 'changai.lock'), JSON.stringify({ pid: 2 ** 22 + 7, purpose: 'server', startedAt: '' }));
    const release = lockDataDir(dir, 'migrate');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'changai.lock'), 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, 'changai.lock'))).toBe(false);
    fs.rmSync(dir, { recursive: true });
  });
});
