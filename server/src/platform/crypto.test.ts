import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataCipher, loadDataKey } from './crypto.js';

describe('personal data encryption', () => {
  const cipher = new DataCipher(Buffer.alloc(32, 1));

  it('round-trips any text, with a fresh nonce each time', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const a = cipher.encrypt(text);
        expect(cipher.decrypt(a)).toBe(text);
        expect(cipher.encrypt(text)).not.toBe(a);
      }),
    );
  });

  it('detects tampering', () => {
    const stored = cipher.encrypt('13812345678');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => cipher.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('gives a stable blind index that differs between keys', () => {
    const other = new DataCipher(Buffer.alloc(32, 2));
    expect(cipher.blindIndex('420106199001011234')).toBe(cipher.blindIndex('420106199001011234'));
    expect(cipher.blindIndex('420106199001011234')).not.toBe(other.blindIndex('420106199001011234'));
  });

  it('generates a key once into the data dir, readable only by its owner', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'changai-key-'));
    const key = loadDataKey(dir);
    expect(loadDataKey(dir).equals(key)).toBe(true);
    expect(fs.statSync(path.join(dir, 'data.key')).mode & 0o777).toBe(0o600);
    expect(loadDataKey(dir, 'ab'.repeat(32)).equals(Buffer.from('ab'.repeat(32), 'hex'))).toBe(true);
    fs.rmSync(dir, { recursive: true });
  });
});
