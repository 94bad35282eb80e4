import { Plus, TriangleAlert } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input, Select } from '@/components/ui/input';
import { fieldError, formError } from '@/lib/form-errors';
import { useCreateToken } from './use-tokens';

const expiryChoices = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'No expiry' },
];

/** Names a new token, then shows its secret the one time the api sends it. */
export function TokenCreateDialog() {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState('90');
  const create = useCreateToken();
  const created = create.data;

  const onOpenChange = (next: boolean) => {
    if (create.isPending) return;
    setOpen(next);
    if (!next) {
      setName('');
      setExpiry('90');
      create.reset();
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, ...(expiry === 'never' ? {} : { expiresInDays: Number(expiry) }) });
  };
  const problem = formError(create.error, ['name', 'expiresInDays']);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus /> Create token
        </Button>
      </DialogTrigger>
      <DialogContent
        // Closing by a stray click outside would lose a secret that is never shown again.
        onInteractOutside={(event) => {
          if (created) event.preventDefault();
        }}
      >
        {created ? (
          <div className="grid gap-5">
            <DialogHeader>
              <DialogTitle>Copy your new token</DialogTitle>
              <DialogDescription>
                “{created.name}” is ready. Use it as{' '}
                <code className="font-mono">Authorization: Bearer …</code> from scripts, the SDK or the CLI.
              </DialogDescription>
            </DialogHeader>
            <Alert variant="warning">
              <AlertTitle>This is the only time you can see it</AlertTitle>
              <AlertDescription>
                Copy it now and keep it somewhere safe, like a password manager. If you lose it, revoke it and
                create a new one.
              </AlertDescription>
            </Alert>
            <FormField label="Your new token">
              {(control) => (
                <div className="flex items-start gap-2">
                  <textarea
                    {...control}
                    readOnly
                    rows={2}
                    value={created.token}
                    spellCheck={false}
                    className="min-w-0 flex-1 resize-none rounded-md border border-input bg-muted px-3 py-2 font-mono text-xs leading-5 break-all shadow-xs outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25"
                    onFocus={(event) => event.currentTarget.select()}
                  />
                  <CopyButton value={created.token} size="default" />
                </div>
              )}
            </FormField>
            <DialogFooter>
              <DialogClose asChild>
                <Button>I have copied it</Button>
              </DialogClose>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate className="grid gap-5">
            <DialogHeader>
              <DialogTitle>Create an API token</DialogTitle>
              <DialogDescription>
                A token acts as you, with your permissions, without a browser. Give each script or machine its
                own, so you can revoke one without breaking the others.
              </DialogDescription>
            </DialogHeader>
            {problem && <Alert variant="destructive">{problem}</Alert>}
            <FormField
              label="Name"
              hint="What it is for, e.g. “laptop CLI” or “nightly export”."
              error={fieldError(create.error, 'name')}
            >
              {(control) => (
                <Input
                  {...control}
                  autoFocus
                  required
                  maxLength={100}
                  value={name}
                  onChange={(event) => setName(event.target.value)}
                />
              )}
            </FormField>
            <FormField label="Expires after" error={fieldError(create.error, 'expiresInDays')}>
              {(control) => (
                <Select {...control} value={expiry} onChange={(event) => setExpiry(event.target.value)}>
                  {expiryChoices.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
            {expiry === 'never' && (
              <p className="flex items-start gap-2 text-xs text-muted-foreground">
                <TriangleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0 text-warning" />A token
                that never expires keeps working until you revoke it.
              </p>
            )}
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="outline">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" pending={create.isPending} disabled={!name.trim()}>
                Create token
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
