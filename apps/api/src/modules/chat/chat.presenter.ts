import type { ConversationRow, MessageRow } from './chat.repository.ts';

export function presentConversation(row: ConversationRow) {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentMessage(row: MessageRow) {
  return {
    id: row.id,
    role: row.role,
    content: row.content,
    ...(row.outcome ? { outcome: row.outcome } : {}),
    ...(row.sql ? { sql: row.sql } : {}),
    ...(row.result ? { result: row.result } : {}),
    ...(row.chart ? { chart: row.chart } : {}),
    ...(row.suggestions ? { suggestions: row.suggestions } : {}),
    ...(row.engine ? { engine: row.engine } : {}),
    createdAt: row.created_at.toISOString(),
  };
}
