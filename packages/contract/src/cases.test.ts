import { describe, expect, it } from 'vitest';
import { contractCases, invalidCases } from './cases';

describe('contract cases', () => {
  it('send no URL that reaches anyone: each points at a host that never resolves', () => {
    const urls = JSON.stringify([contractCases, invalidCases]).match(/[a-z][a-z0-9+.-]*:\/\/[^"]*/gi) ?? [];
    // a webhook's URL and a participant's picture, at least
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => new URL(url).hostname !== 'realtimekit-contract.invalid')).toEqual([]);
  });
});
