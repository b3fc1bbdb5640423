// Build: TypeScript to dist/ (type checking, and the modules scripts import),
// the schemas to precompiled Ajv validators (standalone code: loading them costs
// ~10 ms, compiling at run time 150–300 ms), then the CLI bundled into
// lib/bundle/govern.cjs, which bin/govern.js loads (docs/performance.md).
// lib/ is committed: it holds everything that runs (the CLI, the packages it
// uses, one file each, the validators and the precompiled templates), so an
// install from the tarball, from git or from a clone needs no build and no
// dependency (docs/install.md). Rebuilding it is this one command.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
// The model's types from the schemas (src/model/generated/, types only), before compiling.
(await import('./model-types.mjs')).writeModelTypes();
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
rmSync(path.join(root, 'lib'), { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit' });

const esbuild = await import('esbuild');

// Formats: bundled to CommonJS so the standalone validators can require them.
await esbuild.build({
  entryPoints: [path.join(root, 'src/schema/formats.ts')],
  outfile: path.join(root, 'dist/schema/formats.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  logLevel: 'warning',
});

const Ajv = require('ajv').default;
const standaloneCode = require('ajv/dist/standalone').default;
const { _ } = require('ajv');
const { AJV_OPTIONS } = await import(path.join(root, 'dist/schema/ajv-options.js'));
const { formats } = require(path.join(root, 'dist/schema/formats.cjs'));
const { FILE_KINDS } = await import(path.join(root, 'dist/model/file-kind.js'));
const schemasDir = path.join(root, 'schemas');
// Only the file kinds' schemas: schemas/ also holds views' (portfolio.schema.json), which no file is validated against.
const schemas = readdirSync(schemasDir)
  .sort()
  .map((name) => [/^(.+)\.schema\.json$/.exec(name)?.[1], name])
  .filter(([kind]) => kind && FILE_KINDS.includes(kind))
  .map(([kind, name]) => [kind, JSON.parse(readFileSync(path.join(schemasDir, name), 'utf8'))]);
mkdirSync(path.join(root, 'dist/schema'), { recursive: true });
// Two sets from the same schemas: the full one (every error, with the schema
// and data the messages are built from), and a lean one that only answers
// valid or not. Every file is checked with the lean one; only a file that
// fails is checked again with the full one (src/schema/quick-validators.ts).
for (const [file, options] of [
  ['compiled.cjs', AJV_OPTIONS],
  // Lean: the first error ends it, no messages, definitions inlined (no call
  // and no instancePath string per $ref), and lengths as UTF-16 units
  // (`.length`, not ucs2length over every string). `.length` is never below
  // the count of code points, so a maxLength is only ever stricter here (a
  // string it rejects is checked again by the full set) and a minLength of 1
  // means the same; a minLength above 1 would not, so the build refuses one.
  // On the varied 200 partnerships: 332 ms -> 135 ms of validation (CPU).
  ['quick.cjs', { ...AJV_OPTIONS, allErrors: false, verbose: false, messages: false, unicode: false, logger: quietAboutUnicode() }],
]) {
  if (file === 'quick.cjs') for (const [kind, schema] of schemas) refuseMinLengthAboveOne(kind, schema);
  const ajv = new Ajv({ ...options, code: { source: true, formats: _`require("./formats.cjs").formats` } });
  for (const [name, fn] of Object.entries(formats)) ajv.addFormat(name, fn);
  const exports = {};
  for (const [kind, schema] of schemas) {
    // The lean set does not need the words: standalone code embeds each schema.
    ajv.addSchema(file === 'quick.cjs' ? withoutAnnotations(structuredClone(schema)) : schema);
    exports[kind] = schema.$id;
  }
  const code = standaloneCode(ajv, exports);
  // Minified: the smaller the file, the less V8 has to parse at every start.
  const { code: min } = await esbuild.transform(code, { minify: true, format: 'cjs', platform: 'node', target: 'node20' });
  writeFileSync(path.join(root, 'dist/schema', file), min);
}

// The built-in templates, precompiled (scripts/precompile-templates.mjs).
await import('./precompile-templates.mjs');

// The CLI as one CommonJS file: start-up pays for one file, not hundreds of
// modules, and CommonJS loads faster than ESM on Node 20. The packages it uses
// are bundled one file each into lib/vendor/ and required from there when a
// module that imports them loads, as they were from node_modules.
const vendored = ['@inquirer/prompts', 'chalk', 'cli-table3', 'handlebars', 'handlebars/runtime.js', 'luxon', 'yaml'];
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Paths in the output are relative to the package: the same bytes from any clone.
  absWorkingDir: root,
  // Whitespace and syntax only: names stay, so a stack trace in a bug report still reads.
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'error',
};
const vendorFile = (name) => `${name.replace(/^@/, '').replace(/\.js$/, '').replace(/\//g, '-')}.cjs`;
for (const name of vendored) {
  await esbuild.build({
    ...common,
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, loader: 'js' },
    outfile: path.join(root, 'lib/vendor', vendorFile(name)),
    plugins: [jsYamlCommonJs(), ...(name === 'cli-table3' ? [quickStringWidth()] : [])],
  });
}
await esbuild.build({
  ...common,
  entryPoints: { govern: path.join(root, 'src/cli/entry.ts') },
  outdir: path.join(root, 'lib/bundle'),
  outExtension: { '.js': '.cjs' },
  // Lazy imports of packages become lazy require()s (Node >= 20.19 requires ES
  // modules), so the whole bundle is one CommonJS script that bin/load-bundle.cjs
  // can compile with a code cache.
  supported: { 'dynamic-import': false },
  // import.meta.url keeps meaning "this file": the bundle sits two folders
  // below the package root, as every source module does.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [
    lazyFullParser(),
    lazyFullHandlebars(),
    lazyJsYaml(),
    jsYamlCommonJs(),
    lazyChildProcess(),
    lazyLuxon(),
    bundledQuickValidators(),
    precompiledTemplatesPath(),
    vendor(vendored),
  ],
});
// The bundle stays ASCII: bin/load-bundle.cjs then reads it as Latin-1, the
// same string without decoding UTF-8 (~2 ms of every start). esbuild escapes
// strings and names, not regular expression literals.
{
  const text = readFileSync(path.join(root, 'lib/bundle/govern.cjs'), 'utf8');
  const at = text.search(/[^\x00-\x7f]/);
  if (at >= 0)
    throw new Error(
      `build: lib/bundle/govern.cjs holds a non-ASCII character (${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}); write it as \\uXXXX in the source (a regular expression literal?)`,
    );
}
// The full YAML parser as one more file beside the bundle, loaded only when a
// file needs it (anchors, a rejection, a place the fast readers did not
// record) (docs/performance.md).
await esbuild.build({
  ...common,
  entryPoints: [path.join(root, 'src/parse/parse-yaml.ts')],
  outfile: path.join(root, 'lib/bundle/full-yaml.cjs'),
  plugins: [vendor(vendored)],
});
// The full validators (with their formats and Ajv's runtime) and the
// precompiled templates, where the bundle looks for them.
await esbuild.build({
  ...common,
  entryPoints: [path.join(root, 'dist/schema/compiled.cjs')],
  outfile: path.join(root, 'lib/schema/compiled.cjs'),
  minifyIdentifiers: true,
});
// The precompiled templates as CommonJS, minified: the bundle requires them, and
// an ES module there would start Node's ES module loader (~10 ms) for one file.
await esbuild.build({
  ...common,
  entryPoints: [path.join(root, 'dist/render/precompiled.js')],
  outfile: path.join(root, 'lib/render/precompiled.cjs'),
});
// lib/ needs nothing from node_modules: an install has none (package.json has no dependencies).
for (const dir of ['bundle', 'vendor', 'schema']) {
  for (const name of readdirSync(path.join(root, 'lib', dir))) {
    const text = readFileSync(path.join(root, 'lib', dir, name), 'utf8');
    for (const [, spec] of text.matchAll(/(?<!['"`])\brequire\("([^"]+)"\)/g)) {
      if (!isBuiltin(spec) && !spec.startsWith('.'))
        throw new Error(`build: lib/${dir}/${name} requires ${spec} from node_modules; bundle or vendor it in scripts/build.mjs`);
    }
  }
}
// The generated docs: docs/rules.md from docs/rules/*.md in the registry's
// order, and the helper table of docs/rendering.md from the helpers' doc
// comments (tests fail when either is stale).
await import('./rules-doc.mjs');
(await import('./helpers-doc.mjs')).writeHelpersDoc();
console.error(`built dist/ and lib/ with ${schemas.length} precompiled schemas and the CLI bundle, and the generated docs`);

/** Imports of a vendored package (and its subpaths) become requires of its one file in lib/vendor/. */
function vendor(names) {
  return {
    name: 'vendor',
    setup(build) {
      build.onResolve({ filter: /^[@a-z]/ }, (args) => {
        const name = names.find((n) => args.path === n);
        if (name) return { path: `../vendor/${vendorFile(name)}`, external: true };
        const sub = names.find((n) => args.path.startsWith(`${n}/`));
        if (sub) throw new Error(`build: ${args.importer} imports ${args.path}; vendor only whole packages`);
        return undefined;
      });
    },
  };
}

/** A schema without the keywords that only annotate (titles, descriptions, examples, pattern names): they do not change what is valid. */
function withoutAnnotations(schema) {
  if (typeof schema !== 'object' || schema === null) return schema;
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  for (const key of ['title', 'description', 'examples', '$comment', 'patternName']) delete schema[key];
  for (const key of ['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']) {
    if (schema[key] && typeof schema[key] === 'object') for (const name of Object.keys(schema[key])) schema[key][name] = withoutAnnotations(schema[key][name]);
  }
  for (const key of ['items', 'additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'if', 'then', 'else', 'not', 'allOf', 'anyOf', 'oneOf']) {
    if (key in schema) schema[key] = withoutAnnotations(schema[key]);
  }
  return schema;
}

/** Ajv's logger, without its note that `unicode: false` is deprecated (the lean set means it: see above). */
function quietAboutUnicode() {
  return { log: console.log, warn: (...args) => (/option unicode/.test(String(args[0])) ? undefined : console.warn(...args)), error: console.error };
}

/** The lean set counts lengths in UTF-16 units: sound for maxLength and for minLength 1 only (see the lean set above). */
function refuseMinLengthAboveOne(kind, schema) {
  const walk = (node, at) => {
    if (typeof node !== 'object' || node === null) return;
    if (!Array.isArray(node) && typeof node.minLength === 'number' && node.minLength > 1)
      throw new Error(
        `build: ${kind}.schema.json ${at} has minLength ${node.minLength}; the lean validators count UTF-16 units, so only 0 or 1 is sound there (scripts/build.mjs)`,
      );
    for (const [key, child] of Object.entries(node)) walk(child, `${at}/${key}`);
  };
  walk(schema, '#');
}

/** The lean validators inside the bundle (and so inside its code cache), still loaded on first use. */
function bundledQuickValidators() {
  return {
    name: 'bundled-quick-validators',
    setup(build) {
      // The validators' formats are src/schema/formats.ts itself, not its CommonJS copy
      // (dist/schema/formats.cjs, for the build and the standalone validators): one copy
      // of the instant reader in the bundle, compiled once and warmed by every caller.
      build.onResolve({ filter: /^\.\/formats\.cjs$/ }, (args) =>
        /[\\/]dist[\\/]schema[\\/]quick\.cjs$/.test(args.importer) ? { path: path.join(root, 'src/schema/formats.ts') } : undefined,
      );
      build.onLoad({ filter: /[\\/]src[\\/]schema[\\/]quick-validators\.ts$/ }, () => ({
        contents: `let cache;\nexport function quickValidators() { return (cache ??= require('./quick.cjs')); }\n`,
        loader: 'ts',
        resolveDir: path.join(root, 'dist/schema'),
      }));
    },
  };
}

/**
 * cli/run/render.ts finds dist/render/precompiled.js relative to itself (two folders
 * up, then render/); the bundle sits one folder below lib/, so in the bundle
 * the path is one level shorter, and names the CommonJS copy (precompiled.cjs).
 */
function precompiledTemplatesPath() {
  return {
    name: 'precompiled-templates-path',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]cli[\\/]run[\\/]render\.ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        const from = "'../../render/precompiled.js'";
        if (!text.includes(from)) throw new Error(`build: ${args.path} no longer names ${from}; update precompiledTemplatesPath() in scripts/build.mjs`);
        return { contents: text.replace(from, "'../render/precompiled.cjs'"), loader: 'ts' };
      });
    },
  };
}

/** The full YAML parser, loaded on first use instead of at start-up, from its own one-file bundle (see src/parse/full-yaml.ts). */
function lazyFullParser() {
  return {
    name: 'lazy-full-parser',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]parse[\\/]full-yaml\.ts$/ }, (args) => ({
        contents:
          "let full;\nexport function parseYamlFully(text) { return (full ??= require(require('node:path').join(__dirname, 'full-yaml.cjs'))).parseYaml(text); }\n",
        loader: 'ts',
        resolveDir: path.dirname(args.path),
      }));
    },
  };
}

/**
 * The whole of Handlebars (parser and compiler, ~10 ms to load) on first use
 * instead of with the renderer: precompiled templates need only its runtime,
 * lib/vendor/handlebars-runtime.cjs (see src/render/full-handlebars.ts).
 */
function lazyFullHandlebars() {
  return {
    name: 'lazy-full-handlebars',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]render[\\/]full-handlebars\.ts$/ }, (args) => ({
        contents: "let full;\nexport function fullHandlebars() { return (full ??= require('handlebars')); }\n",
        loader: 'ts',
        resolveDir: path.dirname(args.path),
      }));
    },
  };
}

/**
 * Commander requires node:child_process at load for stand-alone executable
 * subcommands, which govern does not use; loading it costs milliseconds at
 * every start, so commander gets it on first use instead.
 */
function lazyChildProcess() {
  return {
    name: 'lazy-child-process',
    setup(build) {
      build.onResolve({ filter: /^node:child_process$/ }, (args) =>
        /[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'lazy' } : undefined,
      );
      build.onLoad({ filter: /^lazy-child-process$/, namespace: 'lazy' }, () => ({
        contents: "let real; const load = () => (real ??= require('node:child_process')); module.exports = { get spawn() { return load().spawn; } };\n",
        loader: 'js',
      }));
    },
  };
}

/**
 * Luxon costs ~8 ms to load and many modules import it for work a clean check
 * rarely needs (messages, instants near a period's edge). In the bundle each
 * of its exports is a stand-in that loads luxon on first use and forwards to
 * the real class, so a run that never touches a date library never loads one.
 */
function lazyLuxon() {
  const names = Object.keys(require('luxon')).filter((name) => /^[A-Z]/.test(name));
  return {
    name: 'lazy-luxon',
    setup(build) {
      build.onResolve({ filter: /^luxon$/ }, (args) =>
        args.importer === 'lazy-luxon' ? { path: '../vendor/luxon.cjs', external: true } : { path: 'lazy-luxon', namespace: 'lazy' },
      );
      build.onLoad({ filter: /^lazy-luxon$/, namespace: 'lazy' }, () => ({
        contents: `let real;
const load = () => (real ??= require('luxon'));
const bound = new Map();
const lazy = (name) => new Proxy(function () {}, {
  get(_, key) {
    const target = load()[name];
    const value = Reflect.get(target, key, target);
    if (typeof value !== 'function' || key === 'prototype') return value;
    let fn = bound.get(value);
    if (!fn) bound.set(value, (fn = value.bind(target)));
    return fn;
  },
  set: (_, key, value) => Reflect.set(load()[name], key, value),
  has: (_, key) => Reflect.has(load()[name], key),
  construct: (_, args) => Reflect.construct(load()[name], args),
  apply: (_, self, args) => Reflect.apply(load()[name], self, args),
});
module.exports = { ${names.map((n) => `${n}: lazy(${JSON.stringify(n)})`).join(', ')} };
`,
        loader: 'js',
      }));
    },
  };
}

/** js-yaml's CommonJS build: on Node 20 its ES module build parses about three times slower. */
/**
 * js-yaml reads only the files the line reader declines (none of a clean
 * check's, most days), yet loading and initialising it cost ~1.5 ms at every
 * start. In the CLI bundle src/parse/fast-yaml.ts gets a stand-in whose
 * exports load the real js-yaml on first use (fast-yaml.ts touches them only
 * inside functions).
 */
function lazyJsYaml() {
  return {
    name: 'lazy-js-yaml',
    setup(build) {
      build.onResolve({ filter: /^js-yaml$/ }, (args) =>
        /[\\/]src[\\/]parse[\\/]fast-yaml\.ts$/.test(args.importer) ? { path: 'lazy-js-yaml', namespace: 'lazy' } : undefined,
      );
      build.onLoad({ filter: /^lazy-js-yaml$/, namespace: 'lazy' }, () => ({
        contents:
          "let real; const load = () => (real ??= require('js-yaml')); module.exports = { get load() { return load().load; }, get Type() { return load().Type; }, get FAILSAFE_SCHEMA() { return load().FAILSAFE_SCHEMA; } };\n",
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}

/**
 * cli-table3's `require('string-width')` goes to scripts/shims/string-width.cjs:
 * the same widths, without running string-width's emoji expression over every
 * ASCII cell three or four times (sla, who and diff tables). The shim itself
 * requires the real string-width.
 */
function quickStringWidth() {
  const shim = path.join(root, 'scripts/shims/string-width.cjs');
  return {
    name: 'quick-string-width',
    setup(build) {
      build.onResolve({ filter: /^string-width$/ }, (args) => (args.importer === shim ? undefined : { path: shim }));
    },
  };
}

function jsYamlCommonJs() {
  return {
    name: 'js-yaml-commonjs',
    setup(build) {
      build.onResolve({ filter: /^js-yaml$/ }, () => ({ path: require.resolve('js-yaml') }));
    },
  };
}
