-- Generation jobs as users see them, and the outbox that hands them to the pipeline.

create table jobs (
  id uuid primary key,
  project_id uuid not null references projects (id) on delete cascade,
  created_by uuid references users (id) on delete set null,
  name text not null,
  config jsonb not null,
  output_format text not null check (output_format in ('csv', 'jsonl', 'parquet', 'sql')),
  csv_options jsonb,
  seed text not null,
  -- the pipeline's id for the job, once it has accepted it
  pipeline_job_id text,
  status text not null default 'queued'
    check (status in ('queued', 'running', 'cancelling', 'completed', 'failed', 'cancelled', 'expired')),
  stage text not null default 'queued',
  rows_done bigint not null default 0,
  rows_total bigint,
  rows_per_second double precision,
  eta_seconds double precision,
  bytes bigint,
  estimated_bytes bigint,
  error_stage text,
  error_message text,
  -- the sequence number of the last pipeline event applied: older ones are ignored
  pipeline_seq bigint not null default 0,
  dispatched_at timestamptz,
  started_at timestamptz,
  finished_at timestamptz,
  expired_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index jobs_project on jobs (project_id, id desc);
create index jobs_active on jobs (status) where status in ('queued', 'running', 'cancelling');

-- Work for the dispatcher: a row per job that still has to reach the pipeline.
create table job_outbox (
  job_id uuid primary key references jobs (id) on delete cascade,
  action text not null check (action in ('submit', 'cancel')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now()
);
create index job_outbox_due on job_outbox (next_attempt_at);

-- The files a completed job wrote, from its manifest.
create table job_files (
  job_id uuid not null references jobs (id) on delete cascade,
  key text not null,
  table_name text not null,
  rows bigint not null,
  bytes bigint not null,
  sha256 text not null,
  primary key (job_id, key)
);

-- Nonces of signed pipeline callbacks seen within the signature window: a replay is refused.
create table pipeline_event_nonces (
  nonce text primary key,
  seen_at timestamptz not null default now()
);
