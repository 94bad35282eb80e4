import { z } from 'zod';
import { jobParams } from '../jobs/jobs.schemas.ts';

export const conversationParams = jobParams.extend({
  conversationId: z.uuid({ error: 'Not a conversation id.' }),
});

const timestamp = z.iso.datetime();

export const chartSchema = z
  .object({
    type: z.enum(['bar', 'line', 'histogram', 'scatter']),
    x: z.string().describe('Result column on the x axis'),
    y: z.string().optional().describe('Result column on the y axis'),
    title: z.string(),
  })
  .meta({ id: 'ChatChart', description: 'How to draw the result, when a chart helps' });

export const chatMessageSchema = z
  .object({
    id: z.uuid(),
    role: z.enum(['user', 'assistant']),
    content: z.string().describe('The question, or the answer in words'),
    outcome: z
      .enum(['answered', 'unanswerable', 'refused'])
      .optional()
      .describe(
        'Assistant turns: answered from a query; a question the engine cannot answer yet; or SQL the sandbox refused',
      ),
    sql: z.string().optional().describe('The SQL that ran'),
    result: z
      .object({
        columns: z.array(z.object({ name: z.string(), sqlType: z.string() })),
        rows: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))),
        truncated: z.boolean().describe('More rows matched than are kept'),
      })
      .optional(),
    chart: chartSchema.optional(),
    suggestions: z.array(z.string()).optional().describe('Questions this dataset can answer'),
    engine: z.enum(['built-in', 'model']).optional(),
    createdAt: timestamp,
  })
  .meta({ id: 'ChatMessage' });

export const conversationSchema = z
  .object({ id: z.uuid(), title: z.string(), createdAt: timestamp, updatedAt: timestamp })
  .meta({ id: 'ChatConversation' });

export const conversationDetailSchema = conversationSchema
  .extend({ messages: z.array(chatMessageSchema) })
  .meta({ id: 'ChatConversationDetail' });

export const chatBodySchema = z
  .object({
    question: z
      .string()
      .trim()
      .min(1, 'Ask a question.')
      .max(1000, 'Keep the question under 1,000 characters.'),
    conversationId: z.uuid().optional().describe('Continue this conversation; a new one starts when absent'),
  })
  .meta({ id: 'ChatRequest' });

export const chatReplySchema = z
  .object({
    conversation: conversationSchema,
    question: chatMessageSchema,
    answer: chatMessageSchema,
  })
  .meta({ id: 'ChatReply' });

export const chatIntroSchema = z
  .object({
    engine: z.enum(['built-in', 'model']),
    suggestions: z.array(z.string()).describe('Questions to start with'),
    conversations: z
      .array(conversationSchema)
      .describe('Your conversations about this dataset, latest first'),
  })
  .meta({ id: 'ChatOverview' });
