import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import { addSharedOptions } from '../shared.js';

/**
 * `govern rules [path]`: every rule with the severity it has for that folder and what it checks. Where the
 * nearest `govern.config.yaml` (or `--rule`) changes a severity, the effective one is shown, with where it
 * comes from and the default.
 */
export function rulesCommand(io: Io, done: (code: number) => void): Command {
  // The shared options are accepted, as on every command; none changes the list.
  return addSharedOptions(
    new Command('rules')
      .description('list every rule with its severity (the default, or what govern.config.yaml makes it) and a one-line description')
      .argument('[path]', 'the folder whose govern.config.yaml applies', '.')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
      .option('--rule <id=severity>', 'change a rule for this run, as check does (repeatable)', (value: string, previous: string[] = []) => [...previous, value]),
  ).action(async (where: string, flags: { format: string; rule?: string[] }) => {
    const [{ allRules }, { ruleUrl }, { readNearestConfig, displayPath }, { resolveConfig }, { resolve }] = await Promise.all([
      import('../../rules/index.js'),
      import('../../formatters/types.js'),
      import('../../io/read-tree.js'),
      import('../../config/resolve-config.js'),
      import('node:path'),
    ]);
    // The same reader, and so the same file-access policy, as check: a config linked out of its folder is refused.
    const config = readNearestConfig(resolve(io.cwd, where), (abs) => displayPath(io.cwd, abs))?.config;
    const fromFile = resolveConfig(config).severities;
    const effective = resolveConfig(config, flags.rule ?? []).severities;
    const rows = allRules.map((r) => {
      const setting = effective[r.id];
      const source = setting === undefined || setting === r.severity ? 'default' : fromFile[r.id] === setting ? config!.path : '--rule';
      return { id: r.id, severity: setting ?? r.severity, defaultSeverity: r.severity, source, description: r.description, helpUri: ruleUrl(r.id) };
    });
    if (flags.format === 'json') {
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    } else {
      const width = Math.max(...rows.map((r) => r.id.length));
      const changed = rows.filter((r) => r.source !== 'default');
      const head = changed.length === 0 ? 'default' : 'severity';
      const lines = [...rows]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map(
          (r) =>
            `${r.id.padEnd(width)}  ${r.severity.padEnd(head.length)}  ${r.description}${r.source === 'default' ? '' : `  (${r.source}; default ${r.defaultSeverity})`}`,
        );
      const where = config
        ? `${changed.length} ${changed.length === 1 ? 'severity is' : 'severities are'} changed here (${config.path}${flags.rule?.length ? ', --rule' : ''}); the others are the defaults.`
        : `No govern.config.yaml applies here${flags.rule?.length ? ` (--rule changes ${changed.length})` : ''}: ${changed.length === 0 ? 'these are the defaults' : 'the others are the defaults'}.`;
      io.stdout.write(
        `${'rule'.padEnd(width)}  ${head}  checks that\n${lines.join('\n')}\n\n${where}\nChange a severity in govern.config.yaml (rules: { <id>: off|warning|error }) or with --rule <id>=<severity>.\n`,
      );
    }
    done(0);
  });
}
