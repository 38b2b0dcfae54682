// Minimal argument parsing for the CLI: positional arguments plus --flag and --key value options.
export interface ParsedArgs {
  positional: string[];
  flags: Set<string>;
  /** The last value of each option. */
  options: Map<string, string>;
  /** Every value of each option, in order (`--user a --user b`). */
  lists: Map<string, string[]>;
}

/** The triage filter's options (`import --user ... --ip ...`): they take a value wherever they appear. */
export const FILTER_OPTIONS = ['user', 'user-file', 'ip', 'from', 'to', 'app'] as const;

export function parseArgs(argv: readonly string[], valueOptions: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: new Set(), options: new Map(), lists: new Map() };
  const takesValue = new Set<string>([...valueOptions, ...FILTER_OPTIONS]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (takesValue.has(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        out.options.set(name, value);
        out.lists.set(name, [...(out.lists.get(name) ?? []), value]);
      } else out.flags.add(name);
    } else out.positional.push(a);
  }
  return out;
}

export class UsageError extends Error {}
