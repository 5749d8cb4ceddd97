import type { CreateReportedElement } from '@changai/contracts';
import { periodsBetween } from '@changai/domain';
import { audit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { getSetting, setSetting } from '../../platform/settings.js';
import { Random } from '../demo/demo.random.js';
import * as orgService from '../org/org.service.js';
import * as repo from './reporting.repository.js';
import * as reporting from './reporting.service.js';

const el = (
  code: string,
  nameZh: string,
  nameEn: string,
  unitZh: string,
  unitEn: string,
  valueType: 'integer' | 'number',
  maxValue: number,
): CreateReportedElement => ({
  code,
  nameZh,
  nameEn,
  descriptionZh: null,
  descriptionEn: null,
  unitZh,
  unitEn,
  valueType,
  minValue: 0,
  maxValue,
});

/** The standard reported elements of the reform's quarterly report. */
export const DEMO_ELEMENTS: CreateReportedElement[] = [
  el('training_sessions', '开展职工技能培训场次', 'Skills training sessions held', '场', 'sessions', 'integer', 5_000),
  el('training_participants', '职工技能培训人次', 'Worker training participations', '人次', 'participations', 'integer', 500_000),
  el('certificates_obtained', '取得证书人次', 'Certificates obtained', '人次', 'certificates', 'integer', 500_000),
  el('hardship_funds', '困难职工帮扶资金', 'Assistance funds for workers in hardship', '万元', '10k yuan', 'number', 100_000),
  el('competitions_held', '劳动和技能竞赛场次', 'Labour and skills competitions held', '场', 'competitions', 'integer', 2_000),
  el('competition_participants', '参赛职工人次', 'Competition participations', '人次', 'participations', 'integer', 500_000),
  el(
    'innovation_studios_new',
    '新建劳模和工匠人才创新工作室',
    'New model-worker and craftsman innovation studios',
    '个',
    'studios',
    'integer',
    200,
  ),
];

export const DEMO_FORM_CODE = 'reform_quarterly';

const RETURN_REASONS = [
  '取得证书人次与培训人次比例偏高，请核实后重新上报。',
  '困难职工帮扶资金与财务台账不一致，请核对后重报。',
  '竞赛场次较上季度大幅增长，请补充说明并核实数据。',
  '培训场次填报口径有误（含非职工培训），请按口径修正。',
];

type Unit = { id: string; code: string; name: string; parentId: string | null; parentName: string; scale: number };

/**
 * The quarterly reform report for the 17 prefectures and their counties since 2020: old periods
 * approved (a few late or missing), the last ended quarter in every state, the current one open.
 */
export async function loadReportingDemo(ctx: Ctx): Promise<void> {
  if (await getSetting(ctx.db, 'demo.reporting')) return;
  for (const element of DEMO_ELEMENTS) await reporting.createElement(ctx, element);
  const form = await reporting.createForm(ctx, {
    code: DEMO_FORM_CODE,
    nameZh: '产改工作季度报表',
    nameEn: 'Quarterly reform work report',
    periodType: 'quarter',
    deadlineDays: 15,
    firstPeriod: '2020-Q1',
    isActive: true,
    elementCodes: DEMO_ELEMENTS.map((e) => e.code),
    rules: [
      {
        leftCode: 'training_participants',
        operator: '>=',
        rightCode: 'certificates_obtained',
        messageZh: '取得证书人次不能超过职工技能培训人次',
        messageEn: 'Certificates obtained cannot exceed training participations',
      },
      {
        leftCode: 'training_participants',
        operator: '>=',
        rightCode: 'training_sessions',
        messageZh: '培训人次应不少于培训场次',
        messageEn: 'Participations cannot be fewer than sessions',
      },
      {
        leftCode: 'competition_participants',
        operator: '>=',
        rightCode: 'competitions_held',
        messageZh: '参赛人次应不少于竞赛场次',
        messageEn: 'Competition participations cannot be fewer than competitions',
      },
    ],
  });
  const root = await orgService.findRoot(ctx.db);
  if (!root) return;
  const prefectures = await orgService.list(ctx, { kind: 'prefecture', limit: 50 });
  const counties = await orgService.list(ctx, { kind: 'county', limit: 500 });
  const nameOf = new Map(prefectures.map((p) => [p.id, p.name]));
  const units: Unit[] = [
    ...prefectures.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      parentId: root.id,
      parentName: root.name,
      scale: p.code === '420100' ? 3 : 1.5,
    })),
    ...counties.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      parentId: c.parentId,
      parentName: nameOf.get(c.parentId ?? '') ?? '',
      scale: 1,
    })),
  ];
  await reporting.setAssignments(
    ctx,
    form.id,
    units.map((u) => u.id),
  );

  const random = new Random(2020_11);
  const now = ctx.now();
  const asOf = now.toISOString().slice(0, 10);
  const periods = periodsBetween('quarter', '2020-01-01', asOf);
  const day = 86_400_000;
  const at = (date: string, hours = 10) => new Date(Date.parse(`${date}T00:00:00Z`) + hours * 3_600_000);
  const submissions: Parameters<typeof repo.insertDemoRows>[1]['submissions'] = [];
  const values: Parameters<typeof repo.insertDemoRows>[1]['values'] = [];
  const steps: Parameters<typeof repo.insertDemoRows>[1]['steps'] = [];
  const wuhanCounties = units.filter((u) => u.parentId === prefectures.find((p) => p.code === '420100')?.id);
  const lastEnded = periods.filter((p) => p.endsOn < asOf).at(-1)?.code;
  const previous = periods.filter((p) => p.endsOn < asOf).at(-2)?.code;

  for (const unit of units) {
    const federation = `${unit.name}总工会`;
    const approverName = (id: string | null) =>
      id === root.id ? '省产改办' : `${unit.parentId === id ? unit.parentName : unit.name}总工会`;
    for (const period of periods) {
      const due = reporting.dueOn(form, period.code);
      const isCurrent = period.endsOn >= asOf;
      const isLast = period.code === lastEnded;
      const isWuhanCounty = wuhanCounties.includes(unit);
      // What state this unit's period is in.
      let state: 'none' | 'draft' | 'awaiting_parent' | 'awaiting_root' | 'returned' | 'approved' | 'revision';
      if (isCurrent) state = random.chance(0.12) ? 'draft' : 'none';
      else if (isLast) {
        if (unit.code === '420100') state = 'returned';
        else if (isWuhanCounty && wuhanCounties.indexOf(unit) < 4) state = 'awaiting_parent';
        else if (unit.parentId === root.id && random.chance(0.35)) state = 'awaiting_root';
        else {
          const r = random.next();
          state =
            r < 0.38
              ? 'approved'
              : r < 0.55
                ? 'awaiting_parent'
                : r < 0.66
                  ? 'awaiting_root'
                  : r < 0.74
                    ? 'returned'
                    : r < 0.82
                      ? 'draft'
                      : 'none';
        }
      } else if (period.code === previous && isWuhanCounty && wuhanCounties.indexOf(unit) === 4) state = 'revision';
      else if (period.code === previous && unit.parentId === root.id && random.chance(0.2)) state = 'awaiting_root';
      else state = random.chance(0.015) ? 'none' : 'approved';
      if (state === 'awaiting_root' && unit.parentId === root.id) state = random.chance(0.5) ? 'awaiting_root' : 'awaiting_parent';
      if (state === 'none') continue;

      // Believable quarterly figures, growing a little each year, the first quarter of 2020 low (the epidemic).
      const year = Number(period.code.slice(0, 4));
      const growth = (1 + (year - 2020) * 0.08) * (period.code === '2020-Q1' ? 0.35 : 1) * unit.scale;
      const sessions = Math.max(1, Math.round(random.int(6, 30) * growth));
      const participants = sessions * random.int(25, 70);
      const row: Record<string, number> = {
        training_sessions: sessions,
        training_participants: participants,
        certificates_obtained: Math.round(participants * (0.3 + random.next() * 0.35)),
        hardship_funds: Math.round((8 + random.next() * 60) * growth * 10) / 10,
        competitions_held: Math.max(1, Math.round(random.int(1, 6) * growth)),
        competition_participants: 0,
        innovation_studios_new: random.chance(0.3) ? random.int(1, 3) : 0,
      };
      row.competition_participants = (row.competitions_held ?? 1) * random.int(40, 160);
      if (state === 'returned' && random.chance(0.5)) row.certificates_obtained = Math.round(participants * 0.98);

      const late = random.chance(0.08);
      const firstSubmitted = at(
        late ? new Date(Date.parse(due) + random.int(1, 12) * day).toISOString().slice(0, 10) : due,
        late ? 10 : -random.int(24, 24 * 12),
      );
      const key = { formId: form.id, orgId: unit.id, period: period.code };
      const submitStep = (when: Date, level: string | null) =>
        steps.push({ ...key, action: 'submit', levelOrgId: level, reason: null, actorName: federation, at: when });
      const approveStep = (when: Date, level: string | null) =>
        steps.push({ ...key, action: 'approve', levelOrgId: level, reason: null, actorName: approverName(level), at: when });
      const chain = unit.parentId === root.id ? [root.id] : [unit.parentId as string, root.id];
      let status = 'approved';
      let awaiting: string | null = null;
      let approvedAt: Date | null = null;
      let returnReason: string | null = null;
      let isRevision = false;
      let approvedRow: Record<string, number> | null = null;
      if (state === 'draft') status = 'draft';
      else {
        submitStep(firstSubmitted, chain[0] ?? null);
        if (state === 'returned') {
          status = 'returned';
          returnReason = random.pick(RETURN_REASONS);
          const level = chain.length > 1 && random.chance(0.3) ? (chain[1] as string) : (chain[0] as string);
          if (level !== chain[0]) approveStep(new Date(firstSubmitted.getTime() + 2 * day), chain[0] as string);
          steps.push({
            ...key,
            action: 'return',
            levelOrgId: level,
            reason: returnReason,
            actorName: approverName(level),
            at: new Date(firstSubmitted.getTime() + 4 * day),
          });
        } else if (state === 'awaiting_parent') {
          status = 'submitted';
          awaiting = chain[0] ?? null;
        } else if (state === 'awaiting_root') {
          status = 'submitted';
          awaiting = root.id;
          if (chain.length > 1) approveStep(new Date(firstSubmitted.getTime() + 3 * day), chain[0] as string);
        } else {
          let when = firstSubmitted;
          for (const level of chain) {
            when = new Date(when.getTime() + random.int(1, 6) * day);
            approveStep(when, level);
          }
          approvedAt = when;
          approvedRow = row;
          if (state === 'revision') {
            // Approved, then corrected: two figures changed, the correction awaits the prefecture.
            approvedRow = { ...row };
            row.training_participants = (row.training_participants ?? 0) + 120;
            row.hardship_funds = Math.round(((row.hardship_funds ?? 0) + 12.5) * 10) / 10;
            status = 'submitted';
            awaiting = chain[0] ?? null;
            isRevision = true;
            steps.push({
              ...key,
              action: 'reopen',
              levelOrgId: null,
              reason: null,
              actorName: federation,
              at: new Date(when.getTime() + 30 * day),
            });
            submitStep(new Date(when.getTime() + 31 * day), chain[0] ?? null);
          }
        }
      }
      const lastStep = steps.at(-1);
      submissions.push({
        ...key,
        status,
        awaitingOrgId: awaiting,
        isRevision,
        firstSubmittedAt: status === 'draft' ? null : firstSubmitted,
        submittedAt: status === 'draft' ? null : lastStep?.action === 'submit' ? lastStep.at : firstSubmitted,
        approvedAt: status === 'approved' || isRevision ? approvedAt : null,
        returnReason,
        returnedAt: status === 'returned' ? (lastStep?.at ?? null) : null,
        updatedAt: lastStep?.at ?? now,
      });
      for (const [elementCode, value] of Object.entries(row)) {
        if (status === 'draft' && random.chance(0.3)) continue;
        const approved = approvedRow ? (approvedRow[elementCode] ?? null) : null;
        values.push({
          elementCode,
          orgId: unit.id,
          period: period.code,
          value,
          approvedValue: approved,
          approvedAt: approved === null ? null : approvedAt,
          updatedAt: lastStep?.at ?? now,
        });
      }
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertDemoRows(trx, { submissions, values, steps });
    await audit(trx, ctx, {
      action: 'reporting.demo_load',
      entityType: 'report_form',
      entityId: form.id,
      after: { submissions: submissions.length, values: values.length, steps: steps.length },
    });
  });
  await setSetting(ctx.db, 'demo.reporting', { at: now.toISOString() }, now);
}
