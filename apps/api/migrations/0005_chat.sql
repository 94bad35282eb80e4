-- Conversations about a dataset: each belongs to one user and one job, and goes when either goes.

create table chat_conversations (
  id uuid primary key,
  job_id uuid not null references jobs (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  title text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index chat_conversations_by_owner on chat_conversations (user_id, job_id, updated_at desc);

create table chat_messages (
  id uuid primary key,
  conversation_id uuid not null references chat_conversations (id) on delete cascade,
  role text not null check (role in ('user', 'assistant')),
  content text not null,
  -- assistant turns: answered from a query, a question the engine cannot answer, or SQL refused
  outcome text check (outcome in ('answered', 'unanswerable', 'refused')),
  -- the SQL that ran, its (capped) result, the chart and the engine that answered
  sql text,
  result jsonb,
  chart jsonb,
  suggestions jsonb,
  engine text,
  created_at timestamptz not null default now()
);
create index chat_messages_by_conversation on chat_messages (conversation_id, created_at, id);
