import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inheritedEnvironment, testDatabaseUrl } from '../config.js';
import { progressBar } from './import-command.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/changai.js');

/** The real `changai` command against a throwaway PGlite data directory. */
let dir: string;
const env = () => inheritedEnvironment({ CHANGAI_DATA_DIR: dir, DATABASE_URL: '', CHANGAI_DEMO: '0' });

async function changai(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: env(), timeout: 60_000 });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'changai-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// The CLI's own paths (PGlite data dir, backup, lock) run once, in the PGlite pass.
describe.skipIf(testDatabaseUrl())('the changai command', () => {
  it('documents every command with --help', async () => {
    const top = await changai('--help');
    for (const command of ['serve', 'migrate', 'demo', 'import', 'user', 'backup', 'restore']) expect(top.out).toContain(command);
    const add = await changai('user', 'add', '--help');
    expect(add.out).toMatch(/--role <role>[\s\S]*province_admin/);
  });

  it('migrates, adds a user, refuses a bad one, resets a password, backs up and restores', async () => {
    expect((await changai('migrate')).out).toContain('migrated');
    const added = await changai(
      'user',
      'add',
      '--username',
      'first.admin',
      '--password',
      'Strong-pass-1',
      '--role',
      'province_admin',
      '--org',
      '420000',
    );
    expect(added).toMatchObject({ code: 0 });
    expect(added.out).toContain('Created first.admin (province_admin) in 湖北省');
    const weak = await changai('user', 'add', '--username', 'x y', '--password', 'short', '--role', 'worker', '--org', '420000');
    expect(weak.code).toBe(1);
    expect(weak.out).toMatch(/username: Only letters[\s\S]*password/);
    const unknownOrg = await changai(
      'user',
      'add',
      '--username',
      'abc',
      '--password',
      'Strong-pass-1',
      '--role',
      'worker',
      '--org',
      '999999',
    );
    expect(unknownOrg.out).toContain('No org with code 999999');
    expect((await changai('user', 'reset-password', '--username', 'first.admin', '--password', 'Another-pass-2')).code).toBe(0);
    const csv = path.join(dir, 'workers.csv');
    fs.writeFileSync(
      csv,
      '姓名,身份证号,单位代码,职业技能等级,发证日期\n董永祥,11010519491231002X,420102,技师,2019-06-30\n坏人,420102199003077777,420102,技师,2019-06-30\n',
    );
    const imported = await changai('import', 'workers', csv, '--json', '--as', 'first.admin');
    const summary = imported.out.split('\n').find((line) => line.startsWith('{"imported"'));
    expect(JSON.parse(summary as string)).toEqual({
      imported: 1,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      report: path.join(dir, 'workers.errors.xlsx'),
      fatal: null,
    });
    expect(fs.existsSync(path.join(dir, 'workers.errors.xlsx'))).toBe(true);

    const backup = path.join(dir, 'backup.tar.gz');
    expect((await changai('backup', '--out', backup)).code).toBe(0);
    expect(fs.statSync(backup).size).toBeGreaterThan(100_000);
    await changai('user', 'add', '--username', 'after.backup', '--password', 'Strong-pass-1', '--role', 'worker', '--org', '420000');
    expect((await changai('restore', '--from', backup)).out).toContain('--force');
    expect((await changai('restore', '--from', backup, '--force')).code).toBe(0);
    // The account added after the backup is gone; the one before it is back.
    expect((await changai('user', 'reset-password', '--username', 'after.backup', '--password', 'Another-pass-2')).code).toBe(1);
    expect((await changai('user', 'reset-password', '--username', 'first.admin', '--password', 'Another-pass-3')).code).toBe(0);
  }, 180_000);

  it('refuses to open a data directory that a running server holds', async () => {
    fs.writeFileSync(path.join(dir, 'changai.lock'), JSON.stringify({ pid: 1, purpose: 'server', port: 3000, startedAt: '' }));
    const res = await changai('migrate');
    fs.rmSync(path.join(dir, 'changai.lock'));
    expect(res.code).toBe(1);
    expect(res.out).toContain('in use by another Changai process (pid 1, server on port 3000)');
  });
});

describe('the import progress line', () => {
  it('draws the share of the file read, or only the rows while the size is unknown', () => {
    expect(progressBar({ processed: 12_000, bytesRead: 450, bytesTotal: 1000 }, 20)).toBe('  [#########-----------]  45%  12,000 rows');
    expect(progressBar({ processed: 3, bytesRead: 1000, bytesTotal: 1000 }, 4)).toBe('  [####] 100%  3 rows');
    expect(progressBar({ processed: 7 })).toBe('  … 7 rows');
  });
});
