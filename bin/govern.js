#!/usr/bin/env node
// A shim: answer --version before loading anything, else hand over to run(io).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const { run, nodeIo } = await import('../dist/cli/entry.js');
  process.exitCode = await run(nodeIo());
}
