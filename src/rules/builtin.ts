import { defineRule, type Rule } from './define-rule.js';

const none = (): void => undefined;

/** Findings made while reading files: listed here so they have severities, docs and SARIF metadata. */
export const parseRules: Rule[] = [
  defineRule({ id: 'yaml/syntax', severity: 'error', phase: 'parse', description: 'The file is valid YAML.', run: none }),
  defineRule({ id: 'yaml/duplicate-key', severity: 'error', phase: 'parse', description: 'No key appears twice in one mapping.', run: none }),
  defineRule({ id: 'yaml/custom-tag', severity: 'error', phase: 'parse', description: 'No custom tags (`!include`, `!!js/function`): plain YAML only.', run: none }),
  defineRule({ id: 'yaml/merge-key', severity: 'error', phase: 'parse', description: 'No merge keys (`<<`): every value is written where it applies.', run: none }),
  defineRule({ id: 'yaml/version', severity: 'error', phase: 'parse', description: 'No `%YAML 1.1` directive: files are read as YAML 1.2.', run: none }),
  defineRule({ id: 'yaml/alias-limit', severity: 'error', phase: 'parse', description: 'Aliases expand a bounded number of times (no alias bombs).', run: none }),
  defineRule({ id: 'yaml/complex-key', severity: 'error', phase: 'parse', description: 'Keys are plain text, never a list or a mapping.', run: none }),
  defineRule({
    id: 'yaml/too-deep',
    severity: 'error',
    phase: 'parse',
    description: 'Collections nest a bounded number of levels (64): deeper files are not read.',
    run: none,
  }),
  defineRule({
    id: 'yaml/number-range',
    severity: 'error',
    phase: 'parse',
    description: 'Numbers are finite, and whole numbers small enough to be kept exactly.',
    run: none,
  }),
  defineRule({ id: 'file/too-large', severity: 'error', phase: 'parse', description: 'Partnership files are at most 5 MB; larger ones are not read.', run: none }),
  defineRule({
    id: 'file/symlink-outside',
    severity: 'warning',
    phase: 'parse',
    description: 'A symbolic link to a file outside the checked folder, or into a dot-folder such as .git/, is not followed.',
    run: none,
  }),
  defineRule({ id: 'file/unreadable', severity: 'error', phase: 'parse', description: 'Every partnership file can be read.', run: none }),
  defineRule({ id: 'file/not-text', severity: 'error', phase: 'parse', description: 'Partnership files are text, not binary.', run: none }),
  defineRule({ id: 'file/encoding', severity: 'error', phase: 'parse', description: 'Partnership files are UTF-8.', run: none }),
  defineRule({ id: 'file/empty', severity: 'warning', phase: 'parse', description: 'A partnership file holds something besides comments.', run: none }),
  defineRule({
    id: 'run/too-many-findings',
    severity: 'warning',
    phase: 'parse',
    description: 'Says how many findings were left out of a run that has very many.',
    run: none,
  }),
  defineRule({
    id: 'file/too-many-findings',
    severity: 'warning',
    phase: 'parse',
    description: 'Says how many findings were left out of a file that has very many.',
    run: none,
  }),
  defineRule({ id: 'schema', severity: 'error', phase: 'schema', description: 'Each file matches the JSON Schema of its kind (fields, types, formats).', run: none }),
];
