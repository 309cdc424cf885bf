#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` through the `prepare` script).
import { main } from '../dist/src/app/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`protocol-bot: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
