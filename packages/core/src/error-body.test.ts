import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { errorBody } from './error-body';

const openapiDocument = parse(
  readFileSync(new URL('../../../spec/realtimekit-meetings.openapi.yaml', import.meta.url), 'utf8'),
) as unknown;

describe('errorBody', () => {
  it("is the spec's error envelope, every required field set", () => {
    const schema = (openapiDocument as { components: { schemas: Record<string, { required?: string[] }> } }).components
      .schemas.realtimekit_GenericErrorResponse;
    const body = errorBody(404, 'No meeting found');
    expect(body).toEqual({ success: false, error: { code: 404, message: 'No meeting found' } });
    for (const field of schema?.required ?? []) expect(body).toHaveProperty(field);
  });
});
