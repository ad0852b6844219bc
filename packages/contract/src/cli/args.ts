import { parseArgs } from 'node:util';

type Options = Record<string, { type: 'string' | 'boolean'; multiple?: true }>;
type Values<T extends Options> = {
  [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : T[K]['multiple'] extends true ? string[] : string;
};

/**
 * Parses argv with node:util's strict parser. Unknown flags, missing values and `--help` print the usage and
 * exit (2 for a mistake, 0 for help), so a typo never runs with defaults.
 */
export function parseCli<T extends Options>(usage: string, options: T, argv = process.argv.slice(2)): Values<T> {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean' } }, strict: true }));
  } catch (error) {
    return usageError(usage, (error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return values as Values<T>;
}

export function usageError(usage: string, message: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}
