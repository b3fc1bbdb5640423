import type { SeveritySetting } from '../model/diagnostic.js';
import { ConfigError, UsageError } from '../model/errors.js';
import { isObject, isString } from '../model/guards.js';
import type { SourceFile } from '../model/source.js';
import { allRules } from '../rules/index.js';
import { didYouMean } from '../text/suggest.js';
import { describeSchemaErrors } from '../schema/messages.js';
import { validators } from '../schema/validators.js';

/** The settings a run uses, after the config file and the command line are merged. */
export interface ResolvedConfig {
  severities: Record<string, SeveritySetting>;
  /** The templates folder as written in the config, relative to the config's folder. */
  templates?: string;
}

const SETTINGS = new Set(['off', 'warning', 'error']);

/** The findings of a file that was not read at all: nothing of it is quoted, so its one line says all. */
const UNREAD = new Set(['file/symlink-outside', 'file/unreadable', 'file/too-large', 'file/not-text', 'file/encoding']);

/**
 * Throws when govern.config.yaml was not read at all (a refused link, unreadable, too large, not text):
 * one line, the file and why. Every command that reads partnerships asks this as soon as the config is
 * read, so none goes on as if there were no config, nor writes before stopping.
 */
export function refuseUnreadConfig(config: SourceFile): void {
  const unread = config.problems.length === 1 && UNREAD.has(config.problems[0]!.ruleId) ? config.problems[0] : undefined;
  if (unread) throw new ConfigError(`${config.path}:${unread.range.start.line}:${unread.range.start.column} ${unread.message}`);
}

/** Validates govern.config.yaml and merges `--rule id=severity` over it; throws ConfigError or UsageError. */
export function resolveConfig(config: SourceFile | undefined, ruleFlags: readonly string[] = []): ResolvedConfig {
  const severities: Record<string, SeveritySetting> = {};
  let templates: string | undefined;
  if (config) {
    refuseUnreadConfig(config);
    const problems: string[] = [];
    for (const p of config.problems) problems.push(`${config.path}:${p.range.start.line}:${p.range.start.column} ${p.message}`);
    if (problems.length === 0 && config.data !== null && config.data !== undefined) {
      const validate = validators().config;
      if (validate && !validate(config.data)) {
        for (const f of describeSchemaErrors(validate.errors ?? [], config.data, 'govern.config.yaml')) {
          const at = config.locate(f.path, f.at).start;
          problems.push(`${config.path}:${at.line}:${at.column} ${f.message}`);
        }
      }
    }
    const data = isObject(config.data) ? config.data : {};
    if (isObject(data.rules)) {
      for (const [id, value] of Object.entries(data.rules)) {
        const problem = ruleProblem(id);
        if (problem) {
          const at = config.locate(['rules', id], 'key').start;
          problems.push(`${config.path}:${at.line}:${at.column} ${problem}`);
        } else if (isString(value) && SETTINGS.has(value)) {
          severities[id] = value as SeveritySetting;
        }
      }
    }
    if (isString(data.templates)) templates = data.templates;
    if (problems.length > 0) throw new ConfigError(`${config.path} is not valid:`, problems);
  }
  for (const flag of ruleFlags) {
    const eq = flag.lastIndexOf('=');
    const id = eq > 0 ? flag.slice(0, eq) : flag;
    const value = eq > 0 ? flag.slice(eq + 1) : '';
    const problem = ruleProblem(id);
    if (problem) throw new UsageError(`--rule ${flag}: ${problem}`);
    if (!SETTINGS.has(value)) throw new UsageError(`--rule ${flag}: the severity must be off, warning or error`);
    severities[id] = value as SeveritySetting;
  }
  return { severities, ...(templates !== undefined ? { templates } : {}) };
}

function ruleProblem(id: string): string | undefined {
  if (allRules.some((r) => r.id === id)) return undefined;
  const suggestion = didYouMean(
    id,
    allRules.map((r) => r.id),
  );
  return `unknown rule \`${id}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ' (`govern rules` lists them)'}`;
}
