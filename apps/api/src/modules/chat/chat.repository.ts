import type { ChartSpec } from '@synoptic/chat-engine';
import type { CellValue } from '@synoptic/dataset-query';
import type { Queryable } from '@synoptic/service-kit';

export type ConversationRow = {
  id: string;
  job_id: string;
  user_id: string;
  title: string;
  created_at: Date;
  updated_at: Date;
};

export type MessageRow = {
  id: string;
  conversation_id: string;
  role: 'user' | 'assistant';
  content: string;
  outcome: 'answered' | 'unanswerable' | 'refused' | null;
  sql: string | null;
  result: { columns: { name: string; sqlType: string }[]; rows: CellValue[][]; truncated: boolean } | null;
  chart: ChartSpec | null;
  suggestions: string[] | null;
  engine: 'built-in' | 'model' | null;
  created_at: Date;
};

export type NewMessage = Omit<MessageRow, 'created_at'>;

export async function insertConversation(
  db: Queryable,
  row: Pick<ConversationRow, 'id' | 'job_id' | 'user_id' | 'title'>,
): Promise<ConversationRow> {
  const { rows } = await db.query<ConversationRow>(
    'insert into app.chat_conversations (id, job_id, user_id, title) values ($1, $2, $3, $4) returning *',
    [row.id, row.job_id, row.user_id, row.title],
  );
  return rows[0]!;
}

/** The user's conversations about one job, most recent first. */
export async function findConversations(
  db: Queryable,
  jobId: string,
  userId: string,
): Promise<ConversationRow[]> {
  const { rows } = await db.query<ConversationRow>(
    `select * from app.chat_conversations where job_id = $1 and user_id = $2
     order by updated_at desc, id desc limit 200`,
    [jobId, userId],
  );
  return rows;
}

export async function findConversation(
  db: Queryable,
  id: string,
  jobId: string,
  userId: string,
): Promise<ConversationRow | undefined> {
  const { rows } = await db.query<ConversationRow>(
    'select * from app.chat_conversations where id = $1 and job_id = $2 and user_id = $3',
    [id, jobId, userId],
  );
  return rows[0];
}

export async function findMessages(db: Queryable, conversationId: string): Promise<MessageRow[]> {
  const { rows } = await db.query<MessageRow>(
    'select * from app.chat_messages where conversation_id = $1 order by created_at, id',
    [conversationId],
  );
  return rows;
}

/** Appends turns, marks the conversation as just used, and returns the stored turns. */
export async function insertMessages(
  db: Queryable,
  conversationId: string,
  messages: NewMessage[],
): Promise<MessageRow[]> {
  const { rows } = await db.query<MessageRow>(
    `with added as (
       insert into app.chat_messages (id, conversation_id, role, content, outcome, sql, result, chart, suggestions,
         engine)
       select * from jsonb_to_recordset($2::jsonb) as m(id uuid, conversation_id uuid, role text, content text,
         outcome text, sql text, result jsonb, chart jsonb, suggestions jsonb, engine text)
       returning *),
     touched as (update app.chat_conversations set updated_at = now() where id = $1)
     select * from added order by created_at, id`,
    [conversationId, JSON.stringify(messages)],
  );
  return rows;
}

export async function deleteConversation(db: Queryable, id: string): Promise<void> {
  await db.query('delete from app.chat_conversations where id = $1', [id]);
}
