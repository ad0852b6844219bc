/**
 * The fake's source of IDs and tokens: a seeded generator (mulberry32), so that a run with the same seed and clock
 * answers with the same IDs, tokens and timestamps every time. Not for secrets: these tokens open nothing.
 */
export interface Random {
  /** A version-4 UUID (the format the spec declares for meeting and participant IDs). */
  uuid(): string;
  /** A join token: 48 URL-safe characters. */
  token(): string;
}

const HEX = '0123456789abcdef';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (alphabet: string, length: number) =>
    Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  return {
    uuid() {
      const hex = pick(HEX, 32).split('');
      hex[12] = '4';
      hex[16] = HEX[8 + Math.floor(next() * 4)] as string;
      const s = hex.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
    token: () => pick(URL_SAFE, 48),
  };
}

/** A seed for runs that did not ask for one. */
export const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0] as number;
