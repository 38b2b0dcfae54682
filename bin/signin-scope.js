#!/usr/bin/env node
// Runs the built CLI when present (dist/), otherwise the TypeScript source through tsx.
const path = require('node:path');
const fs = require('node:fs');
const built = path.join(__dirname, '..', 'dist', 'main', 'cli.js');
let main;
if (fs.existsSync(built)) ({ main } = require(built));
else {
  require('tsx/cjs');
  ({ main } = require(path.join(__dirname, '..', 'main', 'cli', 'index.ts')));
}
void main(process.argv.slice(2));
