import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import { addSharedOptions } from '../shared.js';

/** `govern rules`: every rule with its default severity and what it checks. */
export function rulesCommand(io: Io, done: (code: number) => void): Command {
  // The shared options are accepted, as on every command; none changes the list.
  return addSharedOptions(
    new Command('rules')
      .description('list every rule with its default severity and a one-line description')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table')),
  )
    .action(async (flags: { format: string }) => {
      const { allRules } = await import('../../rules/index.js');
      const { ruleUrl } = await import('../../formatters/types.js');
      if (flags.format === 'json') {
        io.stdout.write(`${JSON.stringify(allRules.map((r) => ({ id: r.id, severity: r.severity, description: r.description, helpUri: ruleUrl(r.id) })), null, 2)}\n`);
      } else {
        const width = Math.max(...allRules.map((r) => r.id.length));
        const lines = [...allRules]
          .sort((a, b) => (a.id < b.id ? -1 : 1))
          .map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}`);
        io.stdout.write(`${'rule'.padEnd(width)}  default  checks that\n${lines.join('\n')}\n\nChange a severity in govern.config.yaml (rules: { <id>: off|warning|error }) or with --rule <id>=<severity>.\n`);
      }
      done(0);
    });
}
