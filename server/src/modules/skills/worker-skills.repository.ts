import type { Db } from '../../platform/db/database.js';

/** The most a profile lists of each: a worker's training and innovation history stays short. */
const LIMIT = 200;

export function listEnrollments(db: Db, workerId: string) {
  return db
    .selectFrom('trainingEnrollments as e')
    .innerJoin('trainingPrograms as p', 'p.id', 'e.programId')
    .innerJoin('orgs as o', 'o.id', 'p.providerOrgId')
    .leftJoin('carriers as c', 'c.id', 'p.providerCarrierId')
    .select([
      'e.id',
      'e.status',
      'e.attendancePercent',
      'e.result',
      'e.score',
      'e.assessedOn',
      'e.certificateNumber',
      'e.credentialId',
      'e.source',
      'p.id as programId',
      'p.title',
      'p.occupationCode',
      'p.targetLevel',
      'o.name as providerName',
      'c.name as carrierName',
      'p.mode',
      'p.startsOn',
      'p.endsOn',
    ])
    .where('e.workerId', '=', workerId)
    .orderBy('p.startsOn', 'desc')
    .orderBy('e.id')
    .limit(LIMIT)
    .execute();
}

export function listCarriers(db: Db, workerId: string) {
  return db
    .selectFrom('carrierMembers as m')
    .innerJoin('carriers as c', 'c.id', 'm.carrierId')
    .innerJoin('orgs as o', 'o.id', 'c.hostOrgId')
    .select(['c.id', 'c.name', 'c.kind', 'c.level', 'c.studioType', 'c.status', 'o.name as hostName', 'm.role', 'm.joinedOn'])
    .where('m.workerId', '=', workerId)
    .orderBy('m.joinedOn', 'desc')
    .orderBy('c.id')
    .limit(LIMIT)
    .execute();
}

export function listAchievements(db: Db, workerId: string) {
  return db
    .selectFrom('innovationTeam as tm')
    .innerJoin('innovationAchievements as a', 'a.id', 'tm.achievementId')
    .innerJoin('orgs as o', 'o.id', 'a.orgId')
    .select([
      'a.id',
      'a.title',
      'a.kind',
      'a.status',
      'o.name as orgName',
      'a.submittedOn',
      'a.benefitYuan',
      'a.patentNumbers',
      'tm.isLead',
    ])
    .where('tm.workerId', '=', workerId)
    .orderBy('a.submittedOn', 'desc')
    .orderBy('a.id')
    .limit(LIMIT)
    .execute();
}
