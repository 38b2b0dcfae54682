// `npm start`: the desktop app on the embedded demo case. Where the Electron binary is missing
// (it is downloaded by electron's postinstall, which offline machines skip), say so and fall back
// to browser mode so the first README command still shows the app.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildMain, electronBinary, ensureRenderer } from './build.mjs';
import { runServe } from './serve.mjs';

const root = path.resolve(import.meta.dirname, '..');

const args = process.argv.slice(2);
const bin = electronBinary();
if (!bin) {
  console.error(
    [
      '',
      'No Electron binary is available on this machine (node_modules/electron has no downloaded app).',
      'Install it with `npx install-electron` or `npm rebuild electron` on a machine with network access,',
      'or use browser mode, which runs the same workbench in your browser on 127.0.0.1:',
      '',
      '    npm run serve                     # the demo case',
      '    npm run serve -- evidence/*.json  # your own exports',
      '    npm start -- --root DIR --out DIR # read evidence under DIR, write cases and exports to DIR',
      '',
      'Starting browser mode on the demo case now. It may read the folder you started in and writes',
      'only to its output folder (printed below); drop files on the page to import them.',
      '',
    ].join('\n'),
  );
  process.exit(await runServe(args.length ? args : ['--demo']));
}

await ensureRenderer();
await buildMain();
const child = spawn(bin, [root, ...args], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
