import { audit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/database.js';
import divisions from './reference/hubei-divisions.json' with { type: 'json' };

/**
 * Loads the province and its GB/T 2260 divisions on first start: 17 prefecture-level divisions
 * (the four provincially administered county-level units among them) and 99 counties/districts.
 * Runs once: an org table that already has a root is left alone.
 */
export async function seedReferenceOrgs(db: Db, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('orgs').select('id').where('depth', '=', 0).executeTakeFirst();
    if (existing) return 0;
    const rootId = crypto.randomUUID();
    const rows = [
      {
        id: rootId,
        code: divisions.province.code,
        name: divisions.province.name,
        kind: 'province',
        parentId: null as string | null,
        path: `/${rootId}/`,
        depth: 0,
      },
    ];
    const byCode = new Map<string, { id: string; path: string }>();
    for (const p of divisions.prefectures) {
      const id = crypto.randomUUID();
      const path = `/${rootId}/${id}/`;
      byCode.set(p.code, { id, path });
      rows.push({ id, code: p.code, name: p.name, kind: 'prefecture', parentId: rootId, path, depth: 1 });
    }
    for (const c of divisions.counties) {
      const parent = byCode.get(c.parent);
      if (!parent) throw new Error(`County ${c.code} has no prefecture ${c.parent}`);
      const id = crypto.randomUUID();
      rows.push({ id, code: c.code, name: c.name, kind: 'county', parentId: parent.id, path: `${parent.path}${id}/`, depth: 2 });
    }
    await trx
      .insertInto('orgs')
      .values(rows.map((r) => ({ ...r, createdAt: now, updatedAt: now })))
      .execute();
    await audit(
      trx,
      { actor: { kind: 'system', name: 'seed' }, now: () => now },
      {
        action: 'org.seed_reference',
        entityType: 'org',
        entityId: rootId,
        orgId: rootId,
        after: { orgs: rows.length, source: divisions.source },
      },
    );
    return rows.length;
  });
}
