import type { components } from '@synoptic/contract/api-types';
import { Monitor, Smartphone } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatDateTime, relativeTime } from '@/lib/format';
import { useRevokeSession } from './use-sessions';

type Session = components['schemas']['Session'];

const mobile = /android|iphone|ipad|ios|mobile/i;

export function SessionList({ sessions }: { sessions: Session[] }) {
  const revoke = useRevokeSession();
  return (
    <ul aria-label="Signed-in sessions" className="divide-y">
      {sessions.map((session) => {
        const Icon = mobile.test(session.device) ? Smartphone : Monitor;
        const revoking = revoke.isPending && revoke.variables === session.id;
        return (
          <li key={session.id} className="flex items-center gap-4 px-6 py-4">
            <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-muted">
              <Icon aria-hidden="true" className="size-5 text-muted-foreground" />
            </span>
            <div className="grid min-w-0 flex-1 gap-1">
              <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                <span className="truncate">{session.device || 'Unknown device'}</span>
                {session.current && <Badge variant="success">This device</Badge>}
              </p>
              <p className="text-xs text-muted-foreground">
                <span className="font-mono">{session.ip}</span>
                <span aria-hidden="true"> · </span>
                {session.current ? (
                  'Active now'
                ) : (
                  <time dateTime={session.lastSeenAt} title={formatDateTime(session.lastSeenAt)}>
                    Last active {relativeTime(session.lastSeenAt)}
                  </time>
                )}
                <span aria-hidden="true"> · </span>
                <time dateTime={session.createdAt} title={formatDateTime(session.createdAt)}>
                  Signed in {relativeTime(session.createdAt)}
                </time>
              </p>
            </div>
            {!session.current && (
              <Button
                variant="outline"
                size="sm"
                pending={revoking}
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(session.id)}
                aria-label={`Sign out ${session.device || 'this session'} (${session.ip})`}
              >
                Sign out
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
