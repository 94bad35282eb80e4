import { type FormEvent, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input, Select } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { fieldError, formError } from '@/lib/form-errors';
import { bytesToGiB, formatBytes, giBToBytes } from './format-bytes';
import { UnitInput } from './unit-input';
import {
  type OutputFormat,
  outputFormats,
  type ProjectDetail,
  type UpdateProjectInput,
  useUpdateProject,
} from './use-projects';

function SaveRow({ dirty, pending, readOnly }: { dirty: boolean; pending: boolean; readOnly: boolean }) {
  if (readOnly) return null;
  return (
    <div className="flex items-center justify-end gap-3 border-t pt-4">
      {dirty && <span className="text-xs text-muted-foreground">Unsaved changes</span>}
      <Button type="submit" pending={pending} disabled={!dirty}>
        Save changes
      </Button>
    </div>
  );
}

/** Name and description; read-only for those below admin, or while archived. */
export function ProjectGeneralForm({ project, readOnly }: { project: ProjectDetail; readOnly: boolean }) {
  const [name, setName] = useState(project.name);
  const [description, setDescription] = useState(project.description);
  const update = useUpdateProject(project.id);
  const changes: UpdateProjectInput = {
    ...(name !== project.name ? { name } : {}),
    ...(description !== project.description ? { description } : {}),
  };
  const dirty = Object.keys(changes).length > 0;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(changes);
  };
  const problem = formError(update.error, ['name', 'description']);

  return (
    <Card>
      <CardHeader className="pb-4">
        <CardTitle>General</CardTitle>
        <CardDescription>How the project appears to its members.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} noValidate aria-label="General settings" className="grid gap-5">
          {problem && <Alert variant="destructive">{problem}</Alert>}
          <FormField label="Name" error={fieldError(update.error, 'name')}>
            {(control) => (
              <Input
                {...control}
                required
                maxLength={100}
                readOnly={readOnly}
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            )}
          </FormField>
          <FormField label="Description" error={fieldError(update.error, 'description')}>
            {(control) => (
              <Textarea
                {...control}
                rows={3}
                maxLength={2000}
                readOnly={readOnly}
                placeholder={readOnly ? 'No description' : 'What the data is for'}
                value={description}
                onChange={(event) => setDescription(event.target.value)}
              />
            )}
          </FormField>
          <SaveRow dirty={dirty} pending={update.isPending} readOnly={readOnly} />
        </form>
      </CardContent>
    </Card>
  );
}

/** Retention, storage quota, default download format, and whether samples outlive their fitting. */
export function ProjectDataForm({ project, readOnly }: { project: ProjectDetail; readOnly: boolean }) {
  const [retention, setRetention] = useState(String(project.settings.retentionDays));
  const [quota, setQuota] = useState(bytesToGiB(project.settings.storageQuotaBytes));
  const [format, setFormat] = useState<OutputFormat>(project.settings.defaultOutputFormat);
  const [deleteSamples, setDeleteSamples] = useState(project.settings.deleteSamplesAfterFit);
  const deleteSamplesId = useId();
  const update = useUpdateProject(project.id);
  const changes: UpdateProjectInput = {
    ...(retention !== String(project.settings.retentionDays) ? { retentionDays: Number(retention) } : {}),
    ...(quota !== bytesToGiB(project.settings.storageQuotaBytes)
      ? { storageQuotaBytes: giBToBytes(quota) }
      : {}),
    ...(format !== project.settings.defaultOutputFormat ? { defaultOutputFormat: format } : {}),
    ...(deleteSamples !== project.settings.deleteSamplesAfterFit
      ? { deleteSamplesAfterFit: deleteSamples }
      : {}),
  };
  const dirty = Object.keys(changes).length > 0;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(changes);
  };
  const problem = formError(update.error, [
    'retentionDays',
    'storageQuotaBytes',
    'defaultOutputFormat',
    'deleteSamplesAfterFit',
  ]);
  const deleteSamplesError = fieldError(update.error, 'deleteSamplesAfterFit');

  return (
    <Card>
      <CardHeader className="pb-4">
        <CardTitle>Data and storage</CardTitle>
        <CardDescription>
          {formatBytes(project.storage.usedBytes)} of {formatBytes(project.storage.quotaBytes)} in use.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} noValidate aria-label="Data settings" className="grid gap-5">
          {problem && <Alert variant="destructive">{problem}</Alert>}
          <div className="grid gap-5 sm:grid-cols-3 sm:items-start">
            <FormField
              label="Keep outputs for"
              hint="Older outputs are deleted"
              error={fieldError(update.error, 'retentionDays')}
            >
              {(control) => (
                <UnitInput
                  {...control}
                  unit="days"
                  inputMode="numeric"
                  min={1}
                  max={3650}
                  readOnly={readOnly}
                  value={retention}
                  onChange={(event) => setRetention(event.target.value)}
                />
              )}
            </FormField>
            <FormField
              label="Storage quota"
              hint="Space for outputs and samples, in GiB"
              error={fieldError(update.error, 'storageQuotaBytes')}
            >
              {(control) => (
                <UnitInput
                  {...control}
                  unit="GiB"
                  inputMode="decimal"
                  min={0.001}
                  step="any"
                  readOnly={readOnly}
                  value={quota}
                  onChange={(event) => setQuota(event.target.value)}
                />
              )}
            </FormField>
            <FormField
              label="Default format"
              hint="Offered first for downloads"
              error={fieldError(update.error, 'defaultOutputFormat')}
            >
              {(control) => (
                <Select
                  {...control}
                  disabled={readOnly}
                  value={format}
                  onChange={(event) => setFormat(event.target.value as OutputFormat)}
                >
                  {outputFormats.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          </div>
          <div className="flex items-start gap-3">
            <input
              id={deleteSamplesId}
              type="checkbox"
              role="switch"
              aria-checked={deleteSamples}
              className="mt-0.5 size-4 shrink-0 accent-primary"
              checked={deleteSamples}
              disabled={readOnly}
              aria-describedby={`${deleteSamplesId}-hint`}
              aria-invalid={deleteSamplesError ? true : undefined}
              onChange={(event) => setDeleteSamples(event.target.checked)}
            />
            <div className="grid gap-1">
              <label htmlFor={deleteSamplesId} className="text-sm font-medium leading-none">
                Delete samples after fitting
              </label>
              <p id={`${deleteSamplesId}-hint`} className="text-xs text-muted-foreground">
                Once a job has learned from an uploaded sample, its file is deleted, so real data stays no
                longer than needed. Its profile remains; another twin needs the file uploaded again.
              </p>
              {deleteSamplesError && <p className="text-sm text-destructive">{deleteSamplesError}</p>}
            </div>
          </div>
          <SaveRow dirty={dirty} pending={update.isPending} readOnly={readOnly} />
        </form>
      </CardContent>
    </Card>
  );
}
