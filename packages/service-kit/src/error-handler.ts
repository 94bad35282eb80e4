import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorBody, type ErrorCode, formatIssuePath } from './errors.ts';

function body(code: ErrorCode, message: string, details?: ErrorBody['error']['details']): ErrorBody {
  return { error: details ? { code, message, details } : { code, message } };
}

const statusCodes: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  416: 'range_not_satisfiable',
  422: 'unprocessable',
  429: 'rate_limited',
};

/**
 * One error handler for a whole service: every failure leaves as `{ error: { code, message, details? } }`.
 * Server faults are logged with the request id and answered without internals.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      if (err.retryAfter !== undefined) void reply.header('retry-after', String(Math.ceil(err.retryAfter)));
      if (err.status >= 500) request.log.error({ err }, 'request failed');
      return reply.code(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const details = err.validation.map((issue) => {
        const path = formatIssuePath(issue.instancePath.split('/').filter(Boolean).map(toPathPart));
        return { path: path || where, message: issue.message ?? 'is invalid' };
      });
      return reply.code(400).send(body('validation_failed', `The request ${where} is invalid.`, details));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
      return reply.code(500).send(body('internal', 'Something went wrong on our side. Please try again.'));
    }
    const status = err.statusCode ?? 500;
    const code = statusCodes[status];
    if (status < 500 && code) {
      return reply.code(status).send(body(code, clientMessage(err)));
    }
    request.log.error({ err }, 'request failed');
    return reply.code(500).send(body('internal', 'Something went wrong on our side. Please try again.'));
  });

  app.setNotFoundHandler((request, reply) => {
    return reply
      .code(404)
      .send(body('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
  });
}

function toPathPart(part: string): string | number {
  return /^\d+$/.test(part) ? Number(part) : part;
}

// Fastify's own 4xx messages are safe and useful ("Body is not valid JSON…"), but drop its code prefix.
function clientMessage(err: FastifyError): string {
  return err.message.replace(/^FST_[A-Z_]+:\s*/, '');
}
