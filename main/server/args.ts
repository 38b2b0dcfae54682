// Command line of browser mode: `serve [options] [evidence files | folders | case.signinscope]`.
export interface ServeArgs {
  paths: string[];
  roots: string[];
  /** Where cases, exports and reports may be written (created when missing). */
  out: string | null;
  port: number;
  demo: boolean;
  /** Start on an empty case even without files (pick evidence in the app). */
  empty: boolean;
  open: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run serve -- [options] [evidence files | folders | case.signinscope]

Starts SigninScope in browser mode on 127.0.0.1 and prints a one-time link.
Without files it opens the embedded demo case.

What the page may touch:
  read   the folders given with --root and the files and folders named as arguments; with
         neither, the folder you started in (files and folders whose names start with a dot never)
  write  only the output folder: --out DIR, or ./signinscope-output in the folder you started in
         (created when missing). Evidence is never written, whatever the folder.

Options:
  --root DIR     share DIR for reading in the in-app file picker (repeatable)
  --out DIR      write cases, exports, reports and copies of dropped files into DIR
  --port N       listen on port N (default: a free port)
  --demo         open the demo case (default when no file is given)
  --empty        start on an empty case instead of the demo
  --no-open      do not launch the system browser
  -h, --help     show this help`;

export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const out: ServeArgs = { paths: [], roots: [], out: null, port: 0, demo: false, empty: false, open: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--root') out.roots.push(value());
    else if (a === '--out') out.out = value();
    else if (a === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be 0..65535');
      out.port = port;
    } else if (a === '--demo') out.demo = true;
    else if (a === '--empty') out.empty = true;
    else if (a === '--no-open') out.open = false;
    else if (a === '-h' || a === '--help') out.help = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else out.paths.push(a);
  }
  if (out.paths.length === 0 && !out.empty) out.demo = true;
  return out;
}
