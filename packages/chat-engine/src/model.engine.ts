import { parseModelReply, replyToPlan, systemPrompt } from './model-prompt.ts';
import { suggestQuestions } from './question-suggestions.ts';
import type { ChatEngine, ChatTurn } from './types.ts';

export type ModelEngineOptions = {
  baseUrl: string;
  apiKey: string;
  model: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

/** Why the model could not plan a question; the message is safe to show (it never holds the key). */
export class ModelEngineError extends Error {
  constructor(
    readonly reason: 'timeout' | 'unreachable' | 'http' | 'invalid-reply',
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ModelEngineError';
  }
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_HISTORY_TURNS = 12;

function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join('[redacted]') : text;
}

function toMessages(history: ChatTurn[]): Array<{ role: 'user' | 'assistant'; content: string }> {
  return history.slice(-MAX_HISTORY_TURNS).map((t) => ({
    role: t.role,
    content: t.role === 'assistant' && t.sql ? `${t.content}\n\nSQL:\n${t.sql}` : t.content,
  }));
}

/** An engine backed by an OpenAI-compatible chat completions API. */
export function createModelEngine(options: ModelEngineOptions): ChatEngine {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  return {
    name: 'model',
    async plan(question, dataset, history) {
      const body = {
        model: options.model,
        temperature: 0,
        messages: [
          { role: 'system', content: systemPrompt(dataset) },
          ...toMessages(history),
          { role: 'user', content: question },
        ],
      };
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        const name = e instanceof Error ? e.name : '';
        if (name === 'TimeoutError' || name === 'AbortError')
          throw new ModelEngineError(
            'timeout',
            `the model did not answer within ${Math.round(timeoutMs / 100) / 10} s`,
          );
        const detail =
          e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
        throw new ModelEngineError(
          'unreachable',
          `the model API is unreachable: ${redact(detail, options.apiKey)}`,
        );
      }
      let text: string;
      try {
        text = await response.text();
      } catch (e) {
        const name = e instanceof Error ? e.name : '';
        if (name === 'TimeoutError' || name === 'AbortError')
          throw new ModelEngineError(
            'timeout',
            `the model did not answer within ${Math.round(timeoutMs / 100) / 10} s`,
          );
        throw new ModelEngineError('unreachable', 'the model API closed the connection');
      }
      if (!response.ok) {
        const hint =
          response.status === 401 || response.status === 403
            ? 'the API key was refused'
            : response.status === 404
              ? 'the model or endpoint was not found'
              : response.status === 429
                ? 'the model API is rate limiting'
                : 'the model API failed';
        const detail = redact(text.replace(/\s+/g, ' ').trim(), options.apiKey).slice(0, 200);
        throw new ModelEngineError(
          'http',
          `${hint} (HTTP ${response.status})${detail ? `: ${detail}` : ''}`,
          response.status,
        );
      }
      let content: unknown;
      try {
        const json = JSON.parse(text) as { choices?: Array<{ message?: { content?: unknown } }> };
        content = json.choices?.[0]?.message?.content;
      } catch {
        throw new ModelEngineError('invalid-reply', 'the model API answered with something that is not JSON');
      }
      if (typeof content !== 'string')
        throw new ModelEngineError('invalid-reply', 'the model API answered without a message');
      const reply = parseModelReply(content);
      if (reply.kind === 'invalid') throw new ModelEngineError('invalid-reply', reply.reason);
      return replyToPlan(reply, reply.kind === 'unanswerable' ? suggestQuestions(dataset, 3) : []);
    },
  };
}
