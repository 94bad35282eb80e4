import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { type Me, meQueryKey } from '@/features/auth/use-me';
import { api, call } from '@/lib/api';
import { fieldError, formError } from '@/lib/form-errors';

export function ProfileForm({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.name);
  const [company, setCompany] = useState(me.company);
  const save = useMutation({
    mutationFn: () => call(api.PATCH('/api/me', { body: { name, company } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(meQueryKey, updated);
      setName(updated.name);
      setCompany(updated.company);
      toast.success('Profile saved');
    },
  });
  const dirty = name !== me.name || company !== me.company;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const problem = formError(save.error, ['name', 'company']);

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      {problem && <Alert variant="destructive">{problem}</Alert>}
      <FormField
        label="Email"
        labelAside={
          me.emailVerified ? (
            <Badge variant="success">Confirmed</Badge>
          ) : (
            <Badge variant="warning">Not confirmed yet</Badge>
          )
        }
        hint="Your sign-in address. It cannot be changed here yet."
      >
        {(control) => <Input {...control} type="email" value={me.email} readOnly />}
      </FormField>
      <FormField label="Name" error={fieldError(save.error, 'name')}>
        {(control) => (
          <Input
            {...control}
            autoComplete="name"
            required
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </FormField>
      <FormField
        label={
          <>
            Company <span className="font-normal text-muted-foreground">(optional)</span>
          </>
        }
        error={fieldError(save.error, 'company')}
      >
        {(control) => (
          <Input
            {...control}
            autoComplete="organization"
            maxLength={200}
            value={company}
            onChange={(event) => setCompany(event.target.value)}
          />
        )}
      </FormField>
      <div className="flex justify-end gap-2 border-t pt-5">
        <Button
          type="button"
          variant="ghost"
          disabled={!dirty || save.isPending}
          onClick={() => {
            setName(me.name);
            setCompany(me.company);
            save.reset();
          }}
        >
          Discard
        </Button>
        <Button type="submit" disabled={!dirty} pending={save.isPending}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
