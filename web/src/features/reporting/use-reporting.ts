import type {
  CompletenessQuery,
  CreateReportedElement,
  EntryParams,
  SaveEntry,
  SaveReportForm,
  UpdateReportedElement,
} from '@changai/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as orgsApi from '../../api/orgs.api';
import * as reportingApi from '../../api/reporting.api';

/** Entries, inboxes, queues and completeness depend on one another: a write refreshes them all. */
export const reportingKeys = {
  all: ['reporting'] as const,
  elements: ['reporting', 'elements'] as const,
  forms: ['reporting', 'forms'] as const,
  assignments: (formId: string) => ['reporting', 'assignments', formId] as const,
  inbox: ['reporting', 'inbox'] as const,
  approvals: ['reporting', 'approvals'] as const,
  entry: (k: EntryParams) => ['reporting', 'entry', k.formId, k.orgId, k.period] as const,
  completeness: (q: CompletenessQuery) => ['reporting', 'completeness', q] as const,
};

export const useReportedElements = () =>
  useQuery({ queryKey: reportingKeys.elements, queryFn: ({ signal }) => reportingApi.listElements(signal) });
export const useReportForms = () => useQuery({ queryKey: reportingKeys.forms, queryFn: ({ signal }) => reportingApi.listForms(signal) });
export const useAssignments = (formId: string | undefined) =>
  useQuery({
    queryKey: reportingKeys.assignments(formId ?? ''),
    queryFn: ({ signal }) => reportingApi.getAssignments(formId as string, signal),
    enabled: Boolean(formId),
  });
export const useReportingInbox = () => useQuery({ queryKey: reportingKeys.inbox, queryFn: ({ signal }) => reportingApi.getInbox(signal) });
export const useApprovals = (enabled = true) =>
  useQuery({ queryKey: reportingKeys.approvals, queryFn: ({ signal }) => reportingApi.getApprovals(signal), enabled });
export const useEntry = (k: EntryParams) =>
  useQuery({ queryKey: reportingKeys.entry(k), queryFn: ({ signal }) => reportingApi.getEntry(k, signal) });
export const useCompleteness = (q: CompletenessQuery) =>
  useQuery({
    queryKey: reportingKeys.completeness(q),
    queryFn: ({ signal }) => reportingApi.getCompleteness(q, signal),
    placeholderData: keepPreviousData,
  });

function useReportingMutation<A>(fn: (a: A) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: reportingKeys.all }) });
}

export const useCreateElement = () => useReportingMutation((input: CreateReportedElement) => reportingApi.createElement(input));
export const useUpdateElement = () =>
  useReportingMutation(({ code, input }: { code: string; input: UpdateReportedElement }) => reportingApi.updateElement(code, input));
export const useSaveForm = () =>
  useReportingMutation(({ formId, input }: { formId?: string; input: SaveReportForm }) =>
    formId ? reportingApi.updateForm(formId, input) : reportingApi.createForm(input),
  );
export const useSetAssignments = () =>
  useReportingMutation(({ formId, orgIds }: { formId: string; orgIds: string[] }) => reportingApi.setAssignments(formId, orgIds));

/** Entry actions answer the new entry; it replaces the cached one at once. */
export function useEntryActions(k: EntryParams) {
  const client = useQueryClient();
  const onSuccess = async (entry: Awaited<ReturnType<typeof reportingApi.getEntry>>) => {
    client.setQueryData(reportingKeys.entry(k), entry);
    await client.invalidateQueries({ queryKey: reportingKeys.all, predicate: (q) => q.queryKey[1] !== 'entry' });
  };
  return {
    save: useMutation({ mutationFn: (input: SaveEntry) => reportingApi.saveEntry(k, input), onSuccess }),
    submit: useMutation({ mutationFn: (version: number) => reportingApi.submitEntry(k, version), onSuccess }),
    reopen: useMutation({ mutationFn: (version: number) => reportingApi.reopenEntry(k, version), onSuccess }),
    approve: useMutation({ mutationFn: (version: number) => reportingApi.approveEntry(k, version), onSuccess }),
    giveBack: useMutation({
      mutationFn: ({ version, reason }: { version: number; reason: string }) => reportingApi.returnEntry(k, version, reason),
      onSuccess,
    }),
    upload: useMutation({ mutationFn: (file: File) => reportingApi.uploadEntry(k, file, file.name), onSuccess }),
  };
}

/** Every prefecture and county, for assigning a form to all of them at once. */
export const useDivisionOrgs = (enabled: boolean) =>
  useQuery({
    queryKey: ['reporting', 'division-orgs'],
    queryFn: async ({ signal }) => {
      const [prefectures, counties] = await Promise.all([
        orgsApi.listOrgs({ kind: 'prefecture', limit: 500 }, signal),
        orgsApi.listOrgs({ kind: 'county', limit: 500 }, signal),
      ]);
      return [...prefectures, ...counties];
    },
    enabled,
    staleTime: 300_000,
  });
