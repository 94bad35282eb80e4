-- Accounts: users, sessions, single-use email tokens, personal access tokens, two-factor, rate limits.
-- Every secret a client holds (session, token, link) is stored only as its SHA-256 hash.

create table users (
  id uuid primary key,
  email text not null,
  -- trimmed and lower-cased: what uniqueness and look-ups compare
  email_normalized text not null unique,
  name text not null,
  company text not null default '',
  password_hash text not null,
  email_verified_at timestamptz,
  -- AES-256-GCM sealed with SECRETS_ENCRYPTION_KEY; pending until enabled
  totp_secret_sealed text,
  totp_enabled_at timestamptz,
  -- the last accepted 30-second step, so a code cannot be replayed
  totp_last_step bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table sessions (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  token_hash bytea not null unique,
  user_agent text not null default '',
  ip text not null default '',
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_id on sessions (user_id);

create table email_tokens (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  purpose text not null check (purpose in ('verify_email', 'reset_password')),
  token_hash bytea not null unique,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index email_tokens_user_id on email_tokens (user_id, purpose);

create table login_challenges (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  token_hash bytea not null unique,
  attempts int not null default 0,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index login_challenges_user_id on login_challenges (user_id);

create table recovery_codes (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  code_hash bytea not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index recovery_codes_user_id on recovery_codes (user_id);

create table personal_access_tokens (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  name text not null,
  token_hash bytea not null unique,
  -- the first characters, shown in lists so a user can tell tokens apart
  token_prefix text not null,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index personal_access_tokens_user_id on personal_access_tokens (user_id);

-- Fixed-window counters shared by every api process.
create table rate_limits (
  key text primary key,
  window_start timestamptz not null,
  count int not null
);
