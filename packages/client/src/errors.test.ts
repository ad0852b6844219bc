import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { describeErrorBody, RealtimeKitError } from './errors';

describe('describeErrorBody', () => {
  it('reads the RealtimeKit error body', () => {
    expect(describeErrorBody({ success: false, error: { code: 404, message: 'Meeting not found' } })).toEqual({
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
    expect(describeErrorBody(body)).toMatchObject({ message: 'Authentication error', code: 10000 });
  });

  it('reads problem+json (what Prism answers when the spec declares no error response)', () => {
    expect(describeErrorBody({ title: 'Invalid request', detail: 'body is invalid', status: 422 }).message).toBe(
      'body is invalid',
    );
  });

  it('turns an HTML page into a short one-line excerpt, never a parse error', () => {
    const html = `<html>\n<head><title>502 Bad Gateway</title></head>\n<body>${'x'.repeat(1000)}</body></html>`;
    const { message, body } = describeErrorBody(html);
    expect(message?.startsWith('the answer is not JSON: <html> <head><title>502 Bad Gateway</title></head>')).toBe(
      true,
    );
    expect((body as string).length).toBe(200);
  });

  it('says when the body is empty', () => {
    expect(describeErrorBody(undefined)).toEqual({ message: 'the answer is empty', body: undefined });
    expect(describeErrorBody('').message).toBe('the answer is empty');
    expect(describeErrorBody(' \n\t ')).toEqual({ message: 'the answer is empty', body: undefined });
  });

  it('folds every run of white space in a text body into one space', () => {
    expect(describeErrorBody('\n  Bad \n\n gateway\n')).toEqual({
      message: 'the answer is not JSON: Bad gateway',
      body: 'Bad gateway',
    });
  });

  it('gives no message when a JSON body has none, so the caller can say which kind of answer it was', () => {
    expect(describeErrorBody({ success: false }).message).toBeUndefined();
  });
});

describe('RealtimeKitError', () => {
  it('is an Error with kind and only the details it was given', () => {
    const error = new RealtimeKitError('http', 'Nope', { status: 404, operationId: 'get_meeting' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RealtimeKitError');
    expect(error).toMatchObject({
      kind: 'http',
      status: 404,
      operationId: 'get_meeting',
      message: '404 get_meeting: Nope',
    });
    expect(Object.keys(error).sort()).toEqual(['kind', 'name', 'operationId', 'status']);
    expect(String(error)).toBe('RealtimeKitError: 404 get_meeting: Nope');
    expect(inspect(error)).not.toContain('undefined');
  });
});
