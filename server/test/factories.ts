import type { OrgKind, Role } from '@changai/contracts';
import { idNumberCheckDigit } from '@changai/domain';
import * as orgService from '../src/modules/org/org.service.js';
import * as usersService from '../src/modules/users/users.service.js';
import * as workersService from '../src/modules/workers/workers.service.js';
import type { Ctx } from '../src/platform/context.js';
import { TEST_PASSWORD } from './test-app.js';

let seq = 0;
const next = () => `${process.pid.toString(36)}${(++seq).toString(36)}`;

/** The org with a reference code (e.g. '420100' 武汉市), as seeded. */
export async function orgByCode(ctx: Ctx, code: string) {
  const found = (await orgService.list(ctx, { q: code, limit: 20 })).find((o) => o.code === code);
  if (!found) throw new Error(`no org ${code}`);
  return found;
}

export async function makeOrg(
  ctx: Ctx,
  overrides: { parentId: string; name?: string; kind?: Exclude<OrgKind, 'province'>; code?: string },
) {
  const id = next();
  return orgService.create(ctx, {
    parentId: overrides.parentId,
    code: overrides.code ?? `T-${id}`,
    name: overrides.name ?? `测试单位${id}`,
    kind: overrides.kind ?? 'enterprise',
  });
}

/** A user ready to sign in (no forced password change) with TEST_PASSWORD. */
export async function makeUser(ctx: Ctx, overrides: { orgId: string; role: Role; username?: string; displayName?: string }) {
  const username = overrides.username ?? `u${next()}`;
  return usersService.create(ctx, {
    username,
    displayName: overrides.displayName ?? `测试用户${username}`,
    password: TEST_PASSWORD,
    role: overrides.role,
    orgId: overrides.orgId,
  });
}

let idSeq = 0;
/** A valid, unique resident ID number (GB 11643 check digit); without a birth date each call takes a new day. */
export function makeIdNumber(region = '420106', birthDate?: string, gender: 'male' | 'female' = 'male') {
  idSeq++;
  const born = birthDate ?? new Date(Date.UTC(1970, 0, 1) + idSeq * 86_400_000).toISOString().slice(0, 10);
  // Odd sequence for men, even for women; the counter keeps numbers for the same day distinct.
  const seq = ((idSeq * 2) % 998) + (gender === 'male' ? 1 : 2);
  const first17 = `${region}${born.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckDigit(first17);
}

export async function makeWorker(
  ctx: Ctx,
  overrides: { orgId: string; name?: string; idNumber?: string; phone?: string; isFrontline?: boolean },
) {
  return workersService.create(ctx, {
    name: overrides.name ?? `职工${next()}`,
    idNumber: overrides.idNumber ?? makeIdNumber(),
    phone: overrides.phone ?? null,
    orgId: overrides.orgId,
    isFrontline: overrides.isFrontline ?? true,
    isUnionMember: true,
    status: 'employed',
  });
}
