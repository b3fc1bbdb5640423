// Build: TypeScript to dist/ (type checking, and the modules scripts import),
// the schemas to precompiled Ajv validators (standalone code: loading them costs
// ~10 ms, compiling at run time 150–300 ms), then the CLI bundled into
// dist/bundle/govern.cjs, which bin/govern.js loads (docs/performance.md).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
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
  ['quick.cjs', { ...AJV_OPTIONS, allErrors: false, verbose: false, messages: false, inlineRefs: false }],
]) {
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
// modules, and CommonJS loads faster than ESM on Node 20. Packages only some
// commands need stay outside and are loaded when a command imports them.
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const bundled = new Set(['commander', 'js-yaml']);
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})].filter((name) => !bundled.has(name));
await esbuild.build({
  entryPoints: { govern: path.join(root, 'src/cli/entry.ts') },
  outdir: path.join(root, 'dist/bundle'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Whitespace and syntax only: names stay, so a stack trace in a bug report still reads.
  minifySyntax: true,
  minifyWhitespace: true,
  // Lazy imports of packages become lazy require()s (Node >= 20.19 requires ES
  // modules such as chalk), so the whole bundle is one CommonJS script that
  // bin/govern.js can compile with V8's code cache.
  supported: { 'dynamic-import': false },
  external: external.flatMap((name) => [name, `${name}/*`]),
  // import.meta.url keeps meaning "this file": the bundle sits two folders
  // below the package root, as every source module does.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyFullParser(), jsYamlCommonJs(), lazyChildProcess(), lazyLuxon(), bundledQuickValidators(), precompiledTemplatesPath()],
  logLevel: 'warning',
});
// The full YAML parser and `yaml` as one more file beside the bundle, loaded
// only when a file needs them (anchors, a rejection, a place the fast readers
// did not record): one file loads in about a fifth of the time of `yaml`'s 74
// modules (docs/performance.md).
await esbuild.build({
  entryPoints: [path.join(root, 'src/parse/parse-yaml.ts')],
  outfile: path.join(root, 'dist/bundle/full-yaml.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  minifyWhitespace: true,
  logLevel: 'warning',
});
// V8's code cache for the bundle, made by a training run (a check of the
// example): bin/govern.js hands it to V8, which then skips parsing and
// compiling what the run used (~10 ms a start). V8 refuses a cache made by
// another V8 version, and govern then compiles as usual.
const trained = spawnSync(process.execPath, [path.join(root, 'bin/govern.js'), 'check', path.join(root, 'examples/acme-northwind'), '--today', '2026-11-15'], {
  env: { ...process.env, GOVERN_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (trained.status !== 0 && trained.status !== 1) console.error('build: the training run failed; the bundle runs without a code cache');
console.error(`built dist/ with ${schemas.length} precompiled schemas and the CLI bundle`);

/** A schema without the keywords that only annotate (titles, descriptions, examples): they do not change what is valid. */
function withoutAnnotations(schema) {
  if (typeof schema !== 'object' || schema === null) return schema;
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  for (const key of ['title', 'description', 'examples', '$comment']) delete schema[key];
  for (const key of ['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']) {
    if (schema[key] && typeof schema[key] === 'object') for (const name of Object.keys(schema[key])) schema[key][name] = withoutAnnotations(schema[key][name]);
  }
  for (const key of ['items', 'additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'if', 'then', 'else', 'not', 'allOf', 'anyOf', 'oneOf']) {
    if (key in schema) schema[key] = withoutAnnotations(schema[key]);
  }
  return schema;
}

/** The lean validators inside the bundle (and so inside its code cache), still loaded on first use. */
function bundledQuickValidators() {
  return {
    name: 'bundled-quick-validators',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]schema[\\/]quick-validators\.ts$/ }, () => ({
        contents: `let cache;\nexport function quickValidators() { return (cache ??= require(${JSON.stringify(path.join(root, 'dist/schema/quick.cjs'))})); }\n`,
        loader: 'ts',
        resolveDir: path.join(root, 'dist/schema'),
      }));
    },
  };
}

/**
 * cli/run/render.ts finds dist/render/precompiled.js relative to itself (two folders
 * up, then render/); the bundle sits one folder below dist/, so in the bundle
 * the path is one level shorter.
 */
function precompiledTemplatesPath() {
  return {
    name: 'precompiled-templates-path',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]cli[\\/]run[\\/]render\.ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        const from = "'../../render/precompiled.js'";
        if (!text.includes(from)) throw new Error(`build: ${args.path} no longer names ${from}; update precompiledTemplatesPath() in scripts/build.mjs`);
        return { contents: text.replace(from, "'../render/precompiled.js'"), loader: 'ts' };
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
        contents: "let full;\nexport function parseYamlFully(text) { return (full ??= require(require('node:path').join(__dirname, 'full-yaml.cjs'))).parseYaml(text); }\n",
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
      build.onResolve({ filter: /^luxon$/ }, (args) => (args.importer === 'lazy-luxon' ? { path: 'luxon', external: true } : { path: 'lazy-luxon', namespace: 'lazy' }));
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
function jsYamlCommonJs() {
  return {
    name: 'js-yaml-commonjs',
    setup(build) {
      build.onResolve({ filter: /^js-yaml$/ }, () => ({ path: require.resolve('js-yaml') }));
    },
  };
}
