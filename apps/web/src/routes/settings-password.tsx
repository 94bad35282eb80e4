import { Card, CardContent } from '@/components/ui/card';
import { ChangePasswordForm } from '@/features/account/change-password-form';
import { useMe } from '@/features/auth/use-me';
import { SettingsPage } from '@/features/settings/settings-page';

export function SettingsPasswordRoute() {
  const { data: me } = useMe();
  return (
    <SettingsPage
      title="Password"
      description="Changing your password signs you out of every other browser and device. This one stays signed in."
    >
      <Card>
        <CardContent className="pt-6">{me && <ChangePasswordForm email={me.email} />}</CardContent>
      </Card>
    </SettingsPage>
  );
}
