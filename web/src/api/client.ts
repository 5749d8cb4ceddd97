import { ErrorBodySchema, type ErrorCode, type FieldError, type Locale } from '@changai/contracts';
import type { z } from 'zod';

/** Failures that never reached a server answer we could read. */
export type ClientErrorCode = 'network_error' | 'bad_response';

/** Every failed API call throws this: the server's stable code, its translated message and field errors. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly reason?: string,
    readonly fields: FieldError[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }

  /** Field errors keyed by form field name (`body.` stripped), for antd `form.setFields`. */
  formFields(): { name: (string | number)[]; errors: string[] }[] {
    return this.fields.map((f) => ({
      name: f.path
        .replace(/^body\.?/, '')
        .split('.')
        .filter(Boolean)
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      errors: [f.message],
    }));
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

type ClientSettings = {
  locale: () => Locale;
  /** Text for failures the server could not describe, in the reader's language. */
  clientMessage: (code: ClientErrorCode) => string;
};

let settings: ClientSettings = {
  locale: () => 'zh-CN',
  clientMessage: (code) => code,
};
let csrfToken: string | undefined;

export function configureApiClient(next: Partial<ClientSettings>) {
  settings = { ...settings, ...next };
}

/** The session's CSRF token, sent back on every write. */
export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Turns a non-2xx answer into an ApiError, trusting only a body that matches the error contract. */
export function errorFromResponse(status: number, text: string): ApiError {
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success) {
    const e = parsed.data.error;
    return new ApiError(status, e.code, e.message, e.reason, e.fields ?? [], e.requestId);
  }
  return new ApiError(status, 'bad_response', settings.clientMessage('bad_response'));
}

type RequestOptions<S extends z.ZodType> = {
  query?: Query;
  body?: unknown;
  schema: S;
  signal?: AbortSignal;
};

export async function request<S extends z.ZodType>(method: string, path: string, options: RequestOptions<S>): Promise<z.output<S>> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-locale': settings.locale() };
  // A FormData body (a file upload) sets its own multipart content type with the boundary.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', settings.clientMessage('network_error'));
  }
  const text = await response.text();
  if (!response.ok) throw errorFromResponse(response.status, text);
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError(response.status, 'bad_response', settings.clientMessage('bad_response'));
  }
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) {
    console.error(`Response of ${method} ${path} does not match its contract`, parsed.error.issues);
    throw new ApiError(response.status, 'bad_response', settings.clientMessage('bad_response'));
  }
  return parsed.data;
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, query?: Query, signal?: AbortSignal) =>
    request('GET', path, { schema, query, signal }),
  post: <S extends z.ZodType>(path: string, schema: S, body?: unknown) => request('POST', path, { schema, body: body ?? {} }),
  patch: <S extends z.ZodType>(path: string, schema: S, body: unknown) => request('PATCH', path, { schema, body }),
  put: <S extends z.ZodType>(path: string, schema: S, body: unknown) => request('PUT', path, { schema, body }),
  delete: <S extends z.ZodType>(path: string, schema: S) => request('DELETE', path, { schema }),
  /** One file as multipart `file`; the CSRF token goes along as on every write. */
  upload: <S extends z.ZodType>(path: string, schema: S, file: Blob, fileName: string) => {
    const form = new FormData();
    form.append('file', file, fileName);
    return request('POST', path, { schema, body: form });
  },
};
