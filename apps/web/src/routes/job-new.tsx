import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input, Select } from '@/components/ui/input';
import { useCreateJob } from '@/features/jobs/use-jobs';
import { useCurrentProject } from '@/features/projects/project-context';
import { can } from '@/features/projects/project-permissions';
import { type OutputFormat, outputFormats } from '@/features/projects/use-projects';
import { TwinStart } from '@/features/samples/twin-start';
import { useSampleProfiles, useSamples } from '@/features/samples/use-samples';
import { JsonView } from '@/features/schema-builder/json-view';
import { PreviewPanel } from '@/features/schema-builder/preview-panel';
import { sampleIdsOf, sampleProblems } from '@/features/schema-builder/sample-model';
import { SchemaBuilder } from '@/features/schema-builder/schema-builder';
import {
  type ConfigDraft,
  type ErrorMap,
  emptyConfig,
  validateDraft,
} from '@/features/schema-builder/schema-model';
import { SchemaTabs } from '@/features/schema-builder/schema-tabs';
import { schemaTemplates } from '@/features/schema-builder/schema-templates';
import { TemplatePicker } from '@/features/schema-builder/template-picker';
import { useLivePreview } from '@/features/schema-builder/use-live-preview';
import { ApiError, errorMessage } from '@/lib/api';
import { useDocumentTitle } from '@/lib/use-document-title';

const stringify = (config: ConfigDraft) => JSON.stringify(config, null, 2);

/** Whether parsed JSON has the shape the builder can show: tables with lists of named fields. */
function builderShaped(value: unknown): value is ConfigDraft {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const tables = (value as { tables?: unknown }).tables;
  return (
    Array.isArray(tables) &&
    tables.every(
      (table) =>
        typeof table === 'object' &&
        table !== null &&
        Array.isArray((table as { fields?: unknown }).fields) &&
        (table as { fields: unknown[] }).fields.every(
          (field) => typeof field === 'object' && field !== null && !Array.isArray(field),
        ),
    )
  );
}

export function JobNewRoute() {
  const project = useCurrentProject();
  const [params] = useSearchParams();
  const sampleId = params.get('sample');
  useDocumentTitle(`New job · ${project.name}`);
  if (project.archived || !can(project.role, 'jobs.create')) {
    return (
      <Card className="mx-auto w-full max-w-xl">
        <CardHeader>
          <CardTitle>You cannot start a job here</CardTitle>
          <CardDescription>
            {project.archived
              ? 'This project is archived, so it accepts no new jobs. An owner can unarchive it in its settings.'
              : 'Viewers see jobs and download their data; members and above run them. Ask an admin of this project for the member role.'}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild variant="outline">
            <Link to={`/projects/${project.id}`}>Back to the overview</Link>
          </Button>
        </CardContent>
      </Card>
    );
  }
  // A synthetic twin starts from its sample's profile, once profiling has produced one.
  if (sampleId)
    return (
      <TwinStart key={sampleId} projectId={project.id} sampleId={sampleId}>
        {(twin) => <JobNewForm initial={twin} />}
      </TwinStart>
    );
  return <JobNewForm />;
}

function JobNewForm({ initial }: { initial?: { name: string; config: ConfigDraft } }) {
  const project = useCurrentProject();
  const navigate = useNavigate();
  const [template, setTemplate] = useState(initial ? 'twin' : 'scratch');
  const [config, setConfig] = useState<ConfigDraft>(() => initial?.config ?? emptyConfig());
  const [jsonText, setJsonText] = useState(() => stringify(initial?.config ?? emptyConfig()));
  const [parseError, setParseError] = useState<string>();
  const [mode, setMode] = useState<'builder' | 'json'>('builder');
  const [serverErrors, setServerErrors] = useState<ErrorMap>(new Map());
  const [name, setName] = useState(initial?.name ?? 'New dataset');
  const [outputFormat, setOutputFormat] = useState<OutputFormat>(project.settings.defaultOutputFormat);
  const [seed, setSeed] = useState('');
  const [nameError, setNameError] = useState<string>();
  const [banner, setBanner] = useState<string>();
  const create = useCreateJob(project.id);

  const samples = useSamples(project.id);
  const profiles = useSampleProfiles(project.id, sampleIdsOf(config));
  const sampleChoices = useMemo(() => ({ samples: samples.data ?? [], profiles }), [samples.data, profiles]);
  const clientErrors = useMemo(
    () => new Map([...sampleProblems(config, profiles), ...validateDraft(config)]),
    [config, profiles],
  );
  const errors = useMemo(() => new Map([...clientErrors, ...serverErrors]), [clientErrors, serverErrors]);
  const preview = useLivePreview(
    project.id,
    config,
    clientErrors.size === 0 && !parseError,
    outputFormat,
    true,
  );

  const editConfig = (next: ConfigDraft) => {
    setConfig(next);
    setJsonText(stringify(next));
    setParseError(undefined);
    setServerErrors(new Map());
  };
  const editJson = (text: string) => {
    setJsonText(text);
    setServerErrors(new Map());
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (caught) {
      setParseError(caught instanceof Error ? caught.message : 'Not valid JSON');
      return;
    }
    if (!builderShaped(parsed)) {
      setParseError('The configuration needs a "tables" list whose tables each have a "fields" list.');
      return;
    }
    setParseError(undefined);
    setConfig(parsed);
  };
  const chooseTemplate = (id: string) => {
    setTemplate(id);
    const chosen = schemaTemplates.find((item) => item.id === id);
    editConfig(chosen ? chosen.config() : emptyConfig());
    setName(chosen ? chosen.label : 'New dataset');
  };

  const submit = async () => {
    setBanner(undefined);
    setNameError(undefined);
    if (!name.trim()) {
      setNameError('Give the job a name.');
      return;
    }
    if (parseError || clientErrors.size > 0) {
      setBanner('Fix the problems marked in the schema first.');
      return;
    }
    try {
      const job = await create.mutateAsync({
        name: name.trim(),
        config: config as never,
        outputFormat,
        ...(seed.trim() ? { seed: seed.trim() } : {}),
      });
      await navigate(`/projects/${project.id}/jobs/${job.id}`);
    } catch (caught) {
      if (!(caught instanceof ApiError)) {
        setBanner(errorMessage(caught));
        return;
      }
      const mapped: ErrorMap = new Map();
      const unplaced: string[] = [];
      for (const detail of caught.details) {
        if (detail.path.startsWith('config.'))
          mapped.set(detail.path.slice('config.'.length), detail.message);
        else if (detail.path === 'name') setNameError(detail.message);
        else unplaced.push(detail.path ? `${detail.path}: ${detail.message}` : detail.message);
      }
      setServerErrors(mapped);
      if (mapped.size > 0) setMode('builder');
      if (caught.details.length === 0) setBanner(caught.message);
      else if (unplaced.length > 0) setBanner(`${caught.message} ${unplaced.join('; ')}`);
      else if (mapped.size > 0) setBanner('The api found problems in the schema; they are marked below.');
    }
  };

  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h2 className="text-xl font-semibold tracking-tight">New job</h2>
        <p className="text-sm text-muted-foreground">
          Describe the tables to generate, check the preview, then submit. Big jobs run in the background.
        </p>
      </div>

      {initial && (
        <Alert variant="info">
          <AlertTitle>A synthetic twin, ready for review</AlertTitle>
          <AlertDescription>
            Each column starts as profiling suggests: learned from the sample, or generated where it holds
            personal data or identifiers. Check the types and the quality, then submit.
          </AlertDescription>
        </Alert>
      )}

      <TemplatePicker value={template} onChange={chooseTemplate} />

      <SchemaTabs
        mode={mode}
        onModeChange={setMode}
        problemCount={parseError ? 1 : errors.size}
        builder={
          parseError ? (
            <Alert variant="warning">
              <AlertTitle>The builder waits for valid JSON</AlertTitle>
              <AlertDescription>Fix the JSON view and the builder follows.</AlertDescription>
            </Alert>
          ) : (
            <SchemaBuilder config={config} errors={errors} samples={sampleChoices} onChange={editConfig} />
          )
        }
        json={<JsonView text={jsonText} parseError={parseError} errors={errors} onChange={editJson} />}
      />

      <Card>
        <CardContent className="pt-6">
          <PreviewPanel preview={preview} invalid={Boolean(parseError) || clientErrors.size > 0} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader className="pb-4">
          <CardTitle>Submit</CardTitle>
          <CardDescription>The same schema and seed always give the same data.</CardDescription>
        </CardHeader>
        <CardContent>
          <form
            aria-label="Submit the job"
            className="grid gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            {banner && <Alert variant="destructive">{banner}</Alert>}
            <div className="grid gap-4 sm:grid-cols-3">
              <FormField label="Job name" error={nameError}>
                {(control) => (
                  <Input
                    {...control}
                    value={name}
                    maxLength={200}
                    onChange={(event) => setName(event.target.value)}
                  />
                )}
              </FormField>
              <FormField label="Output format" hint="The project's default is preselected.">
                {(control) => (
                  <Select
                    {...control}
                    value={outputFormat}
                    onChange={(event) => setOutputFormat(event.target.value as OutputFormat)}
                  >
                    {outputFormats.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </Select>
                )}
              </FormField>
              <FormField label="Seed" hint="Optional. Empty means random; reuse a seed to get the same data.">
                {(control) => (
                  <Input
                    {...control}
                    value={seed}
                    placeholder="random"
                    maxLength={200}
                    onChange={(event) => setSeed(event.target.value)}
                  />
                )}
              </FormField>
            </div>
            <div className="flex flex-wrap items-center justify-end gap-3">
              <Button asChild variant="ghost">
                <Link to={`/projects/${project.id}`}>Cancel</Link>
              </Button>
              <Button type="submit" pending={create.isPending}>
                Submit job
              </Button>
            </div>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
