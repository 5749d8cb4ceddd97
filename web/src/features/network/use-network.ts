import type { AssignNetworkRole, EndNetworkRole, SaveContact } from '@changai/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as networkApi from '../../api/network.api';

export const networkKeys = {
  all: ['network'] as const,
  asOf: (asOf: string | undefined) => ['network', 'asOf', asOf ?? 'today'] as const,
  unit: (orgId: string) => ['network', 'unit', orgId] as const,
};

/** Every unit holding a role on the date (today by default); filtering by role happens on the page, so the counts stay whole. */
export function useNetwork(asOf: string | undefined) {
  return useQuery({ queryKey: networkKeys.asOf(asOf), queryFn: ({ signal }) => networkApi.getNetwork({ asOf }, signal) });
}

export function useNetworkUnit(orgId: string | undefined) {
  return useQuery({
    queryKey: networkKeys.unit(orgId ?? ''),
    queryFn: ({ signal }) => networkApi.getNetworkUnit(orgId as string, signal),
    enabled: Boolean(orgId),
  });
}

function useNetworkMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKeys.all }) });
}

export const useAssignNetworkRole = () => useNetworkMutation((input: AssignNetworkRole) => networkApi.assignNetworkRole(input));
export const useEndNetworkRole = () =>
  useNetworkMutation(({ assignmentId, ...input }: EndNetworkRole & { assignmentId: string }) =>
    networkApi.endNetworkRole(assignmentId, input),
  );
export const useSaveContact = () =>
  useNetworkMutation(({ orgId, contactId, input }: { orgId: string; contactId?: string; input: SaveContact }) =>
    contactId ? networkApi.updateContact(contactId, input) : networkApi.addContact(orgId, input),
  );
export const useDeleteContact = () => useNetworkMutation((contactId: string) => networkApi.deleteContact(contactId));

/** The full number of one contact; the server audits each reveal, so it is an explicit action, never cached. */
export const useRevealPhone = () => useMutation({ mutationFn: (contactId: string) => networkApi.revealContactPhone(contactId) });
