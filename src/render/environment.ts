import type Handlebars from 'handlebars';
import HandlebarsRuntime from 'handlebars/runtime.js';
import { UsageError } from '../model/errors.js';
import { MAX_RENDER_CHARS, MAX_RENDER_ITERATIONS } from '../model/limits.js';
import { documentStrings } from '../model/safe-text.js';
import { escapeMarkdown } from './escape.js';
import { fullHandlebars } from './full-handlebars.js';
import { helpers, plain } from './helpers.js';

/** Handlebars without its parser and compiler: all that precompiled templates need (the full one is loaded only to compile). */
const runtime = HandlebarsRuntime as unknown as typeof Handlebars;

export { formatInstant } from './helpers.js';

/** The two output formats. */
export type Format = 'md' | 'html';

/** A template or partial as read: its name, format, text and where it came from (for messages). */
export interface TemplateSource {
  name: string;
  format: Format;
  text: string;
  /** Shown in errors and `--list`: `templates/review-pack.md.hbs` or `(built-in) review-pack.md.hbs`. */
  origin: string;
  builtin: boolean;
}

/** A mistake in a template: names the template, line and column. Exit code 2. */
export class TemplateError extends UsageError {
  override readonly name: string = 'TemplateError';
  readonly template: string;
  readonly line: number;
  readonly column: number;
  constructor(template: string, line: number, column: number, message: string) {
    super(`${template}:${line}:${column}: ${message}`);
    this.template = template;
    this.line = line;
    this.column = column;
  }
}

/** The names of every helper a template may call (with Handlebars' own block helpers). */
export const HELPER_NAMES: readonly string[] = [...Object.keys(helpers(runtime)), 'if', 'unless', 'each', 'with', 'lookup'];

/** Compile options for every template: no escaping turned off, only known helpers, missing fields are errors. */
const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(HELPER_NAMES.map((n) => [n, true])),
  noEscape: false,
  preventIndent: true,
} as const;

/** Run-time options: no prototype access at all, and no calls to helperMissing. */
const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
  allowCallsToHelperMissing: false,
} as const;

/** Renders templates of one format, with the partials of that format. */
export interface Renderer {
  format: Format;
  render(name: string, context: unknown): string;
  has(name: string): boolean;
}

/**
 * An isolated Handlebars environment for one format (`Handlebars.create()`:
 * nothing registered on the global instance), with govern's helpers and the
 * given partials. Markdown templates get Markdown escaping for every `{{ }}`,
 * HTML templates HTML escaping; `{{{ }}}` and `{{& }}` are refused, so no
 * value can reach the output unescaped.
 */
export function createRenderer(format: Format, templates: readonly TemplateSource[], partials: readonly TemplateSource[], precompiled?: Precompiled): Renderer {
  // A built-in precompiled at build time is used only while its text is unchanged.
  const ready = (source: TemplateSource) => {
    const found = source.builtin ? precompiled?.get(source.origin) : undefined;
    return found && found.text === source.text ? found : undefined;
  };
  // Handlebars' runtime when every template and partial of this format is precompiled, else the whole of it.
  const needsCompiler = [...templates, ...partials].some((t) => t.format === format && ready(t) === undefined);
  const hb = (needsCompiler ? fullHandlebars() : runtime).create();
  hb.unregisterHelper('log');
  for (const [name, fn] of Object.entries(helpers(hb, format))) hb.registerHelper(name, fn);
  // The cost of one render is bounded: nested loops over a large list could otherwise run for minutes and take
  // gigabytes. Every block `each` runs and every partial included is counted, and the text they make (and, in
  // Markdown, every value written); past either limit the render stops with a TemplateError at the loop (exit 2),
  // and nothing is written.
  const spent = { iterations: 0, chars: 0 };
  hb.registerHelper('escapeMarkdown', (...a: unknown[]) => {
    const [value] = plain(a);
    const out = value instanceof hb.SafeString ? value.toString() : escapeMarkdown(value === null || value === undefined ? '' : String(value));
    // A flat template can name one large value tens of thousands of times, with no loop at all.
    spent.chars += out.length;
    if (spent.chars > MAX_RENDER_CHARS) {
      const options = a.at(-1) as { loc?: { start: { line: number; column: number } } } | undefined;
      throw new RenderLimitError(`the document grew past ${MAX_RENDER_CHARS / 1024 / 1024} MB`, options?.loc?.start);
    }
    return out;
  });
  const knownHelpers = { ...COMPILE_OPTIONS.knownHelpers, escapeMarkdown: true };
  const each = hb.helpers.each as Handlebars.HelperDelegate;
  hb.registerHelper('each', function (this: unknown, context: unknown, options: Handlebars.HelperOptions & { loc?: { start: { line: number; column: number } } }) {
    const block = options.fn;
    const where = options.loc?.start;
    const counted = Object.assign((ctx: unknown, opts?: Handlebars.RuntimeOptions) => {
      if (++spent.iterations > MAX_RENDER_ITERATIONS)
        throw new RenderLimitError(`loops ran more than ${MAX_RENDER_ITERATIONS.toLocaleString('en')} times in one document`, where);
      const out = block(ctx, opts);
      spent.chars += out.length;
      if (spent.chars > MAX_RENDER_CHARS) throw new RenderLimitError(`the document grew past ${MAX_RENDER_CHARS / 1024 / 1024} MB`, where);
      return out;
    }, block);
    return each.call(this, context, { ...options, fn: counted });
  });

  const compile = (source: TemplateSource): Handlebars.TemplateDelegate => {
    const spec = ready(source)?.spec;
    const compiled = spec ? hb.template(spec as Parameters<typeof hb.template>[0]) : hb.compile(prepare(source), { ...COMPILE_OPTIONS, knownHelpers });
    return (context: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        return compiled(context, { ...options, ...RUNTIME_OPTIONS });
      } catch (error) {
        if (error instanceof RenderLimitError) {
          throw new TemplateError(
            source.origin,
            error.where?.line ?? 1,
            (error.where?.column ?? 0) + 1,
            `${error.message}: a render is limited (docs/limits.md); nothing was written`,
          );
        }
        throw toTemplateError(error, source);
      }
    };
  };

  // A partial counts as a loop does: partials that each include the next ten times, eight deep, are a hundred
  // million inclusions with no `each` at all (the render ran past two minutes and 500 MB before this).
  const countedPartial = (fn: Handlebars.TemplateDelegate): Handlebars.TemplateDelegate => {
    return (ctx: unknown, opts?: Handlebars.RuntimeOptions) => {
      if (++spent.iterations > MAX_RENDER_ITERATIONS)
        throw new RenderLimitError(`loops and partials ran more than ${MAX_RENDER_ITERATIONS.toLocaleString('en')} times in one document`, undefined);
      const out = fn(ctx, opts);
      spent.chars += out.length;
      if (spent.chars > MAX_RENDER_CHARS) throw new RenderLimitError(`the document grew past ${MAX_RENDER_CHARS / 1024 / 1024} MB`, undefined);
      return out;
    };
  };
  for (const partial of partials) {
    if (partial.format !== format) continue;
    hb.registerPartial(partial.name, countedPartial(compile(partial)) as unknown as Handlebars.Template);
  }
  const cache = new Map<string, Handlebars.TemplateDelegate>();
  const sources = new Map(templates.filter((t) => t.format === format).map((t) => [t.name, t]));
  return {
    format,
    has: (name) => sources.has(name),
    render(name, context) {
      const source = sources.get(name);
      if (!source) throw new UsageError(`no ${format} template named \`${name}\``);
      spent.iterations = 0;
      spent.chars = 0;
      let fn = cache.get(name);
      if (!fn) {
        fn = compile(source);
        cache.set(name, fn);
      }
      // Markdown values are made safe as they are escaped (escapeMarkdown); HTML's by Handlebars, for HTML only.
      const text = fn(format === 'html' ? documentStrings(context) : context);
      if (text.length > MAX_RENDER_CHARS)
        throw new TemplateError(
          source.origin,
          1,
          1,
          `the document grew past ${MAX_RENDER_CHARS / 1024 / 1024} MB: a render is limited (docs/limits.md); nothing was written`,
        );
      return format === 'html' ? withContentSecurityPolicy(text, source.origin) : text;
    },
  };
}

/**
 * The policy every HTML document carries: no script, no request of any kind
 * (no remote image, style, font, frame, form or base), only inline style and
 * `data:` images and fonts. Templates are code from the repository; this is
 * what keeps a hostile one from running in a director's browser.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

/** The tags govern puts first in every HTML document's head. */
export const HTML_GUARD = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}"><meta http-equiv="x-dns-prefetch-control" content="off">`;

/** `<!DOCTYPE html>`, then `<html>` with only harmless attributes, then `<head>`: the prologue of a well-formed document. */
const PROLOGUE = /^(\s*<!doctype html>\s*<html(?:\s+(?:lang|dir|class)\s*=\s*"[^"<>]*")*\s*>\s*<head>)/i;
const DOCTYPE = /^\s*<!doctype[^>]*>/i;
const HTTP_EQUIV = /<meta\b[^>]*\bhttp-equiv\b/i;
const HTTP_EQUIV_WHY =
  'an HTML template may not set it (a refresh navigates away, a policy of its own): govern gives every HTML document its Content-Security-Policy itself';

/**
 * Puts the policy first in a rendered HTML document, so that no template or
 * partial can drop it or place anything before it: right after `<head>` when
 * the document opens as usual, else right after the doctype (or at the very
 * start), where the browser opens the head for it. A document that sets its
 * own `http-equiv` (a refresh that navigates away, a looser policy) is
 * refused: a meta refresh is a request the policy cannot stop.
 */
export function withContentSecurityPolicy(html: string, origin: string): string {
  // The templates were checked for this (checkAst); a tag put together from values is caught here.
  if (HTTP_EQUIV.test(html)) throw new TemplateError(origin, 1, 1, `the rendered document sets \`http-equiv\`; ${HTTP_EQUIV_WHY}`);
  const prologue = PROLOGUE.exec(html);
  const at = prologue ? prologue[0].length : (DOCTYPE.exec(html)?.[0].length ?? 0);
  return `${html.slice(0, at)}\n${HTML_GUARD}${html.slice(at)}`;
}

/** A render went past a limit; becomes a TemplateError naming the template (partials included) at the loop. */
class RenderLimitError extends Error {
  readonly where: { line: number; column: number } | undefined;
  constructor(message: string, where: { line: number; column: number } | undefined) {
    super(message);
    this.where = where;
  }
}

/**
 * Built-in templates compiled at build time, by origin, with the text they were
 * compiled from: a precompiled template is never used for text that changed
 * since. The whole text rather than a digest of it: comparing 68 KB of text
 * costs microseconds, and a digest needed `node:crypto`, which Node compiles
 * on first use (3-5 ms of a render's start).
 */
export type Precompiled = ReadonlyMap<string, { text: string; spec: unknown }>;

/** Parses, checks and (for Markdown) rewrites a template: the one path both compiling and precompiling take. */
function prepare(source: TemplateSource): hbs.AST.Program {
  const ast = parseTemplate(source);
  checkAst(ast, source);
  return source.format === 'md' ? rewriteForMarkdown(ast) : ast;
}

/**
 * A template as JavaScript source (Handlebars' precompiled form), for the
 * build: loading it skips parsing and compiling, most of a render's start-up.
 */
export function precompileTemplate(source: TemplateSource): string {
  return fullHandlebars().precompile(prepare(source), { ...COMPILE_OPTIONS, knownHelpers: { ...COMPILE_OPTIONS.knownHelpers, escapeMarkdown: true } }) as string;
}

/** Parses a template, turning a syntax error into a TemplateError with its line and column. */
function parseTemplate(source: TemplateSource): hbs.AST.Program {
  try {
    return fullHandlebars().parse(source.text);
  } catch (error) {
    throw toTemplateError(error, source);
  }
}

/** Refuses what could put a value out unescaped or run code: `{{{ }}}`, `{{& }}`, decorators, partial blocks. */
function checkAst(program: hbs.AST.Program, source: TemplateSource): void {
  const refuse = (node: hbs.AST.Node, message: string): never => {
    throw new TemplateError(source.origin, node.loc?.start.line ?? 1, (node.loc?.start.column ?? 0) + 1, message);
  };
  const visit = (node: hbs.AST.Node | undefined | null): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const s of (node as hbs.AST.Program).body) visit(s);
        break;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        if (!m.escaped) refuse(node, 'a triple-stash {{{ }}} or {{& }} would put a value out unescaped; use {{ }}, which escapes for the document format');
        break;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        visit(b.program);
        visit(b.inverse);
        break;
      }
      case 'PartialBlockStatement':
        refuse(node, 'partial blocks ({{#> }}) are not supported; call a partial with {{> name}}');
        break;
      case 'DecoratorBlock':
      case 'Decorator':
        refuse(node, 'decorators are not supported');
        break;
      default:
        break;
    }
  };
  visit(program);
  if (source.format === 'html') {
    const meta = HTTP_EQUIV.exec(source.text);
    if (meta) {
      const before = source.text.slice(0, meta.index);
      throw new TemplateError(source.origin, before.split('\n').length, meta.index - before.lastIndexOf('\n'), `a <meta> tag sets \`http-equiv\`; ${HTTP_EQUIV_WHY}`);
    }
  }
}

/**
 * Markdown has no escaping in Handlebars, so every `{{expr}}` becomes
 * `{{{escapeMarkdown expr}}}`: the value is escaped for a Markdown table cell
 * (backslashes before `| * _ [ ] < > …`, line breaks folded to spaces) and
 * only then written out. Done on the parsed template, so it covers partials and
 * user templates alike.
 */
function rewriteForMarkdown(program: hbs.AST.Program): hbs.AST.Program {
  const helperNames = new Set(HELPER_NAMES);
  const rewrite = (node: hbs.AST.Statement): hbs.AST.Statement => {
    if (node.type === 'MustacheStatement') {
      const m = node as hbs.AST.MustacheStatement;
      if (!m.escaped) return node;
      const path = m.path as hbs.AST.PathExpression;
      const isCall = m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0 || (path.type === 'PathExpression' && helperNames.has(path.original));
      const inner: hbs.AST.Expression = isCall
        ? ({ type: 'SubExpression', path: m.path, params: m.params, hash: m.hash, loc: m.loc } as unknown as hbs.AST.SubExpression)
        : // A path passed as a parameter is looked up leniently by Handlebars; mark it strict, as it was.
          ({ ...(m.path as hbs.AST.PathExpression), strict: true } as unknown as hbs.AST.PathExpression);
      const escapePath = {
        type: 'PathExpression',
        data: false,
        depth: 0,
        parts: ['escapeMarkdown'],
        original: 'escapeMarkdown',
        loc: m.loc,
      } as unknown as hbs.AST.PathExpression;
      return { ...m, path: escapePath, params: [inner], hash: undefined as unknown as hbs.AST.Hash, escaped: false } as hbs.AST.MustacheStatement;
    }
    if (node.type === 'BlockStatement') {
      const b = node as hbs.AST.BlockStatement;
      return { ...b, program: b.program && rewriteProgram(b.program), inverse: b.inverse && rewriteProgram(b.inverse) } as hbs.AST.BlockStatement;
    }
    return node;
  };
  const rewriteProgram = (p: hbs.AST.Program): hbs.AST.Program => ({ ...p, body: p.body.map(rewrite) });
  return rewriteProgram(program);
}

/** Turns a Handlebars error into a TemplateError naming the template, line and column (1-based). */
export function toTemplateError(error: unknown, source: TemplateSource): TemplateError {
  if (error instanceof TemplateError) return error;
  // V8's longest string, reached by an HTML template that names a large value many times over (no loop to count).
  if (error instanceof RangeError && /Invalid string length/.test(error.message)) {
    return new TemplateError(source.origin, 1, 1, `the document grew past what one string can hold: a render is limited (docs/limits.md); nothing was written`);
  }
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(e?.message ?? error);
  if (typeof e?.lineNumber === 'number') {
    return new TemplateError(
      source.origin,
      e.lineNumber,
      (e.column ?? 0) + 1,
      message.replace(/ - \d+:\d+$/, '').replace(/ not defined in \[object \w+\]$/, ' is not a field here'),
    );
  }
  const parse = /^Parse error on line (\d+):\n(.*)\n(-*)\^\n(.*)/s.exec(message);
  if (parse) {
    const line = Number(parse[1]);
    const context = parse[2] ?? '';
    const consumed = context.slice(0, (parse[3] ?? '').length).replace(/^\.\.\./, '');
    const text = source.text.split(/\r?\n/)[line - 1] ?? '';
    const at = consumed === '' ? -1 : text.lastIndexOf(consumed.slice(-Math.min(consumed.length, text.length)));
    const column = at >= 0 ? at + consumed.length + 1 : 1;
    return new TemplateError(source.origin, line, column, `syntax error: ${(parse[4] ?? '').trim()}`);
  }
  return new TemplateError(source.origin, 1, 1, message.split('\n')[0] ?? message);
}
