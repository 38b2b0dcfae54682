// `import --user U --user-file F --ip CIDR --from T --to T --app A`: the triage filter from the command line.
import { messageOf } from '../../shared/errors';
import { activeFilter, ImportFilter } from '../../shared/model/import-filter';
import { openRegularFile } from '../import/evidence';
import { UsageError, type ParsedArgs } from './args';

/** 100,000 users (the filter's cap) of up to 256 characters each, with room for comments. */
const MAX_USER_FILE_BYTES = 64 * 1024 * 1024;

export const FILTER_USAGE = `  triage (keep only matching sign-ins; AND across kinds, OR within one): --user UPN|ID (repeatable) --user-file FILE (one a line)
    --ip ADDRESS|CIDR (repeatable, v4/v6) --from ISO --to ISO (inclusive) --app NAME|ID (repeatable)`;

/** The filter the options ask for, undefined when none is given. */
export async function importFilterOf(args: ParsedArgs): Promise<ImportFilter | undefined> {
  const list = (name: string) => args.lists.get(name) ?? [];
  const fromFiles: string[] = [];
  for (const file of list('user-file')) fromFiles.push(...(await usersOf(file)));
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

/** One user a line; '#' starts a comment. Only a regular file (a FIFO would block), and a bounded one. */
async function usersOf(file: string): Promise<string[]> {
  try {
    const handle = await openRegularFile(file);
    try {
      const { size } = await handle.stat();
      if (size > MAX_USER_FILE_BYTES) throw new Error(`${size.toLocaleString('en')} bytes, more than a user list needs (at most ${MAX_USER_FILE_BYTES.toLocaleString('en')})`);
      return (await handle.readFile('utf8'))
        .split(/\r?\n/)
        .map((l) => l.replace(/^\uFEFF/, '').trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw new UsageError(`--user-file ${file}: ${messageOf(e)}`);
  }
}
