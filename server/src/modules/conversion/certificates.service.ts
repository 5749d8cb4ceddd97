import type { Certificate, Verification } from '@changai/contracts';
import { ACADEMIC_LEVELS, maskName, SKILL_LEVELS, TITLE_LEVELS, TITLE_SERIES } from '@changai/domain';
import type { Ctx } from '../../platform/context.js';
import { NotFoundError, RuleViolationError } from '../../platform/errors.js';
import * as applications from './applications.service.js';
import { qrSvg, renderCertificatePdf } from './certificate-pdf.js';
import * as repo from './conversion.repository.js';
import {
  didKey,
  encodeStatusList,
  generateSigningKey,
  privateKeyFromDer,
  publicKeyMultibase,
  type SigningKey,
  STATUS_LIST_SIZE,
  signCredential,
} from './verifiable-credential.js';

const ISSUER_NAME = '湖北省产业工人队伍建设改革工作领导小组办公室（产改通）';

function levelName(kind: string, code: string | null) {
  if (!code) return null;
  const found =
    kind === 'skill_level'
      ? SKILL_LEVELS.find((l) => l.code === code)
      : kind === 'title'
        ? TITLE_LEVELS.find((l) => l.code === code)
        : kind === 'academic'
          ? ACADEMIC_LEVELS.find((l) => l.code === code)
          : undefined;
  return found ? { zh: found.zh, en: found.en } : null;
}

function seriesName(series: string | null) {
  return series ? (TITLE_SERIES.find((s) => s.code === series)?.zh ?? series) : null;
}

type VerificationRow = NonNullable<Awaited<ReturnType<typeof repo.findVerification>>>;

const claimOf = (row: VerificationRow) => ({
  kind: row.kind as Certificate['credential']['kind'],
  levelCode: row.levelCode,
  level: levelName(row.kind, row.levelCode),
  series: row.series,
  occupationCode: row.occupationCode,
  certificateNumber: row.certificateNumber,
  issuedOn: row.issuedOn,
  issuer: row.issuer,
});

export const verifyPath = (code: string) => `/verify/${code}`;

/** The certificate of an approved application, for its holder and those whose scope reaches it. */
export async function certificate(ctx: Ctx, applicationId: string, origin: string): Promise<Certificate> {
  const app = await applications.get(ctx, applicationId);
  if (app.status !== 'approved' || !app.verificationCode) throw new RuleViolationError('certificate.not_issued');
  const row = await repo.findVerification(ctx.db, app.verificationCode);
  if (!row) throw new NotFoundError('certificate');
  return {
    applicationId,
    holderName: row.holderName,
    pathwayName: app.pathwayName,
    credential: claimOf(row),
    status: row.status as 'valid' | 'revoked',
    revokedReason: row.revokedReason,
    verificationCode: row.code,
    verifyPath: verifyPath(row.code),
    qrSvg: await qrSvg(`${origin}${verifyPath(row.code)}`),
    ruleSet: app.ruleSet,
  };
}

export async function certificatePdf(ctx: Ctx, applicationId: string, origin: string): Promise<Buffer> {
  const cert = await certificate(ctx, applicationId, origin);
  const level = cert.credential.level?.zh ?? cert.credential.levelCode ?? '';
  const kindZh = cert.credential.kind === 'title' ? '职称' : cert.credential.kind === 'skill_level' ? '职业技能等级' : '证书';
  const lines: [string, string][] = [
    [kindZh, `${level}${cert.credential.kind === 'title' && cert.credential.series ? `（${seriesName(cert.credential.series)}）` : ''}`],
    ['取得途径', cert.pathwayName.zh],
    ['证书编号', cert.credential.certificateNumber ?? '—'],
    ['发证日期', cert.credential.issuedOn],
    ['发证机构', cert.credential.issuer ?? '—'],
    ['依据规则', `${cert.ruleSet.code} 第 ${cert.ruleSet.version} 版`],
  ];
  if (cert.credential.occupationCode) lines.splice(1, 0, ['职业（工种）代码', cert.credential.occupationCode]);
  if (cert.status === 'revoked') lines.push(['状态', `已撤销：${cert.revokedReason ?? ''}`]);
  return renderCertificatePdf({
    title: cert.credential.kind === 'title' ? '职称贯通证书' : '职业技能等级贯通证书',
    holderName: cert.holderName,
    lines,
    verificationCode: cert.verificationCode,
    verifyUrl: `${origin}${cert.verifyPath}`,
    footer: `${ISSUER_NAME} · 扫码或访问上方地址核验真伪`,
  });
}

export type RequestMeta = { ip: string | null; userAgent: string | null };

async function lookUp(ctx: Ctx, code: string, channel: 'page' | 'vc', meta: RequestMeta) {
  const row = await repo.findVerification(ctx.db, code);
  await repo.logVerification(ctx.db, {
    code,
    credentialId: row?.credentialId ?? null,
    result: row ? (row.status === 'revoked' ? 'revoked' : 'valid') : 'not_found',
    channel,
    at: ctx.now(),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return row;
}

/** The public check behind /verify/CODE: validity, credential, issuer, a masked holder name. Logged. */
export async function verify(ctx: Ctx, rawCode: string, meta: RequestMeta): Promise<Verification> {
  const code = rawCode.replaceAll('-', '');
  const row = await lookUp(ctx, code, 'page', meta);
  if (!row) {
    return {
      code,
      found: false,
      status: 'not_found',
      holderName: null,
      credential: null,
      revokedReason: null,
      revokedOn: null,
      checkedAt: ctx.now(),
    };
  }
  return {
    code,
    found: true,
    status: row.status === 'revoked' ? 'revoked' : 'valid',
    holderName: maskName(row.holderName),
    credential: claimOf(row),
    revokedReason: row.revokedReason,
    revokedOn: row.revokedOn,
    checkedAt: ctx.now(),
  };
}

async function signingKey(ctx: Ctx): Promise<SigningKey & { id: string }> {
  let row = await repo.findActiveSigningKey(ctx.db);
  if (!row) {
    const generated = generateSigningKey();
    const id = publicKeyMultibase(generated.publicKeyRaw);
    await repo.insertSigningKey(ctx.db, {
      id,
      publicKey: generated.publicKeyRaw.toString('base64url'),
      privateKeyEnc: ctx.cipher.encrypt(generated.privateKeyDer.toString('base64')),
      now: ctx.now(),
    });
    row = await repo.findActiveSigningKey(ctx.db);
    if (!row) throw new Error('signing key not stored');
  }
  return {
    id: row.id,
    publicKeyRaw: Buffer.from(row.publicKey, 'base64url'),
    privateKey: privateKeyFromDer(Buffer.from(ctx.cipher.decrypt(row.privateKeyEnc), 'base64')),
  };
}

/** The published keys (Multikey and JWK), so a third party can check a credential without asking us. */
export async function publicKeys(ctx: Ctx) {
  await signingKey(ctx);
  const rows = await repo.listSigningKeys(ctx.db);
  return {
    keys: rows.map((r) => {
      const raw = Buffer.from(r.publicKey, 'base64url');
      const did = didKey(raw);
      return {
        id: `${did}#${publicKeyMultibase(raw)}`,
        type: 'Multikey' as const,
        controller: did,
        publicKeyMultibase: publicKeyMultibase(raw),
        publicKeyJwk: { kty: 'OKP' as const, crv: 'Ed25519' as const, x: r.publicKey },
      };
    }),
  };
}

/** The credential as a signed W3C Verifiable Credential (eddsa-jcs-2022). Logged like a page check. */
export async function verifiableCredential(ctx: Ctx, rawCode: string, origin: string, meta: RequestMeta) {
  const code = rawCode.replaceAll('-', '');
  const row = await lookUp(ctx, code, 'vc', meta);
  if (!row) throw new NotFoundError('certificate');
  const key = await signingKey(ctx);
  const level = levelName(row.kind, row.levelCode);
  const document = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: `${origin}${verifyPath(code)}`,
    type: ['VerifiableCredential', row.kind === 'title' ? 'ProfessionalTitleCredential' : 'SkillLevelCredential'],
    issuer: { id: didKey(key.publicKeyRaw), name: ISSUER_NAME },
    validFrom: `${row.issuedOn}T00:00:00Z`,
    credentialSubject: {
      name: maskName(row.holderName),
      credential: {
        kind: row.kind,
        levelCode: row.levelCode,
        levelName: level?.zh ?? null,
        series: row.series,
        occupationCode: row.occupationCode,
        certificateNumber: row.certificateNumber,
        issuedOn: row.issuedOn,
        issuer: row.issuer,
        status: row.status,
        ...(row.status === 'revoked' ? { revokedReason: row.revokedReason, revokedOn: row.revokedOn } : {}),
      },
      verificationCode: code,
    },
    // Revocation as offline checkers read it: this credential's bit in the published status list.
    credentialStatus: statusEntry(origin, row.statusIndex),
  };
  return signCredential(document, key, ctx.now());
}

export const statusListPath = (list: number) => `/api/v1/verify/status-lists/${list}`;

function statusEntry(origin: string, statusIndex: number) {
  const list = Math.floor(statusIndex / STATUS_LIST_SIZE);
  const index = statusIndex % STATUS_LIST_SIZE;
  return {
    id: `${origin}${statusListPath(list)}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(index),
    statusListCredential: `${origin}${statusListPath(list)}`,
  };
}

/**
 * A revocation status list (W3C Bitstring Status List v1.0) as a credential signed like the
 * certificates: bit n set when the n-th issued conversion credential of this list is revoked.
 * Public; read afresh on each request, so a revocation shows at once.
 */
export async function statusList(ctx: Ctx, list: number, origin: string) {
  const key = await signingKey(ctx);
  const from = list * STATUS_LIST_SIZE;
  const revoked = await repo.listRevokedStatusIndexes(ctx.db, from, from + STATUS_LIST_SIZE);
  const url = `${origin}${statusListPath(list)}`;
  const document = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: { id: didKey(key.publicKeyRaw), name: ISSUER_NAME },
    validFrom: ctx
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodeStatusList(revoked.map((i) => i - from)),
    },
  };
  return signCredential(document, key, ctx.now());
}
