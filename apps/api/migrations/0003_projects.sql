-- Projects, their members and invitations, and the audit log of what happened in each.

create table projects (
  id uuid primary key,
  name text not null,
  description text not null default '',
  retention_days int not null default 30 check (retention_days between 1 and 3650),
  storage_quota_bytes bigint not null default 10737418240 check (storage_quota_bytes > 0),
  default_output_format text not null default 'csv' check (default_output_format in ('csv', 'jsonl', 'parquet', 'sql')),
  -- the project's own bucket in the object store
  bucket text not null unique,
  storage_used_bytes bigint not null default 0 check (storage_used_bytes >= 0),
  archived_at timestamptz,
  -- set while a deletion is under way, so a failed one can be finished by trying again
  deleting_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_activity_at timestamptz not null default now()
);

create table project_members (
  project_id uuid not null references projects (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('owner', 'admin', 'member', 'viewer')),
  created_at timestamptz not null default now(),
  primary key (project_id, user_id)
);
create index project_members_user_id on project_members (user_id);

create table project_invitations (
  id uuid primary key,
  project_id uuid not null references projects (id) on delete cascade,
  email text not null,
  email_normalized text not null,
  role text not null check (role in ('owner', 'admin', 'member', 'viewer')),
  token_hash bytea not null unique,
  invited_by uuid references users (id) on delete set null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  declined_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index project_invitations_project on project_invitations (project_id);
create index project_invitations_email on project_invitations (email_normalized);
-- one open invitation per person and project: inviting again replaces it
create unique index project_invitations_open on project_invitations (project_id, email_normalized)
  where accepted_at is null and declined_at is null and revoked_at is null;

create table audit_events (
  id uuid primary key,
  project_id uuid not null references projects (id) on delete cascade,
  actor_id uuid references users (id) on delete set null,
  -- kept as it was, so the log still reads right after the actor's account is gone
  actor_email text not null,
  action text not null,
  target text not null default '',
  details jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index audit_events_project on audit_events (project_id, id desc);
