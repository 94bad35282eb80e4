import { Download, TriangleAlert } from 'lucide-react';
import { useId, useState } from 'react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';

function download(codes: string[], email: string): void {
  const text = [
    'Synoptic recovery codes',
    `Account: ${email}`,
    `Created: ${new Date().toISOString()}`,
    '',
    'Each code signs you in once when you do not have your authenticator app.',
    '',
    ...codes,
    '',
  ].join('\n');
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'synoptic-recovery-codes.txt';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The ten single-use codes, shown once: copy, download, and say they are saved before moving on. */
export function RecoveryCodes({
  codes,
  email,
  onDone,
  doneLabel = 'Done',
}: {
  codes: string[];
  email: string;
  onDone: () => void;
  doneLabel?: string;
}) {
  const [saved, setSaved] = useState(false);
  const checkboxId = useId();
  return (
    <div className="grid gap-5">
      <Alert variant="warning">
        <AlertTitle>Save these recovery codes now</AlertTitle>
        <AlertDescription>
          If you lose your phone, each code lets you sign in once. We will not show them again.
        </AlertDescription>
      </Alert>
      <ul
        aria-label="Recovery codes"
        className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border bg-muted/40 p-4 font-mono text-sm sm:grid-cols-2"
      >
        {codes.map((code) => (
          <li key={code} className="tracking-wider">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <CopyButton value={codes.join('\n')} label="Copy codes" />
        <Button type="button" variant="outline" size="sm" onClick={() => download(codes, email)}>
          <Download /> Download
        </Button>
      </div>
      <div className="flex flex-col gap-4 border-t pt-5 sm:flex-row sm:items-center sm:justify-between">
        <label htmlFor={checkboxId} className="flex items-center gap-2 text-sm">
          <input
            id={checkboxId}
            type="checkbox"
            className="size-4 accent-primary"
            checked={saved}
            onChange={(event) => setSaved(event.target.checked)}
          />
          I have saved my recovery codes
        </label>
        <Button onClick={onDone} disabled={!saved}>
          {!saved && <TriangleAlert />}
          {doneLabel}
        </Button>
      </div>
    </div>
  );
}
