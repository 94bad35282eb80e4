import { LogOut } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { SessionList } from '@/features/sessions/session-list';
import { useRevokeOtherSessions, useSessions } from '@/features/sessions/use-sessions';
import { SettingsPage } from '@/features/settings/settings-page';
import { errorMessage } from '@/lib/api';

export function SettingsSessionsRoute() {
  const sessions = useSessions();
  const revokeOthers = useRevokeOtherSessions();
  const others = sessions.data?.filter((session) => !session.current).length ?? 0;

  return (
    <SettingsPage
      title="Sessions"
      description="The browsers and devices signed in to your account. Sign out any you do not recognise."
      actions={
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="outline" disabled={others === 0} pending={revokeOthers.isPending}>
              {!revokeOthers.isPending && <LogOut />} Sign out everywhere else
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>Sign out everywhere else?</AlertDialogTitle>
              <AlertDialogDescription>
                {others === 1 ? '1 other session' : `${others} other sessions`} will be signed out. This
                browser stays signed in.
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel asChild>
                <Button variant="outline">Cancel</Button>
              </AlertDialogCancel>
              <AlertDialogAction asChild>
                <Button onClick={() => revokeOthers.mutate()}>Sign out other sessions</Button>
              </AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      }
    >
      <Card className="overflow-hidden">
        {sessions.isPending && (
          <div className="grid gap-4 p-6">
            <Skeleton className="h-10" />
            <Skeleton className="h-10" />
          </div>
        )}
        {sessions.isError && (
          <div className="p-6">
            <Alert variant="destructive">{errorMessage(sessions.error)}</Alert>
          </div>
        )}
        {sessions.data && <SessionList sessions={sessions.data} />}
      </Card>
    </SettingsPage>
  );
}
