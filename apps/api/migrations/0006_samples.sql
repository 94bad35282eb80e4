-- Uploaded samples a job's tables learn from, which jobs use which sample, and the summary of the
-- report every completed job writes beside its output.

create table samples (
  id uuid primary key,
  project_id uuid not null references projects (id) on delete cascade,
  created_by uuid references users (id) on delete set null,
  -- the file name as uploaded; the object key holds a safe version of it
  name text not null,
  format text not null check (format in ('csv', 'jsonl', 'parquet')),
  key text not null,
  bytes bigint not null check (bytes >= 0),
  status text not null default 'profiling' check (status in ('profiling', 'ready', 'failed', 'removed')),
  rows bigint,
  columns int,
  profile jsonb,
  -- the engine's model of every learnable column, fitted on a few thousand rows: live previews use it
  preview_model jsonb,
  error text,
  -- a process profiling the sample holds it until then; past it, a restarted api takes the work over
  profiling_until timestamptz,
  created_at timestamptz not null default now(),
  removed_at timestamptz
);
create index samples_project on samples (project_id, id desc);
create index samples_profiling on samples (profiling_until) where status = 'profiling';

create table job_samples (
  job_id uuid not null references jobs (id) on delete cascade,
  sample_id uuid not null references samples (id) on delete cascade,
  primary key (job_id, sample_id)
);
create index job_samples_sample on job_samples (sample_id);

alter table projects add column delete_samples_after_fit boolean not null default false;

-- null until a completed job's manifest names its report.json
alter table jobs add column report_key text;
alter table jobs add column report_quality double precision;
alter table jobs add column report_privacy_passed boolean;
alter table jobs add column report_conformance_passed boolean;
