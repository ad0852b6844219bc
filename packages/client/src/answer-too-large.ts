/**
 * An answer whose body, decoded, is larger than the client takes (`maxResponseBytes`): the rest is not read, and the
 * call fails as `invalid_response` instead of holding (or inflating) it all in memory.
 */
export class AnswerTooLarge extends Error {
  override name = 'AnswerTooLarge';
  constructor(readonly limit: number) {
    super(`the answer is larger than ${limit} bytes`);
  }
}
