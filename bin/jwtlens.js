#!/usr/bin/env node
// `jwtlens` / `npx jwtlens`: see js/cli/main.js and README.md ("Command line").
import { main } from '../js/cli/main.js';

// A reader that goes away (`jwtlens --lines < log | head`) ends the run quietly instead of with a stack trace.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});
const { stdin, stdout, stderr, env } = process;
process.exitCode = await main(process.argv.slice(2), { stdin, stdout, stderr, env });
