import { Card, CardContent } from '@/components/ui/card';
import { ProfileForm } from '@/features/account/profile-form';
import { useMe } from '@/features/auth/use-me';
import { SettingsPage } from '@/features/settings/settings-page';

export function SettingsProfileRoute() {
  const { data: me } = useMe();
  return (
    <SettingsPage title="Profile" description="How you appear to your teammates in Synoptic.">
      <Card>
        <CardContent className="pt-6">{me && <ProfileForm me={me} />}</CardContent>
      </Card>
    </SettingsPage>
  );
}
