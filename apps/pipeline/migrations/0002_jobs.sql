-- Jobs, their shards, log lines, callback events, and the nonces of signed requests (replay guard).
create table pipeline.jobs (
  id text primary key,
  idempotency_key text unique,
  request_hash text not null,
  status text not null check (status in ('queued', 'running', 'cancelling', 'completed', 'failed', 'cancelled')),
  stage text not null check (stage in ('queued', 'validating', 'generating', 'finalizing', 'completed', 'failed', 'cancelled')),
  config jsonb not null,
  output jsonb not null,
  callback_url text,
  seed text not null,
  engine_version text,
  rows_total bigint,
  rows_done bigint not null default 0,
  rows_per_second double precision,
  eta_seconds double precision,
  error_stage text,
  error_message text,
  -- json, not jsonb: the engine checks a plan against a digest of the config's exact JSON text.
  valid_config json,
  plan json,
  manifest jsonb,
  -- Partial output of a failed or cancelled job is removed once no shard is writing any more.
  output_cleaned boolean not null default false,
  event_seq integer not null default 0,
  progress_event_at timestamptz,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  generating_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now()
);
create index jobs_unfinished on pipeline.jobs (status) where status in ('queued', 'running', 'cancelling');
create index jobs_uncleaned on pipeline.jobs (id) where status in ('failed', 'cancelling', 'cancelled') and not output_cleaned;

create table pipeline.shards (
  job_id text not null references pipeline.jobs (id) on delete cascade,
  shard_no integer not null,
  table_name text not null,
  spec jsonb not null,
  rows bigint not null,
  rows_done bigint not null default 0,
  status text not null check (status in ('pending', 'running', 'done', 'cancelled', 'failed')),
  attempt integer not null default 0,
  worker_id text,
  heartbeat_at timestamptz,
  part_key text not null,
  bytes bigint,
  sha256 text,
  primary key (job_id, shard_no)
);
create index shards_running on pipeline.shards (heartbeat_at) where status = 'running';

create table pipeline.job_logs (
  id bigint generated always as identity primary key,
  job_id text not null references pipeline.jobs (id) on delete cascade,
  at timestamptz not null default clock_timestamp(),
  level text not null check (level in ('debug', 'info', 'warn', 'error')),
  stage text not null,
  message text not null
);
create index job_logs_by_job on pipeline.job_logs (job_id, id);

create table pipeline.job_events (
  job_id text not null references pipeline.jobs (id) on delete cascade,
  seq integer not null,
  type text not null,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  delivered_at timestamptz,
  last_error text,
  primary key (job_id, seq)
);
create index job_events_pending on pipeline.job_events (next_attempt_at) where delivered_at is null;

create table pipeline.request_nonces (
  nonce text primary key,
  seen_at timestamptz not null default now()
);
create index request_nonces_seen_at on pipeline.request_nonces (seen_at);
