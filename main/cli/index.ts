// signin-scope: the command-line face of the engine (same import pipeline and case files as the app).
import { parseArgs, UsageError } from './args';
import { importCommand, EXIT_UNUSABLE } from './import-command';
import { infoCommand } from './info-command';
import { sqlCommand } from './sql-command';
import { detectCommand } from './detect-command';

const USAGE = `usage:
  signin-scope import FILE... --case OUT.signinscope [--json] [--replace]
  signin-scope info CASE [--json]
  signin-scope sql CASE "SELECT ..." [--json]
  signin-scope detect CASE [--json] [--save]
exit codes: 0 ok, 1 some records rejected, 2 unusable input`;

type Command = (args: ReturnType<typeof parseArgs>, out: (s: string) => void) => Promise<number>;
const COMMANDS: Record<string, Command> = { import: importCommand, info: infoCommand, sql: sqlCommand, detect: detectCommand };

export async function runCli(argv: readonly string[], out: (s: string) => void = (s) => process.stdout.write(`${s}\n`)): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    out(USAGE);
    return name === undefined || name === '--help' ? 0 : EXIT_UNUSABLE;
  }
  try {
    return await command(parseArgs(rest, ['case']), out);
  } catch (e) {
    process.stderr.write(`signin-scope ${name}: ${(e as Error).message}\n`);
    return e instanceof UsageError ? EXIT_UNUSABLE : EXIT_UNUSABLE;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
