import type { OrgKind, Role } from '@changai/contracts';
import * as orgService from '../src/modules/org/org.service.js';
import * as usersService from '../src/modules/users/users.service.js';
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
