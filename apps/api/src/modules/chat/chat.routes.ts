import { errorResponses, type ZodServer } from '@synoptic/service-kit';
import { z } from 'zod';
import { requireAuth } from '../auth/authenticate.ts';
import { jobParams } from '../jobs/jobs.schemas.ts';
import { projectAccessOf } from '../projects/project-access.ts';
import {
  chatBodySchema,
  chatIntroSchema,
  chatReplySchema,
  conversationDetailSchema,
  conversationParams,
} from './chat.schemas.ts';
import type { ChatService } from './chat.service.ts';

export function registerChatRoutes(app: ZodServer, deps: { chat: ChatService }) {
  const { chat } = deps;
  const tags = ['chat'];
  const base = '/api/projects/:projectId/jobs/:jobId';

  app.get(
    `${base}/chat`,
    {
      config: { projectAction: 'data.chat' },
      schema: {
        tags,
        operationId: 'getChatOverview',
        summary: 'Which engine answers, questions to start with, and your conversations about this dataset',
        params: jobParams,
        response: { 200: chatIntroSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) =>
      chat.overview(projectAccessOf(request), requireAuth(request).user, request.params.jobId),
  );

  app.post(
    `${base}/chat`,
    {
      config: { projectAction: 'data.chat' },
      schema: {
        tags,
        operationId: 'askDataset',
        summary: 'Ask a question about a completed job’s output (viewer and up)',
        description:
          'Answers with words grounded in the result of one read-only query over this dataset, the SQL, the ' +
          'rows (at most 200) and a chart when one helps. A question the engine cannot answer, or SQL the ' +
          'sandbox refuses, still answers 200 with an `outcome` that says so and suggested questions.',
        params: jobParams,
        body: chatBodySchema,
        response: { 200: chatReplySchema, ...errorResponses(400, 401, 404, 409, 429, 503) },
      },
    },
    async (request) =>
      chat.ask(projectAccessOf(request), requireAuth(request).user, request.params.jobId, request.body),
  );

  app.get(
    `${base}/chat/conversations/:conversationId`,
    {
      config: { projectAction: 'data.chat' },
      schema: {
        tags,
        operationId: 'getConversation',
        summary: 'One of your conversations with all its turns',
        params: conversationParams,
        response: { 200: conversationDetailSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      chat.conversation(
        projectAccessOf(request),
        requireAuth(request).user,
        request.params.jobId,
        request.params.conversationId,
      ),
  );

  app.delete(
    `${base}/chat/conversations/:conversationId`,
    {
      config: { projectAction: 'data.chat' },
      schema: {
        tags,
        operationId: 'deleteConversation',
        summary: 'Delete one of your conversations',
        params: conversationParams,
        response: { 204: z.undefined(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await chat.deleteConversation(
        projectAccessOf(request),
        requireAuth(request).user,
        request.params.jobId,
        request.params.conversationId,
      );
      return reply.code(204).send();
    },
  );
}
