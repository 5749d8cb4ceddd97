import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * W3C Verifiable Credentials (Data Model 2.0) secured with a Data Integrity proof, cryptosuite
 * eddsa-jcs-2022: JSON Canonicalization (RFC 8785) of the proof options and of the document, each
 * hashed with SHA-256, the two hashes concatenated and signed with Ed25519. The issuer is a did:key,
 * so a verifier needs nothing from us to check the signature offline.
 */

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
// Multicodec prefix of an Ed25519 public key (0xed 0x01).
const ED25519_PUB_PREFIX = Buffer.from([0xed, 0x01]);

export function base58btc(bytes: Uint8Array): string {
  let n = BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
  let out = '';
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

export function fromBase58btc(text: string): Buffer {
  let n = 0n;
  for (const ch of text) {
    const i = BASE58.indexOf(ch);
    if (i < 0) throw new Error('not base58');
    n = n * 58n + BigInt(i);
  }
  const hex = n === 0n ? '' : n.toString(16);
  const body = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  const zeros = /^1*/.exec(text)?.[0].length ?? 0;
  return Buffer.concat([Buffer.alloc(zeros), body]);
}

/** RFC 8785 JSON Canonicalization for the JSON this module signs (strings, integers, booleans, null). */
export function canonicalize(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalize(v)}`).join(',')}}`;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export type SigningKey = { id: string; publicKeyRaw: Buffer; privateKey: KeyObject };

export function generateSigningKey(): { publicKeyRaw: Buffer; privateKeyDer: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return { publicKeyRaw: Buffer.from(jwk.x as string, 'base64url'), privateKeyDer: privateKey.export({ format: 'der', type: 'pkcs8' }) };
}

export const privateKeyFromDer = (der: Buffer) => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });

export function publicKeyMultibase(raw: Buffer): string {
  return `z${base58btc(Buffer.concat([ED25519_PUB_PREFIX, raw]))}`;
}

export function didKey(raw: Buffer): string {
  return `did:key:${publicKeyMultibase(raw)}`;
}

function publicKeyFromRaw(raw: Buffer) {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

type Json = Record<string, unknown>;

function hashData(document: Json, proofOptions: Json): Buffer {
  const proofConfig = { ...proofOptions, '@context': document['@context'] };
  return Buffer.concat([sha256(canonicalize(proofConfig)), sha256(canonicalize(document))]);
}

/** Adds an eddsa-jcs-2022 DataIntegrityProof to an unsigned credential. */
export function signCredential<T extends Json>(
  document: T,
  key: SigningKey,
  created: Date,
): T & { proof: Json & { type: 'DataIntegrityProof'; cryptosuite: string; proofValue: string } } {
  const did = didKey(key.publicKeyRaw);
  const proofOptions = {
    type: 'DataIntegrityProof' as const,
    cryptosuite: 'eddsa-jcs-2022',
    created: created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    verificationMethod: `${did}#${publicKeyMultibase(key.publicKeyRaw)}`,
    proofPurpose: 'assertionMethod',
  };
  const signature = sign(null, hashData(document, proofOptions), key.privateKey);
  return { ...document, proof: { ...proofOptions, proofValue: `z${base58btc(signature)}` } };
}

/** Checks a credential's proof against the did:key named in it: what a third party does offline. */
export function verifyCredential(signed: Json): boolean {
  const { proof, ...document } = signed as Json & { proof?: Json };
  if (proof?.cryptosuite !== 'eddsa-jcs-2022' || typeof proof.proofValue !== 'string') return false;
  const { proofValue, ...options } = proof as Json & { proofValue: string };
  const method = String(options.verificationMethod ?? '');
  const multibase = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)#/.exec(method)?.[1];
  if (!multibase || !proofValue.startsWith('z')) return false;
  try {
    const bytes = fromBase58btc(multibase.slice(1));
    if (!bytes.subarray(0, 2).equals(ED25519_PUB_PREFIX)) return false;
    const key = publicKeyFromRaw(bytes.subarray(2));
    return verify(null, hashData(document, options), key, fromBase58btc(proofValue.slice(1)));
  } catch {
    return false;
  }
}

// ——— revocation: W3C Bitstring Status List v1.0 ———

/** Entries per list: the minimum the recommendation sets (16 KiB), so one holder's bit hides in the crowd. */
export const STATUS_LIST_SIZE = 131_072;

/** The list's bits, index 0 the most significant bit of the first byte, GZIP-compressed, multibase base64url. */
export function encodeStatusList(setIndexes: readonly number[], size = STATUS_LIST_SIZE): string {
  const bits = Buffer.alloc(size / 8);
  for (const i of setIndexes) bits[i >> 3]! |= 0x80 >> (i & 7);
  return `u${gzipSync(bits).toString('base64url')}`;
}

export function statusBit(encodedList: string, index: number): boolean {
  if (!encodedList.startsWith('u')) throw new Error('encodedList is not multibase base64url');
  const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  if (index < 0 || index >= bits.length * 8) throw new Error('status index out of range');
  return (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

/**
 * What an offline checker does with a credential and the status list it names (fetched, or cached):
 * both proofs, the same issuer, the list's purpose, then the bit.
 */
export function checkRevocation(credential: Json, statusList: Json): 'valid' | 'revoked' | 'invalid' {
  const entry = credential.credentialStatus as Json | undefined;
  const subject = statusList.credentialSubject as Json | undefined;
  const issuerOf = (c: Json) => (typeof c.issuer === 'string' ? c.issuer : (c.issuer as Json | undefined)?.id);
  if (entry?.type !== 'BitstringStatusListEntry' || !subject) return 'invalid';
  if (!verifyCredential(credential) || !verifyCredential(statusList)) return 'invalid';
  if (statusList.id !== entry.statusListCredential || issuerOf(statusList) !== issuerOf(credential)) return 'invalid';
  if (subject.type !== 'BitstringStatusList' || subject.statusPurpose !== entry.statusPurpose) return 'invalid';
  return statusBit(String(subject.encodedList), Number(entry.statusListIndex)) ? 'revoked' : 'valid';
}
