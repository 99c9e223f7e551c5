import type { Command, OptionValues } from 'commander';

/** A string option's value, or undefined when it was not given. */
export function stringOption(options: OptionValues, name: string): string | undefined {
  const value: unknown = options[name];
  return typeof value === 'string' ? value : undefined;
}

/** A boolean flag's value (absent means false). */
export function flagOption(options: OptionValues, name: string): boolean {
  const value: unknown = options[name];
  return value === true;
}

/** The global `--db` and `--office`, wherever on the command line they were given. */
export function databaseOptions(command: Command): { db?: string; office?: string } {
  const all = command.optsWithGlobals();
  const db = stringOption(all, 'db');
  const office = stringOption(all, 'office');
  return { ...(db === undefined ? {} : { db }), ...(office === undefined ? {} : { office }) };
}
