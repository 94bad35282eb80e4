import type { ChatEngine, ChatTurn } from '@synoptic/chat-engine';
import { describeAnswer, suggestQuestions } from '@synoptic/chat-engine';
import { DatasetQueryError } from '@synoptic/dataset-query';
import { AppError, type Pool, uuidv7 } from '@synoptic/service-kit';
import type { FastifyBaseLogger } from 'fastify';
import type { UserRow } from '../accounts/users.repository.ts';
import type { DatasetsService } from '../datasets/datasets.service.ts';
import { findJob } from '../jobs/jobs.repository.ts';
import type { ProjectAccess } from '../projects/project-access.ts';
import type { RateLimiter } from '../rate-limits/rate-limiter.ts';
import { presentConversation, presentMessage } from './chat.presenter.ts';
import {
  deleteConversation,
  findConversation,
  findConversations,
  findMessages,
  insertConversation,
  insertMessages,
  type NewMessage,
} from './chat.repository.ts';

/** Rows of a result kept with the conversation and sent to the browser. */
const maxResultRows = 200;
/** Earlier turns the engine sees, for follow-up questions. */
const historyTurns = 10;

/**
 * Questions about a dataset: the engine (built-in or a model) plans one SELECT, the dataset's
 * sandbox validates and runs it, and the answer is worded from the result alone.
 */
export function createChatService(deps: {
  pool: Pool;
  datasets: DatasetsService;
  engine: ChatEngine;
  limiter: RateLimiter;
  messagesPerUserPerMinute: number;
  log: FastifyBaseLogger;
}) {
  const { pool, datasets, engine, limiter, log } = deps;

  const getJob = async (access: ProjectAccess, jobId: string) => {
    if (!(await findJob(pool, access.project.id, jobId)))
      throw new AppError('not_found', 'No such job in this project.');
  };

  const ownConversation = async (jobId: string, user: UserRow, conversationId: string) => {
    const conversation = await findConversation(pool, conversationId, jobId, user.id);
    if (!conversation) throw new AppError('not_found', 'No such conversation about this dataset.');
    return conversation;
  };

  /** Plans and runs a question; every way it can end is an assistant turn, not an exception. */
  const answer = async (
    question: string,
    dataset: Awaited<ReturnType<DatasetsService['open']>>['dataset'],
    history: ChatTurn[],
  ): Promise<Omit<NewMessage, 'id' | 'conversation_id' | 'role'>> => {
    const profile = await dataset.profile();
    let plan: Awaited<ReturnType<ChatEngine['plan']>>;
    try {
      plan = await engine.plan(question, profile, history);
    } catch (err) {
      log.warn({ err: (err as Error).message, engine: engine.name }, 'chat engine failed');
      throw new AppError('unavailable', `The chat model did not answer: ${(err as Error).message}`);
    }
    if (plan.kind === 'unanswerable') {
      return {
        content: plan.message,
        outcome: 'unanswerable',
        sql: null,
        result: null,
        chart: null,
        suggestions: plan.suggestions,
        engine: engine.name,
      };
    }
    try {
      const result = await dataset.query(plan.sql, { maxRows: maxResultRows });
      return {
        content: describeAnswer(question, plan, result),
        outcome: 'answered',
        sql: plan.sql,
        result: { columns: result.columns, rows: result.rows, truncated: result.truncated },
        chart: plan.chart ?? null,
        suggestions: null,
        engine: engine.name,
      };
    } catch (err) {
      if (!(err instanceof DatasetQueryError)) throw err;
      log.info({ code: err.code, engine: engine.name }, 'chat query refused or failed');
      return {
        content: `I could not run the query for that: ${err.message}`,
        outcome: 'refused',
        sql: plan.sql,
        result: null,
        chart: null,
        suggestions: suggestQuestions(profile, 3),
        engine: engine.name,
      };
    }
  };

  return {
    async overview(access: ProjectAccess, user: UserRow, jobId: string) {
      const { dataset } = await datasets.open(access, jobId);
      return {
        engine: engine.name,
        suggestions: suggestQuestions(await dataset.profile(), 4),
        conversations: (await findConversations(pool, jobId, user.id)).map(presentConversation),
      };
    },

    async conversation(access: ProjectAccess, user: UserRow, jobId: string, conversationId: string) {
      await getJob(access, jobId);
      const conversation = await ownConversation(jobId, user, conversationId);
      const messages = await findMessages(pool, conversation.id);
      return { ...presentConversation(conversation), messages: messages.map(presentMessage) };
    },

    async ask(
      access: ProjectAccess,
      user: UserRow,
      jobId: string,
      body: { question: string; conversationId?: string | undefined },
    ) {
      const { dataset } = await datasets.open(access, jobId);
      const existing = body.conversationId
        ? await ownConversation(jobId, user, body.conversationId)
        : undefined;
      await limiter.hit(
        { name: 'chat-user', limit: deps.messagesPerUserPerMinute, windowSeconds: 60 },
        user.id,
      );
      const history: ChatTurn[] = existing
        ? (await findMessages(pool, existing.id)).slice(-historyTurns).map((m) => ({
            role: m.role,
            content: m.content,
            ...(m.sql ? { sql: m.sql } : {}),
          }))
        : [];
      const reply = await answer(body.question, dataset, history);
      const conversation =
        existing ??
        (await insertConversation(pool, {
          id: uuidv7(),
          job_id: jobId,
          user_id: user.id,
          title: body.question.length > 80 ? `${body.question.slice(0, 79)}…` : body.question,
        }));
      const question: NewMessage = {
        id: uuidv7(),
        conversation_id: conversation.id,
        role: 'user',
        content: body.question,
        outcome: null,
        sql: null,
        result: null,
        chart: null,
        suggestions: null,
        engine: null,
      };
      const assistant: NewMessage = {
        id: uuidv7(),
        conversation_id: conversation.id,
        role: 'assistant',
        ...reply,
      };
      const [asked, answered] = await insertMessages(pool, conversation.id, [question, assistant]);
      return {
        conversation: presentConversation({ ...conversation, updated_at: answered!.created_at }),
        question: presentMessage(asked!),
        answer: presentMessage(answered!),
      };
    },

    async deleteConversation(access: ProjectAccess, user: UserRow, jobId: string, conversationId: string) {
      await getJob(access, jobId);
      await ownConversation(jobId, user, conversationId);
      await deleteConversation(pool, conversationId);
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;
