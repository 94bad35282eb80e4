import { ShieldCheck, ShieldOff } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { useMe } from '@/features/auth/use-me';
import { SettingsPage } from '@/features/settings/settings-page';
import { TwoFactorConfirmDialog } from '@/features/two-factor/two-factor-confirm-dialog';
import { TwoFactorSetup } from '@/features/two-factor/two-factor-setup';
import { useTwoFactorStatus } from '@/features/two-factor/use-two-factor';
import { errorMessage } from '@/lib/api';

export function SettingsTwoFactorRoute() {
  const { data: me } = useMe();
  const status = useTwoFactorStatus();
  const [settingUp, setSettingUp] = useState(false);
  const enabled = status.data?.enabled ?? false;
  const remaining = status.data?.recoveryCodesRemaining ?? 0;

  return (
    <SettingsPage
      title="Two-factor authentication"
      description="Ask for a code from your phone as well as your password when you sign in."
    >
      <Card>
        <CardHeader className="flex-row items-start justify-between gap-4 space-y-0">
          <div className="flex items-start gap-4">
            <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-muted">
              {enabled ? (
                <ShieldCheck aria-hidden="true" className="size-5 text-success" />
              ) : (
                <ShieldOff aria-hidden="true" className="size-5 text-muted-foreground" />
              )}
            </span>
            <div className="grid gap-1.5">
              <CardTitle>Authenticator app</CardTitle>
              <CardDescription>
                {enabled
                  ? 'Signing in needs your password and a code from your authenticator app.'
                  : 'Signing in needs only your password. Add an authenticator app to protect your account even if the password leaks.'}
              </CardDescription>
            </div>
          </div>
          {status.data &&
            (enabled ? <Badge variant="success">On</Badge> : <Badge variant="secondary">Off</Badge>)}
        </CardHeader>
        <CardContent>
          {status.isPending && <Skeleton className="h-9 w-48" />}
          {status.isError && <Alert variant="destructive">{errorMessage(status.error)}</Alert>}
          {status.data && me && (settingUp || !enabled) && (
            <div className="border-t pt-6">
              {settingUp ? (
                <TwoFactorSetup
                  email={me.email}
                  onCancel={() => setSettingUp(false)}
                  onDone={() => setSettingUp(false)}
                />
              ) : (
                <Button onClick={() => setSettingUp(true)}>
                  <ShieldCheck /> Set up two-factor authentication
                </Button>
              )}
            </div>
          )}
          {status.data && me && enabled && !settingUp && (
            <div className="grid gap-5 border-t pt-6">
              <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="grid gap-1">
                  <p className="text-sm font-medium">Recovery codes</p>
                  <p className={remaining <= 3 ? 'text-sm text-warning' : 'text-sm text-muted-foreground'}>
                    {remaining === 1 ? '1 unused code left.' : `${remaining} unused codes left.`}
                    {remaining <= 3 && ' Create new ones before you run out.'}
                  </p>
                </div>
                <TwoFactorConfirmDialog
                  action="regenerate"
                  email={me.email}
                  trigger={<Button variant="outline">Create new recovery codes</Button>}
                />
              </div>
              <div className="flex flex-col gap-3 border-t pt-5 sm:flex-row sm:items-center sm:justify-between">
                <div className="grid gap-1">
                  <p className="text-sm font-medium">Turn off two-factor sign-in</p>
                  <p className="text-sm text-muted-foreground">
                    Not recommended: your password alone will protect the account.
                  </p>
                </div>
                <TwoFactorConfirmDialog
                  action="disable"
                  email={me.email}
                  trigger={
                    <Button variant="outline" className="text-destructive hover:text-destructive">
                      Turn off
                    </Button>
                  }
                />
              </div>
            </div>
          )}
        </CardContent>
      </Card>
    </SettingsPage>
  );
}
