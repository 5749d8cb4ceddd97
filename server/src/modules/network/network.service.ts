import type {
  AssignNetworkRole,
  Contact,
  EndNetworkRole,
  Network,
  NetworkAssignment,
  NetworkRole,
  NetworkUnitDetail,
  OrgKind,
  SaveContact,
} from '@changai/contracts';
import { maskPhone, provinceDate } from '@changai/domain';
import { audit } from '../../platform/audit.js';
import { isPathInScope, scopeFor } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { NotFoundError, RuleViolationError } from '../../platform/errors.js';
import * as orgService from '../org/org.service.js';
import * as network from './network.repository.js';

type AssignmentRow = Awaited<ReturnType<typeof network.listByOrg>>[number];
type ContactRow = Awaited<ReturnType<typeof network.listContacts>>[number];

const toAssignment = (row: AssignmentRow): NetworkAssignment => ({
  id: row.id,
  org: { id: row.orgId, code: row.orgCode, name: row.orgName, kind: row.orgKind as OrgKind },
  role: row.role as NetworkRole,
  effectiveFrom: row.effectiveFrom,
  effectiveTo: row.effectiveTo,
  note: row.note,
});

/** Phones leave the server masked; the reveal endpoint shows one in full and audits it. */
const toContact = (ctx: Ctx, row: ContactRow): Contact => ({
  id: row.id,
  orgId: row.orgId,
  name: row.name,
  position: row.position,
  phone: row.phoneEnc ? maskPhone(ctx.cipher.decrypt(row.phoneEnc)) : null,
  email: row.email,
  isPrimary: row.isPrimary,
});

export async function current(ctx: Ctx, query: { asOf?: string; role?: NetworkRole }): Promise<Network> {
  scopeFor(ctx.actor, 'network:read');
  const asOf = query.asOf ?? provinceDate(ctx.now());
  const rows = await network.listEffective(ctx.db, asOf, query.role);
  const contacts = await network.listContacts(ctx.db, [...new Set(rows.map((r) => r.orgId))]);
  const units = rows.map((row) => ({
    org: { id: row.orgId, code: row.orgCode, name: row.orgName, kind: row.orgKind as OrgKind },
    role: row.role as NetworkRole,
    assignmentId: row.id,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    contacts: contacts.filter((c) => c.orgId === row.orgId).map((c) => toContact(ctx, c)),
  }));
  const count = (role: NetworkRole) => units.filter((u) => u.role === role).length;
  return { asOf, units, counts: { office: count('office'), member: count('member'), liaison: count('liaison') } };
}

export async function unit(ctx: Ctx, orgId: string): Promise<NetworkUnitDetail> {
  const org = await orgService.requireOrg(ctx, orgId, 'network:read');
  const [assignments, contacts] = await Promise.all([network.listByOrg(ctx.db, orgId), network.listContacts(ctx.db, [orgId])]);
  return {
    org: { id: org.id, code: org.code, name: org.name, kind: org.kind },
    assignments: assignments.map(toAssignment),
    contacts: contacts.map((c) => toContact(ctx, c)),
  };
}

export async function assign(ctx: Ctx, input: AssignNetworkRole): Promise<NetworkAssignment> {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await orgService.requireOrg({ ...ctx, db: trx }, input.orgId, 'network:manage');
    const effectiveTo = input.effectiveTo ?? null;
    const overlap = await network.findOverlapping(trx, { orgId: org.id, role: input.role, from: input.effectiveFrom, to: effectiveTo });
    if (overlap) throw new RuleViolationError('network.overlap', { role: input.role, from: overlap.effectiveFrom });
    const { id } = await network.insertAssignment(trx, {
      orgId: org.id,
      role: input.role,
      effectiveFrom: input.effectiveFrom,
      effectiveTo,
      note: input.note ?? null,
    });
    const row = (await network.findAssignment(trx, id)) as AssignmentRow;
    await audit(trx, ctx, {
      action: 'network.assign',
      entityType: 'network_assignment',
      entityId: id,
      orgId: org.id,
      after: toAssignment(row),
    });
    return toAssignment(row);
  });
}

async function loadAssignment(db: Db, ctx: Ctx, id: string) {
  const scope = scopeFor(ctx.actor, 'network:manage');
  const row = await network.findAssignment(db, id);
  if (!row || !isPathInScope(scope, row.orgPath)) throw new NotFoundError('network_assignment');
  return row;
}

/** Ends a role on a date; a role is never deleted, so the network's past stays readable. */
export async function end(ctx: Ctx, assignmentId: string, input: EndNetworkRole): Promise<NetworkAssignment> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadAssignment(trx, ctx, assignmentId);
    if (input.effectiveTo < before.effectiveFrom) {
      throw new RuleViolationError('network.ended_before_start', { from: before.effectiveFrom }, [
        { path: 'body.effectiveTo', message: 'date_range_order' },
      ]);
    }
    await network.updateAssignmentEnd(trx, assignmentId, input.effectiveTo);
    const after = (await network.findAssignment(trx, assignmentId)) as AssignmentRow;
    await audit(trx, ctx, {
      action: 'network.end',
      entityType: 'network_assignment',
      entityId: assignmentId,
      orgId: before.orgId,
      before: { effectiveTo: before.effectiveTo },
      after: { effectiveTo: input.effectiveTo },
    });
    return toAssignment(after);
  });
}

function contactValues(ctx: Ctx, input: SaveContact) {
  return {
    name: input.name,
    position: input.position ?? null,
    phoneEnc: input.phone ? ctx.cipher.encrypt(input.phone) : null,
    email: input.email ?? null,
    isPrimary: input.isPrimary,
  };
}

/** What the audit log keeps of a contact: never the phone itself. */
const contactAudit = (input: SaveContact) => ({ ...input, phone: input.phone ? maskPhone(input.phone) : null });

export async function addContact(ctx: Ctx, orgId: string, input: SaveContact): Promise<Contact> {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await orgService.requireOrg({ ...ctx, db: trx }, orgId, 'network:manage');
    const { id } = await network.insertContact(trx, { ...contactValues(ctx, input), orgId: org.id, now: ctx.now() });
    if (input.isPrimary) await network.clearPrimary(trx, org.id, id);
    await audit(trx, ctx, { action: 'contact.create', entityType: 'contact', entityId: id, orgId: org.id, after: contactAudit(input) });
    return toContact(ctx, (await network.findContact(trx, id)) as ContactRow);
  });
}

async function loadContact(db: Db, ctx: Ctx, id: string, permission: 'network:manage' | 'personal_data:unmask') {
  const scope = scopeFor(ctx.actor, permission);
  const row = await network.findContact(db, id);
  if (!row || !isPathInScope(scope, row.orgPath)) throw new NotFoundError('contact');
  return row;
}

export async function updateContact(ctx: Ctx, contactId: string, input: SaveContact): Promise<Contact> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadContact(trx, ctx, contactId, 'network:manage');
    // A phone left out keeps the stored one (clients only ever hold it masked); null clears it.
    const values = contactValues(ctx, input);
    await network.updateContact(trx, contactId, {
      ...values,
      phoneEnc: input.phone === undefined ? before.phoneEnc : values.phoneEnc,
      now: ctx.now(),
    });
    if (input.isPrimary) await network.clearPrimary(trx, before.orgId, contactId);
    await audit(trx, ctx, {
      action: 'contact.update',
      entityType: 'contact',
      entityId: contactId,
      orgId: before.orgId,
      before: { ...toContact(ctx, before) },
      after: contactAudit(input),
    });
    return toContact(ctx, (await network.findContact(trx, contactId)) as ContactRow);
  });
}

export async function removeContact(ctx: Ctx, contactId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadContact(trx, ctx, contactId, 'network:manage');
    await network.deleteContact(trx, contactId);
    await audit(trx, ctx, {
      action: 'contact.delete',
      entityType: 'contact',
      entityId: contactId,
      orgId: before.orgId,
      before: toContact(ctx, before),
    });
  });
}

/** Shows one phone number in full, to someone allowed to see personal data, and records that they did. */
export async function revealPhone(ctx: Ctx, contactId: string): Promise<{ phone: string | null }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadContact(trx, ctx, contactId, 'personal_data:unmask');
    await audit(trx, ctx, {
      action: 'personal_data.view',
      entityType: 'contact',
      entityId: contactId,
      orgId: row.orgId,
      after: { field: 'phone' },
    });
    return { phone: row.phoneEnc ? ctx.cipher.decrypt(row.phoneEnc) : null };
  });
}
