import type { ImportPreview, Job } from '@changai/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as importsApi from '../../api/imports.api';
import { workerKeys } from '../workers/use-workers';
import { isSettled } from './import-job';

export const importKeys = {
  preview: (uploadId: string) => ['imports', 'preview', uploadId] as const,
  job: (jobId: string) => ['jobs', jobId] as const,
};

const POLL_MS = 1000;

export function useUploadWorkersFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => importsApi.uploadWorkersFile(file),
    onSuccess: (preview) => queryClient.setQueryData(importKeys.preview(preview.uploadId), preview),
  });
}

/** The stored upload's header and proposed mapping (already cached right after the upload). */
export function useImportPreview(uploadId: string | undefined) {
  return useQuery<ImportPreview>({
    queryKey: importKeys.preview(uploadId ?? ''),
    queryFn: ({ signal }) => importsApi.getImportPreview(uploadId as string, signal),
    enabled: Boolean(uploadId),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ uploadId, mapping }: { uploadId: string; mapping: Record<string, number> }) =>
      importsApi.startImport(uploadId, { mapping }),
    onSuccess: (job) => queryClient.setQueryData(importKeys.job(job.id), job),
  });
}

/** The job, polled every second until it settles; the registry is refreshed once it has. */
export function useImportJob(jobId: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery<Job>({
    queryKey: importKeys.job(jobId ?? ''),
    queryFn: async ({ signal }) => {
      const job = await importsApi.getJob(jobId as string, signal);
      if (isSettled(job)) void queryClient.invalidateQueries({ queryKey: workerKeys.all });
      return job;
    },
    enabled: Boolean(jobId),
    staleTime: 0,
    refetchInterval: (query) => (isSettled(query.state.data) ? false : POLL_MS),
    refetchIntervalInBackground: true,
  });
}
