// `import --user U --user-file F --ip CIDR --from T --to T --app A`: the triage filter from the command line.
import { readFileSync } from 'node:fs';
import { activeFilter, ImportFilter } from '../../shared/model/import-filter';
import { UsageError, type ParsedArgs } from './args';

export const FILTER_USAGE = `  triage (keep only matching sign-ins; AND across kinds, OR within one): --user UPN|ID (repeatable) --user-file FILE (one a line)
    --ip ADDRESS|CIDR (repeatable, v4/v6) --from ISO --to ISO (inclusive) --app NAME|ID (repeatable)`;

/** The filter the options ask for, undefined when none is given. */
export function importFilterOf(args: ParsedArgs): ImportFilter | undefined {
  const list = (name: string) => args.lists.get(name) ?? [];
  const fromFiles = list('user-file').flatMap((file) => {
    try {
      return readFileSync(file, 'utf8')
        .split(/\r?\n/)
        .map((l) => l.replace(/^\uFEFF/, '').trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
    } catch (e) {
      throw new UsageError(`--user-file ${file}: ${(e as Error).message}`);
    }
  });
  const parsed = ImportFilter.safeParse({
    users: [...list('user'), ...fromFiles],
    ips: list('ip'),
    apps: list('app'),
    from: args.options.get('from'),
    to: args.options.get('to'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`triage filter: ${issue.path.length ? `--${String(issue.path[0]).replace(/s$/, '')}` : ''} ${issue.message}`.replace(/\s+/g, ' '));
  }
  return activeFilter(parsed.data);
}
