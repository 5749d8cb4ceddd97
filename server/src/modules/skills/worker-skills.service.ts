import type { WorkerSkills } from '@changai/contracts';
import type { Ctx } from '../../platform/context.js';
import * as workersService from '../workers/workers.service.js';
import * as workerSkills from './worker-skills.repository.js';

type Enrollment = WorkerSkills['enrollments'][number];
type Membership = WorkerSkills['carriers'][number];
type Achievement = WorkerSkills['achievements'][number];

/**
 * A worker's training, carriers and innovation, for the profile. Whoever may open the profile may
 * see these (the worker themself included); anyone else meets the profile's 404.
 */
export async function ofWorker(ctx: Ctx, workerId: string): Promise<WorkerSkills> {
  await workersService.get(ctx, workerId);
  const [enrollments, carriers, achievements] = await Promise.all([
    workerSkills.listEnrollments(ctx.db, workerId),
    workerSkills.listCarriers(ctx.db, workerId),
    workerSkills.listAchievements(ctx.db, workerId),
  ]);
  return {
    enrollments: enrollments.map(
      (e): Enrollment => ({
        id: e.id,
        status: e.status as Enrollment['status'],
        attendancePercent: e.attendancePercent,
        result: (e.result as Enrollment['result']) ?? null,
        score: e.score,
        assessedOn: e.assessedOn,
        certificateNumber: e.certificateNumber,
        credentialId: e.credentialId,
        source: e.source as Enrollment['source'],
        program: {
          id: e.programId,
          title: e.title,
          occupationCode: e.occupationCode,
          targetLevel: e.targetLevel as Enrollment['program']['targetLevel'],
          providerName: e.carrierName ?? e.providerName,
          mode: e.mode as Enrollment['program']['mode'],
          startsOn: e.startsOn,
          endsOn: e.endsOn,
        },
      }),
    ),
    carriers: carriers.map(
      (c): Membership => ({
        id: c.id,
        name: c.name,
        kind: c.kind as Membership['kind'],
        level: c.level as Membership['level'],
        studioType: (c.studioType as Membership['studioType']) ?? null,
        status: c.status as Membership['status'],
        hostName: c.hostName,
        role: c.role as Membership['role'],
        joinedOn: c.joinedOn,
      }),
    ),
    achievements: achievements.map(
      (a): Achievement => ({
        id: a.id,
        title: a.title,
        kind: a.kind as Achievement['kind'],
        status: a.status as Achievement['status'],
        orgName: a.orgName,
        submittedOn: a.submittedOn,
        benefitYuan: a.benefitYuan === null ? null : Number(a.benefitYuan),
        patentNumbers: a.patentNumbers,
        isLead: a.isLead,
      }),
    ),
  };
}
