import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { describeErrorBody, RealtimeKitError } from './errors';

describe('describeErrorBody', () => {
  it('reads the RealtimeKit error body', () => {
    expect(describeErrorBody({ success: false, error: { code: 404, message: 'Meeting not found' } }, 404)).toEqual({
      message: 'Meeting not found',
      code: 404,
      body: { success: false, error: { code: 404, message: 'Meeting not found' } },
    });
  });

  it('reads the Cloudflare v4 envelope', () => {
    const body = {
      success: false,
      errors: [{ code: 10000, message: 'Authentication error' }],
      messages: [],
      result: null,
    };
    expect(describeErrorBody(body, 403)).toMatchObject({ message: 'Authentication error', code: 10000 });
  });

  it('reads problem+json (what Prism answers when the spec declares no error response)', () => {
    expect(describeErrorBody({ title: 'Invalid request', detail: 'body is invalid', status: 422 }, 422).message).toBe(
      'body is invalid',
    );
  });

  it('turns an HTML page into a short one-line excerpt, never a parse error', () => {
    const html = `<html>\n<head><title>502 Bad Gateway</title></head>\n<body>${'x'.repeat(1000)}</body></html>`;
    const { message, body } = describeErrorBody(html, 502);
    expect(message.startsWith('HTTP 502: <html> <head><title>502 Bad Gateway</title></head>')).toBe(true);
    expect((body as string).length).toBe(200);
  });

  it('says when the body is empty', () => {
    expect(describeErrorBody(undefined, 502)).toEqual({ message: 'HTTP 502 with an empty body', body: undefined });
    expect(describeErrorBody('', 503).message).toBe('HTTP 503 with an empty body');
  });

  it('falls back to the status when a JSON body has no message', () => {
    expect(describeErrorBody({ success: false }, 500).message).toBe('HTTP 500');
  });
});

describe('RealtimeKitError', () => {
  it('is an Error with kind and only the details it was given', () => {
    const error = new RealtimeKitError('http', 'Nope', { status: 404, operationId: 'get_meeting' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RealtimeKitError');
    expect(error).toMatchObject({ kind: 'http', status: 404, operationId: 'get_meeting', message: 'Nope' });
    expect(Object.keys(error).sort()).toEqual(['kind', 'name', 'operationId', 'status']);
    expect(String(error)).toBe('RealtimeKitError: Nope');
    expect(inspect(error)).not.toContain('undefined');
  });
});
