import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DeleteAccountDialog } from '@/features/account/delete-account-dialog';
import { SettingsPage } from '@/features/settings/settings-page';

export function SettingsDeleteAccountRoute() {
  return (
    <SettingsPage title="Delete account" description="Leave Synoptic and take your personal data with you.">
      <Card className="border-destructive/40">
        <CardHeader>
          <CardTitle className="text-destructive">Danger zone</CardTitle>
          <CardDescription>Deleting your account cannot be undone.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <ul className="grid list-disc gap-1 pl-5 text-sm text-muted-foreground">
            <li>You are signed out everywhere, at once.</li>
            <li>Your API tokens stop working, so scripts and the CLI lose access.</li>
            <li>Your profile and two-factor settings are erased.</li>
          </ul>
          <div className="flex justify-end border-t pt-5">
            <DeleteAccountDialog />
          </div>
        </CardContent>
      </Card>
    </SettingsPage>
  );
}
