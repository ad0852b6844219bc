import { parseArgs } from 'node:util';

type Options = Record<string, { type: 'string' | 'boolean' }>;
type Values<T extends Options> = { [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string };

/**
 * Parses argv with node:util's strict parser. Unknown flags, missing values and `--help` print the usage and
 * exit (2 for a mistake, 0 for help), so a typo never runs with defaults. With `positionals`, the arguments that are
 * not flags come back in `positionals`; without, one is a mistake.
 */
export function parseCli<T extends Options>(
  usage: string,
  options: T,
  argv = process.argv.slice(2),
  positionals = false,
): Values<T> & { positionals: string[] } {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: positionals,
    });
  } catch (error) {
    return usageError(usage, (error as Error).message);
  }
  if (parsed.values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return { ...(parsed.values as Values<T>), positionals: parsed.positionals };
}

export function usageError(usage: string, message: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}
