import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const VERSION = 'v1';

export type DerivedKeys = { encKey: Uint8Array; macKey: Uint8Array };

/** AES-256-GCM for personal data at rest, plus an HMAC blind index for exact lookups. */
export class DataCipher {
  readonly #encKey: Buffer;
  readonly #macKey: Buffer;

  /** From the 32-byte master key, or from the keys another thread of this process derived from it. */
  constructor(key: Buffer | DerivedKeys) {
    if (Buffer.isBuffer(key)) {
      if (key.length !== 32) throw new Error('The data key must be 32 bytes');
      this.#encKey = Buffer.from(hkdfSync('sha256', key, '', 'changai/aes-256-gcm', 32));
      this.#macKey = Buffer.from(hkdfSync('sha256', key, '', 'changai/blind-index', 32));
    } else {
      this.#encKey = Buffer.from(key.encKey);
      this.#macKey = Buffer.from(key.macKey);
    }
  }

  /** The derived keys, to hand to a worker thread of this process (bulk generation); never stored or sent. */
  derivedKeys(): DerivedKeys {
    return { encKey: new Uint8Array(this.#encKey), macKey: new Uint8Array(this.#macKey) };
  }

  // randomBytes costs ~5 µs a call; drawing nonces from a 64 KiB pool keeps bulk paths fast.
  #ivPool = Buffer.alloc(0);
  #ivOffset = 0;

  #nextIv(): Buffer {
    if (this.#ivOffset + 12 > this.#ivPool.length) {
      this.#ivPool = randomBytes(12 * 5461);
      this.#ivOffset = 0;
    }
    const iv = this.#ivPool.subarray(this.#ivOffset, this.#ivOffset + 12);
    this.#ivOffset += 12;
    return iv;
  }

  encrypt(plaintext: string): string {
    const iv = this.#nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.#encKey, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    const [version, payload] = stored.split(':');
    if (version !== VERSION || !payload) throw new Error('Unknown ciphertext format');
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.#encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  blindIndex(value: string): string {
    return createHmac('sha256', this.#macKey).update(value).digest('base64url');
  }
}

/**
 * The key comes from CHANGAI_DATA_KEY (hex), or is generated once into `<dataDir>/data.key` (0600).
 * Several instances sharing one PostgreSQL must share the key through the environment.
 */
export function loadDataKey(dataDir: string, hexKey?: string): Buffer {
  if (hexKey) return Buffer.from(hexKey, 'hex');
  const file = path.join(dataDir, 'data.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
