/** A name without case or separators: `GetSessionParticipants`, `get-session_participants` and `getsessionparticipants` meet. */
const normal = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Levenshtein distance: insertions, deletions and substitutions, one row at a time (names are short). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The known name `name` was probably meant to be, for a did-you-mean: the same but for case and separators
 * (`presetName` → `preset_name`, `getMeeting` → `get_meeting`), else the nearest within one edit per four characters
 * (`alow` → `allow`, `get_meting` → `get_meeting`); none when none is. The proxy's options and `allow`, the client's
 * `request(operationId)` and the fake's refusals name their fix with it.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const wanted = normal(name);
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(wanted.length / 4)) + 1;
  for (const candidate of known) {
    const d = distance(wanted, normal(candidate));
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}
