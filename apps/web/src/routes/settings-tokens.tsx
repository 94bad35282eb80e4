import { SquareTerminal } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { SettingsPage } from '@/features/settings/settings-page';
import { TokenCreateDialog } from '@/features/tokens/token-create-dialog';
import { TokenTable } from '@/features/tokens/token-table';
import { useTokens } from '@/features/tokens/use-tokens';
import { errorMessage } from '@/lib/api';

export function SettingsTokensRoute() {
  const tokens = useTokens();
  return (
    <SettingsPage
      title="API tokens"
      description="Personal access tokens let scripts, the SDK and the CLI use Synoptic as you."
      actions={<TokenCreateDialog />}
    >
      <Card className="overflow-hidden">
        {tokens.isPending && (
          <div className="grid gap-3 p-6">
            <Skeleton className="h-8" />
            <Skeleton className="h-8" />
          </div>
        )}
        {tokens.isError && (
          <div className="p-6">
            <Alert variant="destructive">{errorMessage(tokens.error)}</Alert>
          </div>
        )}
        {tokens.data?.length === 0 && (
          <div className="flex flex-col items-center gap-2 px-6 py-12 text-center">
            <span className="flex size-10 items-center justify-center rounded-full bg-muted">
              <SquareTerminal aria-hidden="true" className="size-5 text-muted-foreground" />
            </span>
            <p className="font-medium">No API tokens yet</p>
            <p className="max-w-sm text-sm text-muted-foreground">
              Create one to call the API from a script, or to sign in the Synoptic CLI.
            </p>
          </div>
        )}
        {tokens.data && tokens.data.length > 0 && <TokenTable tokens={tokens.data} />}
      </Card>
    </SettingsPage>
  );
}
