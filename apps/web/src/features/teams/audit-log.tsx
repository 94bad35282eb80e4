import { useInfiniteQuery } from '@tanstack/react-query';
import { History } from 'lucide-react';
import { useMemo } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { api, call, errorMessage } from '@/lib/api';
import { formatDateTime, relativeTime } from '@/lib/format';
import { type AuditEvent, describeAuditEvent, type PeopleIndex } from './audit-lines';
import { MemberAvatar } from './member-avatar';
import { auditQueryKey, useMembers } from './use-members';

const pageSize = 25;

function useAuditEvents(projectId: string) {
  return useInfiniteQuery({
    queryKey: auditQueryKey(projectId),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/projects/{projectId}/audit', {
          params: {
            path: { projectId },
            query: { limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Who did what and when in the project, newest first (admins and owners). */
export function AuditLog({ projectId }: { projectId: string }) {
  const audit = useAuditEvents(projectId);
  const members = useMembers(projectId);
  // The api names actors by address only; members' names read better where we know them.
  const people = useMemo<PeopleIndex>(() => {
    const list = members.data ?? [];
    return {
      byId: new Map(list.map((member) => [member.userId, member.name])),
      byEmail: new Map(list.map((member) => [member.email.toLowerCase(), member.name])),
    };
  }, [members.data]);
  const events: AuditEvent[] = audit.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <Card className="overflow-hidden">
      <CardHeader className="pb-4">
        <CardTitle>Activity</CardTitle>
        <CardDescription>Every change to the project and its team, newest first.</CardDescription>
      </CardHeader>
      <div className="border-t">
        {audit.isPending && (
          <div className="grid gap-3 p-6">
            <Skeleton className="h-8" />
            <Skeleton className="h-8" />
            <Skeleton className="h-8" />
          </div>
        )}
        {audit.isError && (
          <div className="p-6">
            <Alert variant="destructive">{errorMessage(audit.error)}</Alert>
          </div>
        )}
        {audit.isSuccess && events.length === 0 && (
          <p className="flex items-center gap-2 px-6 py-5 text-sm text-muted-foreground">
            <History aria-hidden="true" className="size-4" /> Nothing has happened yet.
          </p>
        )}
        {events.length > 0 && (
          <ol aria-label="Activity" className="divide-y">
            {events.map((event) => {
              const actorName = (event.actor.id && people.byId.get(event.actor.id)) || event.actor.email;
              return (
                <li key={event.id} className="flex items-start gap-3 px-6 py-3 text-sm">
                  <MemberAvatar
                    name={actorName}
                    id={event.actor.id ?? event.actor.email}
                    className="size-7 text-[11px]"
                  />
                  <p className="min-w-0 flex-1 pt-1 leading-5">{describeAuditEvent(event, people)}</p>
                  <time
                    dateTime={event.createdAt}
                    title={formatDateTime(event.createdAt)}
                    className="shrink-0 pt-1 text-xs leading-5 whitespace-nowrap text-muted-foreground"
                  >
                    {relativeTime(event.createdAt)}
                  </time>
                </li>
              );
            })}
          </ol>
        )}
        {audit.hasNextPage && (
          <div className="flex justify-center border-t p-4">
            <Button
              variant="outline"
              size="sm"
              pending={audit.isFetchingNextPage}
              onClick={() => void audit.fetchNextPage()}
            >
              Show older activity
            </Button>
          </div>
        )}
      </div>
    </Card>
  );
}
