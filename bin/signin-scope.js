#!/usr/bin/env node
// Runs the built CLI when present (dist/), otherwise the TypeScript source through tsx.
const path = require('node:path');
const fs = require('node:fs');
const built = path.join(__dirname, '..', 'dist', 'main', 'cli.js');
let runCli;
if (fs.existsSync(built)) ({ runCli } = require(built));
else {
  require('tsx/cjs');
  ({ runCli } = require(path.join(__dirname, '..', 'main', 'cli', 'index.ts')));
}
runCli(process.argv.slice(2)).then((code) => process.exit(code));
