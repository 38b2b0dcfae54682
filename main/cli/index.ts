// signin-scope: the command-line face of the engine (same import pipeline and case files as the app).
import { parseArgs } from './args';
import { FILTER_USAGE } from './filter-args';
import { importCommand, EXIT_UNUSABLE } from './import-command';
import { infoCommand } from './info-command';
import { sqlCommand } from './sql-command';
import { detectCommand } from './detect-command';
import { exitAfterFlush, printError, printLine } from './output';

const USAGE = `usage:
  signin-scope import FILE... --case OUT.signinscope [--json] [--replace] [triage filter]
${FILTER_USAGE}
  signin-scope info CASE [--json]
  signin-scope sql CASE "SELECT ..." [--json] [--limit ROWS (1000000)] [--timeout SECONDS (60)]
  signin-scope detect CASE [--json] [--save]
exit codes: 0 ok, 1 some records rejected, 2 unusable input, a refused write, or a query cut by --limit / --timeout
--case never writes over evidence; it replaces an existing SigninScope case only with --replace`;

type Command = (args: ReturnType<typeof parseArgs>, out: (s: string) => void) => Promise<number>;
const COMMANDS: Record<string, Command> = { import: importCommand, info: infoCommand, sql: sqlCommand, detect: detectCommand };

export async function runCli(argv: readonly string[], out: (s: string) => void = printLine): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    out(USAGE);
    return name === undefined || name === '--help' ? 0 : EXIT_UNUSABLE;
  }
  try {
    return await command(parseArgs(rest, ['case', 'limit', 'timeout']), out);
  } catch (e) {
    printError(`signin-scope ${name}: ${(e as Error).message}`);
    return EXIT_UNUSABLE; // a usage error or a failure: nothing usable was produced
  }
}

/** The `signin-scope` executable: runs the command, then exits only once its output is flushed. */
export async function main(argv: readonly string[]): Promise<never> {
  process.stdout.on('error', () => process.exit(process.exitCode ?? 0)); // the reader went away (`| head`)
  return exitAfterFlush(await runCli(argv));
}

if (require.main === module) void main(process.argv.slice(2));
