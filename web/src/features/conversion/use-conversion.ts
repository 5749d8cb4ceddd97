import type {
  ApplicationDecision,
  ApplicationListQuery,
  Bilingual,
  CreateApplication,
  RuleSetInput,
  UnitReview,
  WhatIf,
} from '@changai/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import * as conversionApi from '../../api/conversion.api';

export const conversionKeys = {
  all: ['conversion'] as const,
  evaluation: (workerId: string) => ['conversion', 'evaluation', workerId] as const,
  ruleSets: ['conversion', 'rule-sets'] as const,
  ruleSet: (id: string) => ['conversion', 'rule-sets', id] as const,
  eligibility: (orgId?: string) => ['conversion', 'eligibility', orgId ?? ''] as const,
  applications: (query: Partial<ApplicationListQuery>) => ['conversion', 'applications', query] as const,
  certificate: (id: string) => ['conversion', 'certificate', id] as const,
  verify: (code: string) => ['verify', code] as const,
};

/** Server texts come in both languages; show the reader's. */
export function usePick() {
  const { i18n } = useTranslation();
  return (text: Bilingual | null | undefined) => (text ? (i18n.language === 'en-US' ? text.en : text.zh) : '');
}

export function useEvaluation(workerId: string | undefined) {
  return useQuery({
    queryKey: conversionKeys.evaluation(workerId ?? ''),
    queryFn: ({ signal }) => conversionApi.getEvaluation(workerId as string, signal),
    enabled: Boolean(workerId),
  });
}

export const useRuleSets = () =>
  useQuery({ queryKey: conversionKeys.ruleSets, queryFn: ({ signal }) => conversionApi.listRuleSets(signal) });
export const useRuleSet = (id: string | undefined) =>
  useQuery({
    queryKey: conversionKeys.ruleSet(id ?? ''),
    queryFn: ({ signal }) => conversionApi.getRuleSet(id as string, signal),
    enabled: Boolean(id),
  });

export const useEligibility = (orgId?: string) =>
  useQuery({ queryKey: conversionKeys.eligibility(orgId), queryFn: ({ signal }) => conversionApi.getEligibility({ orgId }, signal) });
export const useWhatIf = () => useMutation({ mutationFn: (input: WhatIf) => conversionApi.runWhatIf(input) });

export const useApplications = (query: Partial<ApplicationListQuery>, enabled = true) =>
  useQuery({
    queryKey: conversionKeys.applications(query),
    queryFn: ({ signal }) => conversionApi.listApplications(query, signal),
    enabled,
  });

export const useCertificate = (id: string | undefined) =>
  useQuery({
    queryKey: conversionKeys.certificate(id ?? ''),
    queryFn: ({ signal }) => conversionApi.getCertificate(id as string, signal),
    enabled: Boolean(id),
  });

export const useVerification = (code: string) =>
  useQuery({ queryKey: conversionKeys.verify(code), queryFn: ({ signal }) => conversionApi.verifyCode(code, signal), retry: false });

function useConversionMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  // Applications change evaluations (open applications), and approvals change the worker's record.
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: conversionKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['workers'] });
    },
  });
}

export const useSubmitApplication = () => useConversionMutation((input: CreateApplication) => conversionApi.submitApplication(input));
export const useReviewApplication = () =>
  useConversionMutation(({ id, input }: { id: string; input: UnitReview }) => conversionApi.reviewApplication(id, input));
export const useDecideApplication = () =>
  useConversionMutation(({ id, input }: { id: string; input: ApplicationDecision }) => conversionApi.decideApplication(id, input));
export const useWithdrawApplication = () => useConversionMutation((id: string) => conversionApi.withdrawApplication(id));
export const useSaveRuleDefinition = () =>
  useConversionMutation(({ definition, note }: { definition: RuleSetInput; note?: string }) =>
    conversionApi.saveRuleDefinition(definition, note),
  );
export const useSaveRuleText = () =>
  useConversionMutation(({ format, text, note }: { format: 'json' | 'yaml'; text: string; note?: string }) =>
    conversionApi.saveRuleText(format, text, note),
  );
