import type { components } from '@synoptic/contract/api-types';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from '@/components/ui/toast';
import type { Role } from '@/features/projects/project-permissions';
import { projectQueryKey } from '@/features/projects/use-projects';
import { api, call, errorMessage } from '@/lib/api';

export type Member = components['schemas']['Member'];
export type ProjectInvitation = components['schemas']['Invitation'];

export const membersQueryKey = (projectId: string) => ['projects', 'members', projectId] as const;
export const projectInvitationsQueryKey = (projectId: string) =>
  ['projects', 'invitations', projectId] as const;
export const auditQueryKey = (projectId: string) => ['projects', 'audit', projectId] as const;

export function useMembers(projectId: string) {
  return useQuery({
    queryKey: membersQueryKey(projectId),
    queryFn: () =>
      call(api.GET('/api/projects/{projectId}/members', { params: { path: { projectId } } })).then(
        (data) => data.members,
      ),
  });
}

/** After a change to the team: the members, the role counts, and the audit log. */
function useTeamChanged(projectId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: membersQueryKey(projectId) }),
      queryClient.invalidateQueries({ queryKey: projectQueryKey(projectId) }),
      queryClient.invalidateQueries({ queryKey: auditQueryKey(projectId) }),
      queryClient.invalidateQueries({ queryKey: ['projects', 'list'] }),
    ]);
  };
}

export function useChangeRole(projectId: string) {
  const changed = useTeamChanged(projectId);
  return useMutation({
    mutationFn: ({ member, role }: { member: Member; role: Role }) =>
      call(
        api.PATCH('/api/projects/{projectId}/members/{userId}', {
          params: { path: { projectId, userId: member.userId } },
          body: { role },
        }),
      ),
    onSuccess: (member) => toast.success('Role changed', `${member.name} is now ${member.role}.`),
    onError: (error) => toast.error('Could not change the role', errorMessage(error)),
    onSettled: changed,
  });
}

export function useRemoveMember(projectId: string) {
  const changed = useTeamChanged(projectId);
  return useMutation({
    mutationFn: (member: Member) =>
      call(
        api.DELETE('/api/projects/{projectId}/members/{userId}', {
          params: { path: { projectId, userId: member.userId } },
        }),
      ),
    onSuccess: async (_, member) => {
      toast.success('Member removed', `${member.name} no longer has access to this project.`);
      await changed();
    },
  });
}

/** Leaving: nothing of the project is asked for again (it would answer 404); only my list refreshes. */
export function useLeaveProject(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/projects/{projectId}/leave', { params: { path: { projectId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['projects', 'list'] }),
  });
}

export function useTransferOwnership(projectId: string) {
  const changed = useTeamChanged(projectId);
  return useMutation({
    mutationFn: (member: Member) =>
      call(
        api.POST('/api/projects/{projectId}/transfer', {
          params: { path: { projectId } },
          body: { userId: member.userId },
        }),
      ),
    onSuccess: async (_, member) => {
      toast.success('Ownership transferred', `${member.name} owns the project now; you are an admin.`);
      await changed();
    },
  });
}

export function useProjectInvitations(projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: projectInvitationsQueryKey(projectId),
    queryFn: () =>
      call(api.GET('/api/projects/{projectId}/invitations', { params: { path: { projectId } } })).then(
        (data) => data.invitations,
      ),
    enabled,
  });
}

export function useInvite(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: Role }) =>
      call(api.POST('/api/projects/{projectId}/invitations', { params: { path: { projectId } }, body })),
    onSuccess: async (invitation) => {
      toast.success(
        'Invitation sent',
        `We emailed ${invitation.email} a link to join as ${invitation.role}.`,
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: projectInvitationsQueryKey(projectId) }),
        queryClient.invalidateQueries({ queryKey: auditQueryKey(projectId) }),
      ]);
    },
  });
}

export function useRevokeInvitation(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitation: ProjectInvitation) =>
      call(
        api.DELETE('/api/projects/{projectId}/invitations/{invitationId}', {
          params: { path: { projectId, invitationId: invitation.id } },
        }),
      ),
    onSuccess: (_, invitation) =>
      toast.success('Invitation revoked', `The link sent to ${invitation.email} no longer works.`),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: projectInvitationsQueryKey(projectId) }),
        queryClient.invalidateQueries({ queryKey: auditQueryKey(projectId) }),
      ]);
    },
  });
}
