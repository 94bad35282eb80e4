import { Plus } from 'lucide-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
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
import { Textarea } from '@/components/ui/textarea';
import { fieldError, formError } from '@/lib/form-errors';
import { giBToBytes } from './format-bytes';
import { UnitInput } from './unit-input';
import { type OutputFormat, outputFormats, useCreateProject } from './use-projects';

const fields = ['name', 'description', 'retentionDays', 'storageQuotaBytes', 'defaultOutputFormat'];
const initial = {
  name: '',
  description: '',
  retentionDays: '30',
  quotaGiB: '10',
  format: 'csv' as OutputFormat,
};

/** Creates a project (I become its owner) and opens it. */
export function ProjectCreateDialog({ trigger }: { trigger?: ReactNode }) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(initial);
  const create = useCreateProject();
  const set =
    (field: keyof typeof form) =>
    (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setForm((current) => ({ ...current, [field]: event.target.value }));

  const onOpenChange = (next: boolean) => {
    if (create.isPending) return;
    setOpen(next);
    if (!next) {
      setForm(initial);
      create.reset();
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        name: form.name,
        description: form.description,
        retentionDays: Number(form.retentionDays),
        storageQuotaBytes: giBToBytes(form.quotaGiB),
        defaultOutputFormat: form.format,
        // Samples are kept until deleted by hand; the project's settings change that.
        deleteSamplesAfterFit: false,
      },
      {
        onSuccess: (project) => {
          setOpen(false);
          setForm(initial);
          create.reset();
          void navigate(`/projects/${project.id}`);
        },
      },
    );
  };
  const problem = formError(create.error, fields);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        {trigger ?? (
          <Button>
            <Plus /> New project
          </Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-w-xl">
        <form onSubmit={onSubmit} noValidate className="grid gap-5">
          <DialogHeader>
            <DialogTitle>Create a project</DialogTitle>
            <DialogDescription>
              A project holds schemas, generation jobs and their outputs, and the people who work on them. You
              can change all of this later in its settings.
            </DialogDescription>
          </DialogHeader>
          {problem && <Alert variant="destructive">{problem}</Alert>}
          <FormField label="Name" error={fieldError(create.error, 'name')}>
            {(control) => (
              <Input
                {...control}
                autoFocus
                required
                maxLength={100}
                placeholder="e.g. Checkout test data"
                value={form.name}
                onChange={set('name')}
              />
            )}
          </FormField>
          <FormField
            label={
              <>
                Description <span className="font-normal text-muted-foreground">(optional)</span>
              </>
            }
            error={fieldError(create.error, 'description')}
          >
            {(control) => (
              <Textarea
                {...control}
                rows={2}
                maxLength={2000}
                placeholder="What the data is for"
                value={form.description}
                onChange={set('description')}
              />
            )}
          </FormField>
          <div className="grid gap-5 sm:grid-cols-3 sm:items-start">
            <FormField
              label="Keep outputs for"
              hint="1 to 3,650 days"
              error={fieldError(create.error, 'retentionDays')}
            >
              {(control) => (
                <UnitInput
                  {...control}
                  unit="days"
                  inputMode="numeric"
                  min={1}
                  max={3650}
                  step={1}
                  value={form.retentionDays}
                  onChange={set('retentionDays')}
                />
              )}
            </FormField>
            <FormField
              label="Storage quota"
              hint="Space for outputs, in GiB"
              error={fieldError(create.error, 'storageQuotaBytes')}
            >
              {(control) => (
                <UnitInput
                  {...control}
                  unit="GiB"
                  inputMode="decimal"
                  min={0.001}
                  step="any"
                  value={form.quotaGiB}
                  onChange={set('quotaGiB')}
                />
              )}
            </FormField>
            <FormField
              label="Default format"
              hint="For downloads"
              error={fieldError(create.error, 'defaultOutputFormat')}
            >
              {(control) => (
                <Select {...control} value={form.format} onChange={set('format')}>
                  {outputFormats.map((format) => (
                    <option key={format.value} value={format.value}>
                      {format.label}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" pending={create.isPending}>
              Create project
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
