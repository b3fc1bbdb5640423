import type { Verdict } from './validate.js';

/** Answers collected so far, by question name: text, or a list for multiple choice. */
export type Answers = Record<string, string | string[] | undefined>;

/** One choice of a select or multi-select question. */
export interface Choice {
  value: string;
  name: string;
}

/**
 * One question of `init` or `add`, as data: the CLI asks it on a terminal or
 * takes it from its flag, and this module never touches either.
 */
export interface Question {
  /** The key of the answer. */
  name: string;
  /** The flag that answers it without a prompt, as shown in help (`--client <name>`). */
  flag: string;
  message: string;
  kind: 'text' | 'select' | 'multi';
  /** The choices of a select or multi question, given the answers so far. */
  choices?: (answers: Answers) => Choice[];
  /** The default, given the answers so far; `--yes` takes it. */
  default?: (answers: Answers) => string | string[] | undefined;
  /** The default follows from other answers (an id from a name): taken without a terminal even without `--yes`. */
  implied?: boolean;
  /** An optional question may be left empty; without a terminal it is left out. */
  optional?: boolean | ((answers: Answers) => boolean);
  /** Checks one answer (each item of a multi answer); true or the message to show. */
  validate?: (value: string, answers: Answers) => Verdict;
  /** Asked only when this says so. */
  when?: (answers: Answers) => boolean;
}

/** The flag name of a question without its argument: `--client`. */
export function flagName(question: Question): string {
  return question.flag.split(' ')[0]!;
}

/** The commander option property a flag fills: `--client-lead-name` → `clientLeadName`. */
export function flagKey(question: Question): string {
  return flagName(question)
    .replace(/^--/, '')
    .replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** A text answer as a string ('' when absent). */
export function text(answers: Answers, name: string): string {
  const v = answers[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '';
}

/** A multi answer as a list. */
export function list(answers: Answers, name: string): string[] {
  const v = answers[name];
  return Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : [];
}

/** Whether a question may be left empty, given the answers so far. */
export function isOptional(question: Question, answers: Answers): boolean {
  return typeof question.optional === 'function' ? question.optional(answers) : question.optional === true;
}
