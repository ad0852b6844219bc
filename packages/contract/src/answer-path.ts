/**
 * The first non-empty string at `where` in an answer (`data.participants[].peer_events[].peer_id`, a case's `finds`),
 * through every item of each list on the way (`[]`; `[][]` for a list of lists); undefined when there is none. Only
 * the answer's own properties are read.
 */
export function stringAt(body: unknown, where: string): string | undefined {
  let values: unknown[] = [body];
  for (const segment of where.split('.')) {
    const name = segment.replace(/(\[\])+$/, '');
    if (name !== '') {
      values = values.map((value) =>
        value !== null && typeof value === 'object' && Object.hasOwn(value, name)
          ? (value as Record<string, unknown>)[name]
          : undefined,
      );
    }
    for (let lists = (segment.length - name.length) / 2; lists > 0; lists--) {
      values = values.flatMap((value) => (Array.isArray(value) ? value : []));
    }
  }
  return values.find((value): value is string => typeof value === 'string' && value !== '');
}
