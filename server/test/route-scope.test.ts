import { type Permission, ROLES, type Role } from '@changai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as applicationsService from '../src/modules/conversion/applications.service.js';
import * as conversionService from '../src/modules/conversion/conversion.service.js';
import * as networkService from '../src/modules/network/network.service.js';
import * as attachmentsService from '../src/modules/reform/attachments.service.js';
import * as meetingsService from '../src/modules/reform/meetings.service.js';
import * as policiesService from '../src/modules/reform/policies.service.js';
import * as tasksService from '../src/modules/reform/tasks.service.js';
import * as reportingService from '../src/modules/reporting/reporting.service.js';
import * as carriersService from '../src/modules/skills/carriers.service.js';
import * as innovationService from '../src/modules/skills/innovation.service.js';
import * as trainingService from '../src/modules/skills/training.service.js';
import * as workersService from '../src/modules/workers/workers.service.js';
import { grantScope } from '../src/platform/auth/permissions.js';
import { enqueue } from '../src/platform/jobs.js';
import { storeUpload } from '../src/platform/uploads.js';
import { makeOrg, makeUser, makeWorker, orgByCode } from './factories.js';
import { createTestApp, signIn, type TestApp } from './test-app.js';

/**
 * Walks every API route with every role. A role without the route's permission gets 403; a role
 * whose grant reaches only its own subtree gets 404 for rows outside it, never sees them in lists,
 * and changes nothing there.
 */
let t: TestApp;
const users = {} as Record<Role, string>;
const outside = {
  orgId: '',
  userId: '',
  assignmentId: '',
  contactId: '',
  orgCode: '',
  username: '',
  workerId: '',
  credentialId: '',
  uploadId: '',
  jobId: '',
  taskId: '',
  reportId: '',
  milestoneId: '',
  attachmentId: '',
  policyId: '',
  policyAttachmentId: '',
  meetingId: '',
  decisionId: '',
  applicationId: '',
  ruleSetId: '',
  carrierId: '',
  programId: '',
  enrollmentId: '',
  achievementId: '',
  formId: '',
};
const inside = { orgId: '' };

beforeAll(async () => {
  t = await createTestApp();
  const root = await orgByCode(t.system, '420000');
  const wuhan = await orgByCode(t.system, '420100');
  const yichang = await orgByCode(t.system, '420500');
  const out = await makeOrg(t.system, { parentId: yichang.id, name: '宜昌外部企业' });
  const outUser = await makeUser(t.system, { orgId: out.id, role: 'worker' });
  const assignment = await networkService.assign(t.system, { orgId: out.id, role: 'liaison', effectiveFrom: '2020-01-01' });
  const contact = await networkService.addContact(t.system, out.id, { name: '外部联络人', phone: '13700001111', isPrimary: true });
  const worker = await makeWorker(t.system, { orgId: out.id });
  const credential = await workersService.grantCredential(t.system, worker.id, {
    kind: 'skill_level',
    levelCode: 'senior',
    issuedOn: '2020-01-01',
  });
  const upload = await storeUpload(t.database.db, [Buffer.from('姓名,身份证号\n')], {
    fileName: 'x.csv',
    uploadedBy: outUser.id,
    maxBytes: 1000,
  });
  const job = await enqueue(t.database.db, { kind: 'noop', payload: {}, createdBy: outUser.id, orgId: out.id });
  const pdf = () => [Buffer.from('%PDF-1.4\n%%EOF\n')];
  const policyFile = await attachmentsService.upload(t.system, { stream: pdf(), fileName: 'p.pdf' });
  const policy = await policiesService.create(t.system, {
    title: '外部政策',
    issuers: '宜昌市人民政府',
    issuedOn: '2020-01-01',
    category: 'skills',
    status: 'in_force',
    fullText: '',
    attachmentIds: [policyFile.uploadId],
  });
  const task = await tasksService.create(
    t.system,
    {
      area: 'skills',
      title: '外部任务',
      description: '',
      orgId: out.id,
      coUnitIds: [],
      reportCycle: 'quarterly',
      startsOn: '2026-01-01',
      dueOn: '2026-12-31',
      milestones: [{ title: '节点', dueOn: '2026-06-30' }],
    },
    { issuerOrgId: out.id },
  );
  const evidence = await attachmentsService.upload(t.system, { stream: pdf(), fileName: 'e.pdf' });
  const reported = await tasksService.submitReport(t.system, task.id, {
    period: '2026-Q1',
    text: '外部报告',
    percent: 10,
    attachmentIds: [evidence.uploadId],
  });
  const meeting = await meetingsService.create(t.system, {
    title: '外部会议',
    kind: 'coordination',
    heldOn: '2026-01-10',
    hostOrgId: out.id,
    attendeeOrgIds: [],
    minutes: '',
    decisions: ['外部决定'],
  });
  Object.assign(outside, {
    taskId: task.id,
    reportId: reported.reports[0]?.id,
    milestoneId: task.milestones[0]?.id,
    attachmentId: reported.reports[0]?.attachments[0]?.id,
    policyId: policy.id,
    policyAttachmentId: policy.attachments[0]?.id,
    meetingId: meeting.id,
    decisionId: meeting.decisions[0]?.id,
  });
  // 高级工 since 2020 → eligible for 技师 by years (ladder-technician) on the test clock.
  const application = await applicationsService.submit(t.system, { workerId: worker.id, pathwayId: 'ladder-technician' });
  const ruleSet = await conversionService.currentRuleSet(t.system, '2026-03-01');
  const carrier = await carriersService.apply(t.system, {
    kind: 'master_studio',
    level: 'provincial',
    name: '外部技能大师工作室',
    hostOrgId: out.id,
    leaderWorkerId: worker.id,
    memberWorkerIds: [],
    industryDivisions: [],
    occupationCodes: [],
  });
  await carriersService.recognise(t.system, carrier.id, { approve: true, documentNumber: '外部〔2020〕1号', recognisedOn: '2020-06-01' });
  const program = await trainingService.create(t.system, {
    title: '外部培训班',
    occupationCode: '6-18-02-04',
    targetLevel: 'senior',
    providerOrgId: out.id,
    carrierId: carrier.id,
    mode: 'onsite',
    startsOn: '2026-01-01',
    endsOn: '2026-02-01',
    capacity: 10,
    funding: 'enterprise',
    isFree: false,
  });
  const enrolled = await trainingService.enroll(t.system, program.id, { workerIds: [worker.id] });
  const achievement = await innovationService.submit(t.system, {
    title: '外部成果',
    kind: 'suggestion',
    orgId: out.id,
    submittedOn: '2026-01-01',
    teamWorkerIds: [worker.id],
    patentNumbers: [],
  });
  Object.assign(outside, {
    orgId: out.id,
    userId: outUser.id,
    assignmentId: assignment.id,
    contactId: contact.id,
    orgCode: out.code,
    username: outUser.username,
    workerId: worker.id,
    credentialId: credential.id,
    uploadId: upload.id,
    jobId: job.id,
    applicationId: application.id,
    ruleSetId: ruleSet.ref.id,
    carrierId: carrier.id,
    programId: program.id,
    enrollmentId: enrolled.enrollments[0]?.id ?? '',
    achievementId: achievement.id,
  });
  await reportingService.createElement(t.system, {
    code: 'scope_trained',
    nameZh: '培训人次',
    nameEn: 'Trained',
    descriptionZh: null,
    descriptionEn: null,
    unitZh: '',
    unitEn: '',
    valueType: 'integer',
    minValue: 0,
    maxValue: null,
  });
  const reportForm = await reportingService.createForm(t.system, {
    code: 'scope_form',
    nameZh: '外部报表',
    nameEn: 'Outside form',
    periodType: 'quarter',
    deadlineDays: 15,
    firstPeriod: '2025-Q1',
    isActive: true,
    elementCodes: ['scope_trained'],
    rules: [],
  });
  await reportingService.setAssignments(t.system, reportForm.id, [out.id]);
  await reportingService.save(t.system, { formId: reportForm.id, orgId: out.id, period: '2025-Q4' }, { values: { scope_trained: 5 } });
  await reportingService.submit(t.system, { formId: reportForm.id, orgId: out.id, period: '2025-Q4' }, { version: 2 });
  outside.formId = reportForm.id;
  inside.orgId = (await makeOrg(t.system, { parentId: wuhan.id })).id;
  for (const role of ROLES) {
    users[role] = (await makeUser(t.system, { orgId: role === 'province_admin' ? root.id : wuhan.id, role })).username;
  }
});
afterAll(() => t.close());

/** Routes that act on nothing that exists yet (a new upload, the blank template): no outside row to aim at. */
const NO_TARGET = new Set([
  'POST /api/v1/imports/workers',
  'GET /api/v1/imports/workers/template',
  'POST /api/v1/policies/files',
  'POST /api/v1/reports/files',
  // Province-wide by nature: refused (403) to any narrower grant.
  'POST /api/v1/supervision/sweep',
  // The indicator catalogue is province-wide reference data (its figures are scoped, not the formulas).
  'GET /api/v1/indicators',
]);

/** A valid request for each route, aimed at rows outside the Wuhan subtree. */
function sample(method: string, url: string): { url: string; payload?: unknown } | undefined {
  const path = url
    .replace(':orgId', outside.orgId)
    .replace(':userId', outside.userId)
    .replace(':assignmentId', outside.assignmentId)
    .replace(':contactId', outside.contactId)
    .replace(':workerId', outside.workerId)
    .replace(':credentialId', outside.credentialId)
    .replace(':uploadId', outside.uploadId)
    .replace(':jobId', outside.jobId)
    .replace(':taskId', outside.taskId)
    .replace(':reportId', outside.reportId)
    .replace(':milestoneId', outside.milestoneId)
    .replace(':attachmentId', url.startsWith('/api/v1/policies') ? outside.policyAttachmentId : outside.attachmentId)
    .replace(':policyId', outside.policyId)
    .replace(':meetingId', outside.meetingId)
    .replace(':decisionId', outside.decisionId)
    .replace(':applicationId', outside.applicationId)
    .replace(':ruleSetId', outside.ruleSetId)
    .replace(':carrierId', outside.carrierId)
    .replace(':programId', outside.programId)
    .replace(':enrollmentId', outside.enrollmentId)
    .replace(':achievementId', outside.achievementId)
    .replace(':formId', outside.formId)
    .replace(':period', '2025-Q4')
    .replace(/^\/api\/v1\/indicators\/:code/, '/api/v1/indicators/high_skilled_share')
    .replace(':code', 'scope_trained')
    .replace(':year', '2030');
  const task = {
    area: 'skills',
    title: '越权任务',
    orgId: outside.orgId,
    startsOn: '2026-01-01',
    dueOn: '2026-12-31',
  };
  const bodies: Record<string, unknown> = {
    'POST /api/v1/auth/logout': undefined,
    'GET /api/v1/auth/session': undefined,
    'POST /api/v1/auth/password': { currentPassword: 'not-the-password', newPassword: 'Whatever-pass-1' },
    'GET /api/v1/orgs': undefined,
    'GET /api/v1/orgs/:orgId': undefined,
    'GET /api/v1/orgs/:orgId/history': undefined,
    'POST /api/v1/orgs': { parentId: outside.orgId, code: 'SCOPE-X', name: '越权', kind: 'enterprise' },
    'PATCH /api/v1/orgs/:orgId': { name: '越权改名' },
    'POST /api/v1/orgs/:orgId/move': { parentId: inside.orgId },
    'POST /api/v1/orgs/:orgId/deactivate': undefined,
    'POST /api/v1/orgs/:orgId/reactivate': undefined,
    'DELETE /api/v1/orgs/:orgId': undefined,
    'GET /api/v1/orgs/:orgId/enterprise': undefined,
    'PUT /api/v1/orgs/:orgId/enterprise': { industryDivision: '36' },
    'GET /api/v1/network': undefined,
    'GET /api/v1/network/units/:orgId': undefined,
    'POST /api/v1/network/assignments': { orgId: outside.orgId, role: 'member', effectiveFrom: '2030-01-01' },
    'POST /api/v1/network/assignments/:assignmentId/end': { effectiveTo: '2030-12-31' },
    'POST /api/v1/network/units/:orgId/contacts': { name: '越权', isPrimary: false },
    'PUT /api/v1/network/contacts/:contactId': { name: '越权', isPrimary: false },
    'DELETE /api/v1/network/contacts/:contactId': undefined,
    'GET /api/v1/network/contacts/:contactId/phone': undefined,
    'GET /api/v1/users': undefined,
    'GET /api/v1/users/:userId': undefined,
    'POST /api/v1/users': { username: 'scope-x', displayName: 'x', password: 'Initial-pass-1', role: 'worker', orgId: outside.orgId },
    'PATCH /api/v1/users/:userId': { displayName: '越权改名' },
    'POST /api/v1/users/:userId/reset-password': { password: 'Another-pass-1' },
    'GET /api/v1/roles': undefined,
    'GET /api/v1/audit': undefined,
    'GET /api/v1/workers': undefined,
    'GET /api/v1/workers/export': undefined,
    'GET /api/v1/workers/:workerId': undefined,
    'GET /api/v1/workers/:workerId/identity': undefined,
    'POST /api/v1/workers': { name: '越权', idNumber: '11010519491231002X', orgId: outside.orgId },
    'PATCH /api/v1/workers/:workerId': { name: '越权改名' },
    'POST /api/v1/workers/:workerId/credentials': { kind: 'honor', name: '越权', issuedOn: '2020-01-01' },
    'POST /api/v1/credentials/:credentialId/revoke': { reason: '越权撤销' },
    'GET /api/v1/imports/uploads/:uploadId': undefined,
    'POST /api/v1/imports/uploads/:uploadId/start': { mapping: { name: 0, idNumber: 1 } },
    'GET /api/v1/jobs/:jobId': undefined,
    'POST /api/v1/imports/workers': undefined,
    'GET /api/v1/imports/workers/template': undefined,
    'GET /api/v1/uploads/:uploadId/content': undefined,
    'GET /api/v1/policies': undefined,
    'GET /api/v1/policies/:policyId': undefined,
    'POST /api/v1/policies': { title: '越权', issuers: 'x', issuedOn: '2020-01-01', category: 'skills', leadOrgId: outside.orgId },
    'PUT /api/v1/policies/:policyId': { title: '越权', issuers: 'x', issuedOn: '2020-01-01', category: 'skills' },
    'POST /api/v1/policies/files': undefined,
    'GET /api/v1/policies/attachments/:attachmentId': undefined,
    'GET /api/v1/tasks': undefined,
    'GET /api/v1/tasks/inbox': undefined,
    'GET /api/v1/tasks/:taskId': undefined,
    'POST /api/v1/tasks': task,
    'POST /api/v1/tasks/:taskId/hand-down': { orgIds: [inside.orgId] },
    'POST /api/v1/tasks/:taskId/deadline': { dueOn: '2027-01-31', reason: '越权' },
    'POST /api/v1/tasks/:taskId/cancel': { reason: '越权' },
    'POST /api/v1/tasks/milestones/:milestoneId/complete': undefined,
    'POST /api/v1/tasks/:taskId/reports': { period: '2026-Q1', text: '越权', percent: 50 },
    'POST /api/v1/reports/:reportId/review': { decision: 'accept' },
    'POST /api/v1/reports/files': undefined,
    'GET /api/v1/reports/attachments/:attachmentId': undefined,
    'GET /api/v1/supervision': undefined,
    'POST /api/v1/supervision/sweep': undefined,
    'GET /api/v1/meetings': undefined,
    'GET /api/v1/meetings/:meetingId': undefined,
    'POST /api/v1/meetings': { title: '越权', kind: 'special', heldOn: '2026-01-01', hostOrgId: outside.orgId },
    'POST /api/v1/meetings/decisions/:decisionId/tasks': task,
    'GET /api/v1/reform/summary': undefined,
    'GET /api/v1/reform/summary/export': undefined,
    'GET /api/v1/conversion/rule-sets': undefined,
    'GET /api/v1/conversion/rule-sets/current': undefined,
    'GET /api/v1/conversion/rule-sets/:ruleSetId': undefined,
    'GET /api/v1/conversion/rule-sets/:ruleSetId/text': undefined,
    'POST /api/v1/conversion/rule-sets/validate': { format: 'json', text: '{}' },
    'POST /api/v1/conversion/rule-sets': { format: 'json', text: '{}' },
    'GET /api/v1/conversion/workers/:workerId/evaluation': undefined,
    'GET /api/v1/conversion/eligibility': undefined,
    'POST /api/v1/conversion/what-if': { orgId: outside.orgId, parameters: {} },
    'GET /api/v1/conversion/applications': undefined,
    'POST /api/v1/conversion/applications': { workerId: outside.workerId, pathwayId: 'ladder-technician' },
    'GET /api/v1/conversion/applications/:applicationId': undefined,
    'POST /api/v1/conversion/applications/:applicationId/review': { approve: true },
    'POST /api/v1/conversion/applications/:applicationId/decision': { approve: false, reason: '越权驳回' },
    'POST /api/v1/conversion/applications/:applicationId/withdraw': undefined,
    'GET /api/v1/conversion/applications/:applicationId/certificate': undefined,
    'GET /api/v1/conversion/applications/:applicationId/certificate.pdf': undefined,
    'GET /api/v1/carriers': undefined,
    'GET /api/v1/carriers/overview': undefined,
    'GET /api/v1/carriers/:carrierId': undefined,
    'POST /api/v1/carriers': { kind: 'master_studio', level: 'provincial', name: '越权工作室', hostOrgId: outside.orgId },
    'POST /api/v1/carriers/:carrierId/recognition': { approve: false, reason: '越权' },
    'POST /api/v1/carriers/:carrierId/reviews': { year: 2025, peopleTrained: 1, certificatesGained: 1, innovations: 1, benefitYuan: 1 },
    'POST /api/v1/carriers/:carrierId/reviews/decision': { year: 2025, result: 'failed' },
    'POST /api/v1/carriers/:carrierId/revoke': { reason: '越权', revokedOn: '2026-01-01' },
    'GET /api/v1/training/programs': undefined,
    'GET /api/v1/training/programs/:programId': undefined,
    'POST /api/v1/training/programs': {
      title: '越权',
      occupationCode: '6-18-02-04',
      targetLevel: 'senior',
      providerOrgId: outside.orgId,
      mode: 'online',
      startsOn: '2026-01-01',
      endsOn: '2026-01-02',
      capacity: 1,
      funding: 'self',
    },
    'PUT /api/v1/training/programs/:programId': {
      title: '越权改名',
      occupationCode: '6-18-02-04',
      targetLevel: 'senior',
      providerOrgId: inside.orgId,
      mode: 'online',
      startsOn: '2026-01-01',
      endsOn: '2026-01-02',
      capacity: 50,
      funding: 'self',
    },
    'POST /api/v1/training/programs/:programId/close': undefined,
    'GET /api/v1/training/import-template': undefined,
    'GET /api/v1/workers/:workerId/skills': undefined,
    'POST /api/v1/training/programs/:programId/enrollments': { workerIds: [outside.workerId] },
    'POST /api/v1/training/programs/:programId/import': undefined,
    'POST /api/v1/training/enrollments/:enrollmentId/outcome': { completed: true },
    'GET /api/v1/innovation/achievements': undefined,
    'GET /api/v1/innovation/rankings': undefined,
    'GET /api/v1/innovation/achievements/:achievementId': undefined,
    'POST /api/v1/innovation/achievements': {
      title: '越权',
      kind: 'suggestion',
      orgId: outside.orgId,
      submittedOn: '2026-01-01',
      teamWorkerIds: [outside.workerId],
    },
    'POST /api/v1/innovation/achievements/:achievementId/evaluation': { decision: 'reject', evaluation: '越权', evaluatedOn: '2026-01-02' },
    'GET /api/v1/skills/demands': undefined,
    'POST /api/v1/skills/demands': {
      orgId: outside.orgId,
      industryDivision: '36',
      occupationCode: '6-22-01-01',
      level: 'senior',
      needed: 1,
      asOf: '2026-01-01',
    },
    'GET /api/v1/skills/alignment': undefined,
    'GET /api/v1/reporting/elements': undefined,
    'POST /api/v1/reporting/elements': { code: 'scope_x', nameZh: '越权', nameEn: 'x', valueType: 'integer' },
    'PUT /api/v1/reporting/elements/:code': { nameZh: '越权', nameEn: 'x', valueType: 'integer' },
    'GET /api/v1/reporting/forms': undefined,
    'POST /api/v1/reporting/forms': {
      code: 'scope_x',
      nameZh: '越权',
      nameEn: 'x',
      periodType: 'quarter',
      deadlineDays: 1,
      firstPeriod: '2025-Q1',
      elementCodes: ['scope_trained'],
    },
    'GET /api/v1/reporting/forms/:formId': undefined,
    'PUT /api/v1/reporting/forms/:formId': {
      code: 'scope_form',
      nameZh: '越权',
      nameEn: 'x',
      periodType: 'quarter',
      deadlineDays: 1,
      firstPeriod: '2025-Q1',
      elementCodes: ['scope_trained'],
    },
    'GET /api/v1/reporting/forms/:formId/assignments': undefined,
    'PUT /api/v1/reporting/forms/:formId/assignments': { orgIds: [] },
    'GET /api/v1/reporting/inbox': undefined,
    'GET /api/v1/reporting/approvals': undefined,
    'GET /api/v1/reporting/entries/:formId/:orgId/:period': undefined,
    'PUT /api/v1/reporting/entries/:formId/:orgId/:period': { values: { scope_trained: 9 } },
    'POST /api/v1/reporting/entries/:formId/:orgId/:period/submit': { version: 3 },
    'POST /api/v1/reporting/entries/:formId/:orgId/:period/reopen': { version: 3 },
    'POST /api/v1/reporting/entries/:formId/:orgId/:period/approve': { version: 3 },
    'POST /api/v1/reporting/entries/:formId/:orgId/:period/return': { version: 3, reason: '越权退回' },
    'GET /api/v1/reporting/entries/:formId/:orgId/:period/template': undefined,
    'POST /api/v1/reporting/entries/:formId/:orgId/:period/upload': undefined,
    'GET /api/v1/reporting/completeness': undefined,
    'GET /api/v1/reporting/sum': undefined,
    // ——— indicators and the dashboard ———
    'GET /api/v1/dashboard': undefined,
    'GET /api/v1/dashboard/figures': undefined,
    'GET /api/v1/dashboard/bulletin': undefined,
    'GET /api/v1/dashboard/bulletin.pdf': undefined,
    'GET /api/v1/dashboard/bulletin.xlsx': undefined,
    'GET /api/v1/dashboard/map': undefined,
    'PUT /api/v1/dashboard/map': {
      name: '越权',
      geojson: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '420500' }, geometry: null }] },
    },
    'GET /api/v1/indicators': undefined,
    'POST /api/v1/indicators': { code: 'scope_probe', nameZh: '越权', nameEn: 'Probe', numeratorCode: 'skilled_workers' },
    'POST /api/v1/indicators/:code/versions': { effectiveFrom: '2030-01-01', numeratorCode: 'skilled_workers' },
    'PUT /api/v1/indicators/:code/targets/:year': { value: 99 },
  };
  const key = `${method} ${url}`;
  if (!(key in bodies)) return undefined;
  const query: Record<string, string> = {
    'GET /api/v1/orgs': `?q=${outside.orgCode}`,
    'GET /api/v1/users': `?q=${outside.username}`,
    'GET /api/v1/workers': `?orgId=${outside.orgId}`,
    'GET /api/v1/workers/export': `?orgId=${outside.orgId}`,
    'GET /api/v1/tasks': `?orgId=${outside.orgId}`,
    'GET /api/v1/reform/summary': '?year=2026',
    'GET /api/v1/reform/summary/export': '?year=2026',
    'GET /api/v1/conversion/eligibility': `?orgId=${outside.orgId}`,
    'GET /api/v1/carriers': `?orgId=${outside.orgId}`,
    'GET /api/v1/training/programs': `?orgId=${outside.orgId}`,
    'GET /api/v1/innovation/achievements': `?orgId=${outside.orgId}`,
    'GET /api/v1/skills/alignment': `?orgId=${outside.orgId}`,
    'GET /api/v1/reporting/completeness': `?period=2025-Q4&orgId=${outside.orgId}`,
    'GET /api/v1/reporting/sum': `?element=scope_trained&period=2025&orgId=${outside.orgId}`,
    'GET /api/v1/dashboard': `?orgId=${outside.orgId}`,
    'GET /api/v1/dashboard/figures': `?orgId=${outside.orgId}&period=2020`,
    'GET /api/v1/dashboard/bulletin': `?orgId=${outside.orgId}`,
    'GET /api/v1/dashboard/bulletin.pdf': `?orgId=${outside.orgId}`,
    'GET /api/v1/dashboard/bulletin.xlsx': `?orgId=${outside.orgId}`,
    'GET /api/v1/dashboard/map': `?orgId=${outside.orgId}`,
    'PUT /api/v1/dashboard/map': `?orgId=${outside.orgId}`,
  };
  return { url: path + (query[key] ?? ''), payload: bodies[key] };
}

async function snapshotOutside() {
  const db = t.database.db;
  return {
    org: await db.selectFrom('orgs').select(['name', 'parentId', 'path', 'isActive']).where('id', '=', outside.orgId).executeTakeFirst(),
    user: await db
      .selectFrom('users')
      .select(['displayName', 'passwordHash', 'isActive'])
      .where('id', '=', outside.userId)
      .executeTakeFirst(),
    assignment: await db.selectFrom('networkAssignments').select(['effectiveTo']).where('id', '=', outside.assignmentId).executeTakeFirst(),
    contact: await db.selectFrom('unitContacts').select(['name']).where('id', '=', outside.contactId).executeTakeFirst(),
    worker: await db.selectFrom('workers').select(['name', 'updatedAt']).where('id', '=', outside.workerId).executeTakeFirst(),
    credential: await db.selectFrom('credentials').select(['status']).where('id', '=', outside.credentialId).executeTakeFirst(),
    task: await db.selectFrom('reformTasks').select(['status', 'dueOn', 'progress']).where('id', '=', outside.taskId).executeTakeFirst(),
    report: await db.selectFrom('reformReports').select(['status', 'text']).where('id', '=', outside.reportId).executeTakeFirst(),
    milestone: await db.selectFrom('reformTaskMilestones').select(['doneOn']).where('id', '=', outside.milestoneId).executeTakeFirst(),
    tasks: await db
      .selectFrom('reformTasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    application: await db
      .selectFrom('conversionApplications')
      .select(['status'])
      .where('id', '=', outside.applicationId)
      .executeTakeFirst(),
    carrier: await db.selectFrom('carriers').select(['status', 'updatedAt']).where('id', '=', outside.carrierId).executeTakeFirst(),
    enrollment: await db
      .selectFrom('trainingEnrollments')
      .select(['status', 'updatedAt'])
      .where('id', '=', outside.enrollmentId)
      .executeTakeFirst(),
    achievement: await db
      .selectFrom('innovationAchievements')
      .select(['status'])
      .where('id', '=', outside.achievementId)
      .executeTakeFirst(),
    reportSubmission: await db
      .selectFrom('reportSubmissions')
      .select(['status', 'version', 'awaitingOrgId'])
      .where('orgId', '=', outside.orgId)
      .executeTakeFirst(),
    reportValue: await db.selectFrom('dataValues').select(['value', 'approvedValue']).where('orgId', '=', outside.orgId).executeTakeFirst(),
    reportForm: await db.selectFrom('reportForms').select(['nameZh', 'updatedAt']).where('id', '=', outside.formId).executeTakeFirst(),
    demands: await db
      .selectFrom('skillDemands')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    programs: await db
      .selectFrom('trainingPrograms')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    program: await db
      .selectFrom('trainingPrograms')
      .select(['title', 'status', 'capacity', 'updatedAt'])
      .where('id', '=', outside.programId)
      .executeTakeFirst(),
    carriers: await db
      .selectFrom('carriers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    ruleSets: await db
      .selectFrom('conversionRuleSets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    credentials: await db
      .selectFrom('credentials')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    jobs: await db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    orgs: await db
      .selectFrom('orgs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    users: await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  };
}

describe('route × role authorization', () => {
  it('has a sample request for every protected API route', () => {
    const missing = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1') && !r.public && !sample(r.method, r.url));
    expect(missing.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('declares a permission or public on every route', () => {
    expect(t.app.routeTable.filter((r) => !r.public && !r.permission)).toEqual([]);
  });

  it('lets no role read or change anything outside its scope', async () => {
    const before = await snapshotOutside();
    // Signing out ends the session used for the rest: walk it last.
    const routes = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/v1') && !r.public)
      .sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
    const outsideIds = [
      outside.orgId,
      outside.userId,
      outside.assignmentId,
      outside.contactId,
      outside.workerId,
      outside.credentialId,
      outside.uploadId,
      outside.jobId,
      outside.taskId,
      outside.reportId,
      outside.milestoneId,
      outside.attachmentId,
      outside.applicationId,
      outside.carrierId,
      outside.programId,
      outside.enrollmentId,
      outside.achievementId,
    ];
    const failures: string[] = [];
    let checks = 0;
    for (const role of ROLES) {
      const client = await signIn(t.app, users[role]);
      for (const route of routes) {
        const req = sample(route.method, route.url);
        if (!req) continue;
        const grant = grantScope(role, route.permission as Permission);
        // A province-wide grant may legitimately change these rows: only its reads are walked.
        if (grant === 'all' && route.method !== 'GET') continue;
        const res = await client.request({ method: route.method as 'GET', url: req.url, payload: req.payload as never });
        const label = `${role} ${route.method} ${route.url} → ${res.statusCode}`;
        checks++;
        if (res.statusCode >= 500) failures.push(`${label} (server error)`);
        else if (!grant) {
          if (res.statusCode !== 403) failures.push(`${label} (expected 403)`);
        } else if (grant === 'subtree') {
          const hasTarget = !NO_TARGET.has(`${route.method} ${route.url}`) && (route.url.includes(':') || route.method !== 'GET');
          if (hasTarget && route.permission !== 'account:self' && res.statusCode !== 404) failures.push(`${label} (expected 404)`);
          if (res.statusCode < 300 && outsideIds.some((id) => res.body.includes(id))) failures.push(`${label} (leaked an outside row)`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checks).toBeGreaterThan(ROLES.length * 20);
    expect(await snapshotOutside()).toEqual(before);
  });

  it('answers 401 to every protected route without a session', async () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1') && !r.public);
    for (const route of routes) {
      const req = sample(route.method, route.url);
      const res = await t.app.inject({ method: route.method as 'GET', url: req?.url ?? route.url, payload: req?.payload as never });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});
