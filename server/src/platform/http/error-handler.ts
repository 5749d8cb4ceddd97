import type { ErrorBody, ErrorCode, FieldError, Locale } from '@changai/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { hasMessage, pickLocale, translate } from './messages.js';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_locked: 429,
  too_many_requests: 429,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule_violation: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
};

const zodLocales = { 'zh-CN': z.locales.zhCN(), 'en-US': z.locales.en() };

type IssueLike = { code: string; message: string; [key: string]: unknown };

/** A zod issue in the reader's language: our own message keys first, then zod's locale. */
export function translateIssue(issue: IssueLike, locale: Locale): string {
  if (hasMessage(issue.message)) return translate(issue.message, locale);
  const text = zodLocales[locale].localeError(issue as never);
  if (typeof text === 'string') return text;
  return text?.message ?? issue.message;
}

export function localeOf(request: FastifyRequest): Locale {
  const x = request.headers['x-locale'];
  return pickLocale(Array.isArray(x) ? x[0] : x, request.headers['accept-language']);
}

/** A field message is a message key, optionally with parameters as a query (`key?max=500`), or plain text. */
function fieldMessage(message: string, locale: Locale): string {
  const [key = message, query] = message.split('?', 2);
  if (!hasMessage(key)) return message;
  return translate(key, locale, Object.fromEntries(new URLSearchParams(query ?? '')));
}

export function errorBody(
  request: FastifyRequest,
  code: ErrorCode,
  reason: string,
  params: Record<string, string | number> = {},
  fields?: FieldError[],
): ErrorBody {
  const locale = localeOf(request);
  return {
    error: {
      code,
      ...(reason !== code ? { reason } : {}),
      message: translate(reason, locale, params),
      ...(fields?.length ? { fields: fields.map((f) => ({ path: f.path, message: fieldMessage(f.message, locale) })) } : {}),
      requestId: request.id,
    },
  };
}

function fromFastifyError(
  error: FastifyError,
  request: FastifyRequest,
): { code: ErrorCode; reason: string; fields?: FieldError[] } | undefined {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const locale = localeOf(request);
    const prefix = error.validationContext ?? 'body';
    const fields = error.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const issue = { code: v.keyword, message: v.message ?? '', ...(v.params as object) };
      return { path: path ? `${prefix}.${path}` : prefix, message: translateIssue(issue, locale) };
    });
    return { code: 'validation_failed', reason: 'validation_failed', fields };
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return { code: 'payload_too_large', reason: 'payload_too_large' };
  if (status === 415) return { code: 'unsupported_media_type', reason: 'unsupported_media_type' };
  if (status === 429) return { code: 'too_many_requests', reason: 'too_many_requests' };
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return { code: 'validation_failed', reason: 'invalid_json' };
  }
  if (status >= 400 && status < 500) return { code: 'validation_failed', reason: 'validation_failed' };
  return undefined;
}

/** The one place errors become HTTP responses. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    const body = errorBody(request, error.code, error.reason, error.params, error.fields);
    if (error.code === 'account_locked') reply.header('retry-after', String(Number(error.params.minutes ?? 1) * 60));
    return reply.status(STATUS[error.code]).send(body);
  }
  const mapped = fromFastifyError(error, request);
  if (mapped) {
    return reply.status(STATUS[mapped.code]).send(errorBody(request, mapped.code, mapped.reason, {}, mapped.fields));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(errorBody(request, 'internal', 'internal'));
}
