import {
  type ApplicationDecision,
  type ApplicationListQuery,
  ApplicationPageSchema,
  ApplicationSchema,
  CertificateSchema,
  type CreateApplication,
  EligibilityTableSchema,
  type RuleSetInput,
  RuleSetTextSchema,
  RuleSetVersionListSchema,
  RuleSetVersionSchema,
  RuleValidationSchema,
  type UnitReview,
  VerificationSchema,
  type WhatIf,
  WhatIfResultSchema,
  WorkerEvaluationSchema,
} from '@changai/contracts';
import { api } from './client';

const base = '/api/v1/conversion';

export const getEvaluation = (workerId: string, signal?: AbortSignal) =>
  api.get(`${base}/workers/${workerId}/evaluation`, WorkerEvaluationSchema, undefined, signal);

export const listRuleSets = (signal?: AbortSignal) => api.get(`${base}/rule-sets`, RuleSetVersionListSchema, undefined, signal);
export const getRuleSet = (id: string, signal?: AbortSignal) => api.get(`${base}/rule-sets/${id}`, RuleSetVersionSchema, undefined, signal);
export const getRuleSetText = (id: string, format: 'json' | 'yaml') =>
  api.get(`${base}/rule-sets/${id}/text`, RuleSetTextSchema, { format });
export const validateRuleText = (format: 'json' | 'yaml', text: string) =>
  api.post(`${base}/rule-sets/validate`, RuleValidationSchema, { format, text });
export const saveRuleText = (format: 'json' | 'yaml', text: string, note?: string) =>
  api.post(`${base}/rule-sets`, RuleSetVersionSchema, { format, text, note });
export const saveRuleDefinition = (definition: RuleSetInput, note?: string) =>
  api.post(`${base}/rule-sets`, RuleSetVersionSchema, { definition, note });

export const getEligibility = (query: { orgId?: string; asOf?: string }, signal?: AbortSignal) =>
  api.get(`${base}/eligibility`, EligibilityTableSchema, query, signal);
export const runWhatIf = (input: WhatIf) => api.post(`${base}/what-if`, WhatIfResultSchema, input);

export const listApplications = (query: Partial<ApplicationListQuery>, signal?: AbortSignal) =>
  api.get(`${base}/applications`, ApplicationPageSchema, query, signal);
export const submitApplication = (input: CreateApplication) => api.post(`${base}/applications`, ApplicationSchema, input);
export const reviewApplication = (id: string, input: UnitReview) => api.post(`${base}/applications/${id}/review`, ApplicationSchema, input);
export const decideApplication = (id: string, input: ApplicationDecision) =>
  api.post(`${base}/applications/${id}/decision`, ApplicationSchema, input);
export const withdrawApplication = (id: string) => api.post(`${base}/applications/${id}/withdraw`, ApplicationSchema);
export const getCertificate = (id: string, signal?: AbortSignal) =>
  api.get(`${base}/applications/${id}/certificate`, CertificateSchema, undefined, signal);
export const certificatePdfUrl = (id: string) => `${base}/applications/${id}/certificate.pdf`;

/** The public check: no session needed. */
export const verifyCode = (code: string, signal?: AbortSignal) =>
  api.get(`/api/v1/verify/${encodeURIComponent(code)}`, VerificationSchema, undefined, signal);
export const verifiableCredentialUrl = (code: string) => `/api/v1/verify/${encodeURIComponent(code)}/credential`;
