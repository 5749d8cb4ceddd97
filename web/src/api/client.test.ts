import { OrgSchema } from '@changai/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, buildUrl, configureApiClient, errorFromResponse, setCsrfToken } from './client';

const org = {
  id: '3b164651-c259-4ca1-baee-62c7bcc68bb4',
  code: '420100',
  name: '武汉市',
  kind: 'prefecture',
  parentId: null,
  depth: 1,
  isActive: true,
  childCount: 13,
  createdAt: '2026-11-26T00:27:47.923Z',
  updatedAt: '2026-11-26T00:27:47.923Z',
};

function respond(status: number, body: unknown) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
});

describe('errorFromResponse', () => {
  it('carries the server’s code, reason, translated message and field errors', () => {
    const body = {
      error: {
        code: 'validation_failed',
        reason: 'validation_failed',
        message: '提交的内容有误，请检查标出的字段。',
        fields: [{ path: 'body.name', message: '至少需要 1 个字符' }],
        requestId: 'r1',
      },
    };
    const error = errorFromResponse(400, JSON.stringify(body));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: body.error.message, requestId: 'r1' });
    expect(error.formFields()).toEqual([{ name: ['name'], errors: ['至少需要 1 个字符'] }]);
  });

  it('maps nested field paths onto form names with list indexes', () => {
    const body = { error: { code: 'validation_failed', message: 'x', fields: [{ path: 'body.contacts.0.phone', message: 'bad' }] } };
    expect(errorFromResponse(400, JSON.stringify(body)).formFields()).toEqual([{ name: ['contacts', 0, 'phone'], errors: ['bad'] }]);
  });

  it('reports an unreadable error body as a bad response in the reader’s language', () => {
    configureApiClient({ clientMessage: (code) => `text:${code}` });
    const error = errorFromResponse(502, '<html>Bad gateway</html>');
    expect(error).toMatchObject({ status: 502, code: 'bad_response', message: 'text:bad_response' });
  });
});

describe('request', () => {
  it('parses a response with its contract, turning instants into dates', async () => {
    respond(200, org);
    const result = await api.get('/api/v1/orgs/x', OrgSchema);
    expect(result.createdAt).toBeInstanceOf(Date);
    expect(result.name).toBe('武汉市');
  });

  it('refuses a response that does not match the contract', async () => {
    respond(200, { ...org, kind: 'galaxy' });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(api.get('/api/v1/orgs/x', OrgSchema)).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('sends the CSRF token on writes and the locale on every call', async () => {
    configureApiClient({ locale: () => 'en-US' });
    setCsrfToken('tok');
    const fetchMock = respond(201, org);
    await api.post('/api/v1/orgs', OrgSchema, { name: 'x' });
    const headers = fetchMock.mock.calls[0]?.[1]?.headers as Record<string, string>;
    expect(headers['x-csrf-token']).toBe('tok');
    expect(headers['x-locale']).toBe('en-US');
    await api.get('/api/v1/orgs/x', OrgSchema);
    const getHeaders = fetchMock.mock.calls[1]?.[1]?.headers as Record<string, string>;
    expect(getHeaders['x-csrf-token']).toBeUndefined();
  });

  it('uploads a file as multipart with the CSRF token and no JSON content type', async () => {
    setCsrfToken('tok');
    const fetchMock = respond(201, org);
    await api.upload('/api/v1/imports/workers', OrgSchema, new Blob(['姓名,身份证号\n']), '名单.csv');
    const init = fetchMock.mock.calls[0]?.[1];
    const headers = init?.headers as Record<string, string>;
    expect(headers['x-csrf-token']).toBe('tok');
    expect(headers['content-type']).toBeUndefined();
    const body = init?.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect((body.get('file') as File).name).toBe('名单.csv');
  });

  it('throws a network error when the server cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    configureApiClient({ clientMessage: (code) => `text:${code}` });
    await expect(api.get('/x', OrgSchema)).rejects.toMatchObject({ status: 0, code: 'network_error', message: 'text:network_error' });
  });
});

describe('helpers', () => {
  it('leaves out empty query parameters', () => {
    expect(buildUrl('/api/v1/users', { q: '', role: 'worker', cursor: undefined, includeInactive: null })).toBe(
      '/api/v1/users?role=worker',
    );
  });
});
