import { describe, expect, it } from 'vitest';
import { readAtMost, streamChunks } from './read-at-most';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('readAtMost', () => {
  it('joins the chunks into one array, up to the cap exactly; a lone chunk as it is; none as empty', async () => {
    const stop = () => expect.unreachable('stopped under the cap');
    expect(await readAtMost([bytes(1, 2), bytes(3), bytes(4, 5)], 5, stop)).toEqual(bytes(1, 2, 3, 4, 5));
    const lone = bytes(7, 8);
    expect(await readAtMost([lone], 2, stop)).toBe(lone);
    expect(await readAtMost([], 0, stop)).toEqual(bytes());
  });

  it('past the cap: stops, answers undefined, and pulls no chunk after the one that passed it', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield bytes(0, 0, 0);
      }
    }
    let stops = 0;
    expect(await readAtMost(endless(), 7, () => stops++)).toBeUndefined();
    expect([pulled, stops]).toEqual([3, 1]);
  });
});

describe('streamChunks', () => {
  it("reads a web stream's chunks, and cancel() cancels the stream: a body over the cap is never read whole", async () => {
    let cancelled: unknown = 'not cancelled';
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(bytes(1, 2, 3, 4));
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    const { chunks, cancel } = streamChunks(stream);
    expect(await readAtMost(chunks, 10, cancel)).toBeUndefined();
    await Promise.resolve();
    expect(cancelled).toBeUndefined();
    expect(pulled).toBeLessThan(6);
  });

  it('reads a whole stream, and no stream as no bytes', async () => {
    const stream = new Response('héllo').body;
    const { chunks, cancel } = streamChunks(stream);
    expect(new TextDecoder().decode(await readAtMost(chunks, 100, cancel))).toBe('héllo');
    const none = streamChunks(null);
    expect(await readAtMost(none.chunks, 0, none.cancel)).toEqual(bytes());
  });
});
