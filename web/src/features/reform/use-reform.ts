import type {
  ChangeDeadline,
  CreateTask,
  HandDown,
  PolicyListQuery,
  ReviewReport,
  SaveMeeting,
  SavePolicy,
  SubmitReport,
  TaskListQuery,
} from '@changai/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as reformApi from '../../api/reform.api';

type Params<T> = { [K in keyof T]?: T[K] | undefined };

/** Tasks, reports, notices and summaries depend on one another: a write refreshes them all. */
export const reformKeys = {
  all: ['reform'] as const,
  policies: (q: Params<PolicyListQuery>) => ['reform', 'policies', q] as const,
  policy: (id: string) => ['reform', 'policy', id] as const,
  tasks: (q: Params<TaskListQuery>) => ['reform', 'tasks', q] as const,
  task: (id: string) => ['reform', 'task', id] as const,
  inbox: ['reform', 'inbox'] as const,
  supervision: ['reform', 'supervision'] as const,
  meetings: (year: number | undefined) => ['reform', 'meetings', year ?? 'all'] as const,
  meeting: (id: string) => ['reform', 'meeting', id] as const,
  summary: (year: number) => ['reform', 'summary', year] as const,
};

export const usePolicies = (q: Params<PolicyListQuery>) =>
  useQuery({
    queryKey: reformKeys.policies(q),
    queryFn: ({ signal }) => reformApi.listPolicies(q, signal),
    placeholderData: keepPreviousData,
  });
export const usePolicy = (id: string | undefined) =>
  useQuery({
    queryKey: reformKeys.policy(id ?? ''),
    queryFn: ({ signal }) => reformApi.getPolicy(id as string, signal),
    enabled: Boolean(id),
  });
export const useTasks = (q: Params<TaskListQuery>, enabled = true) =>
  useQuery({
    queryKey: reformKeys.tasks(q),
    queryFn: ({ signal }) => reformApi.listTasks(q, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
export const useTask = (id: string | undefined) =>
  useQuery({ queryKey: reformKeys.task(id ?? ''), queryFn: ({ signal }) => reformApi.getTask(id as string, signal), enabled: Boolean(id) });
export const useInbox = () => useQuery({ queryKey: reformKeys.inbox, queryFn: ({ signal }) => reformApi.getInbox(signal) });
export const useSupervision = () =>
  useQuery({ queryKey: reformKeys.supervision, queryFn: ({ signal }) => reformApi.getSupervision(signal) });
export const useMeetings = (year?: number) =>
  useQuery({ queryKey: reformKeys.meetings(year), queryFn: ({ signal }) => reformApi.listMeetings({ year, limit: 200 }, signal) });
export const useMeeting = (id: string | undefined) =>
  useQuery({
    queryKey: reformKeys.meeting(id ?? ''),
    queryFn: ({ signal }) => reformApi.getMeeting(id as string, signal),
    enabled: Boolean(id),
  });
export const useYearSummary = (year: number) =>
  useQuery({
    queryKey: reformKeys.summary(year),
    queryFn: ({ signal }) => reformApi.getYearSummary(year, signal),
    placeholderData: keepPreviousData,
  });

function useReformMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: reformKeys.all }) });
}

export const useSavePolicy = () =>
  useReformMutation(({ policyId, input }: { policyId?: string; input: SavePolicy }) =>
    policyId ? reformApi.updatePolicy(policyId, input) : reformApi.createPolicy(input),
  );
export const useCreateTask = () =>
  useReformMutation(({ decisionId, input }: { decisionId?: string; input: CreateTask }) =>
    decisionId ? reformApi.createTaskFromDecision(decisionId, input) : reformApi.createTask(input),
  );
export const useHandDown = () =>
  useReformMutation(({ taskId, input }: { taskId: string; input: HandDown }) => reformApi.handDown(taskId, input));
export const useChangeDeadline = () =>
  useReformMutation(({ taskId, input }: { taskId: string; input: ChangeDeadline }) => reformApi.changeDeadline(taskId, input));
export const useCancelTask = () =>
  useReformMutation(({ taskId, reason }: { taskId: string; reason: string }) => reformApi.cancelTask(taskId, reason));
export const useCompleteMilestone = () => useReformMutation((milestoneId: string) => reformApi.completeMilestone(milestoneId));
export const useSubmitReport = () =>
  useReformMutation(({ taskId, input }: { taskId: string; input: SubmitReport }) => reformApi.submitReport(taskId, input));
export const useReviewReport = () =>
  useReformMutation(({ reportId, input }: { reportId: string; input: ReviewReport }) => reformApi.reviewReport(reportId, input));
export const useCreateMeeting = () => useReformMutation((input: SaveMeeting) => reformApi.createMeeting(input));
export const useSweep = () => useReformMutation(() => reformApi.runSweep());
