import type { components } from '@synoptic/contract/api-types';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from '@/components/ui/toast';
import { jobQueryKey } from '@/features/jobs/use-jobs';
import { api, call } from '@/lib/api';

export type ChatOverview = components['schemas']['ChatOverview'];
export type ChatConversation = components['schemas']['ChatConversation'];
export type ChatConversationDetail = components['schemas']['ChatConversationDetail'];
export type ChatMessage = components['schemas']['ChatMessage'];
export type ChatChart = components['schemas']['ChatChart'];
export type ChatResult = NonNullable<ChatMessage['result']>;
export type ChatReply = components['schemas']['ChatReply'];

const chatKey = (projectId: string, jobId: string) => [...jobQueryKey(projectId, jobId), 'chat'] as const;
const conversationKey = (projectId: string, jobId: string, conversationId: string) =>
  [...chatKey(projectId, jobId), 'conversation', conversationId] as const;

/** Which engine answers, questions to start with, and my conversations about this dataset. */
/** Asked only once the dataset is ready: before that the api would hold the request for the import. */
export function useChatOverview(projectId: string, jobId: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: [...chatKey(projectId, jobId), 'overview'],
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/projects/{projectId}/jobs/{jobId}/chat', {
          params: { path: { projectId, jobId } },
          signal,
        }),
      ),
  });
}

export function useConversation(projectId: string, jobId: string, conversationId: string | undefined) {
  return useQuery({
    queryKey: conversationKey(projectId, jobId, conversationId ?? ''),
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/projects/{projectId}/jobs/{jobId}/chat/conversations/{conversationId}', {
          params: { path: { projectId, jobId, conversationId: conversationId ?? '' } },
          signal,
        }),
      ),
    enabled: conversationId !== undefined,
    // Turns are only ever added by this tab's questions, which write the cache themselves.
    staleTime: 60_000,
  });
}

/** Asks a question (in a conversation, or starting one) and puts both turns into the caches. */
export function useAsk(projectId: string, jobId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { question: string; conversationId?: string }) =>
      call(
        api.POST('/api/projects/{projectId}/jobs/{jobId}/chat', {
          params: { path: { projectId, jobId } },
          body,
        }),
      ),
    onSuccess: (reply) => {
      const key = conversationKey(projectId, jobId, reply.conversation.id);
      queryClient.setQueryData<ChatConversationDetail>(key, (current) => ({
        ...reply.conversation,
        messages: [...(current?.messages ?? []), reply.question, reply.answer],
      }));
      queryClient.setQueryData<ChatOverview>([...chatKey(projectId, jobId), 'overview'], (current) =>
        current
          ? {
              ...current,
              conversations: [
                reply.conversation,
                ...current.conversations.filter((item) => item.id !== reply.conversation.id),
              ],
            }
          : current,
      );
    },
  });
}

export function useDeleteConversation(projectId: string, jobId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (conversationId: string) =>
      call(
        api.DELETE('/api/projects/{projectId}/jobs/{jobId}/chat/conversations/{conversationId}', {
          params: { path: { projectId, jobId, conversationId } },
        }),
      ),
    onSuccess: (_, conversationId) => {
      // Marked stale, not removed: a screen still showing it would otherwise ask for it at once (a 404).
      void queryClient.invalidateQueries({
        queryKey: conversationKey(projectId, jobId, conversationId),
        refetchType: 'none',
      });
      queryClient.setQueryData<ChatOverview>([...chatKey(projectId, jobId), 'overview'], (current) =>
        current
          ? { ...current, conversations: current.conversations.filter((item) => item.id !== conversationId) }
          : current,
      );
      toast.success('Conversation deleted');
    },
  });
}
