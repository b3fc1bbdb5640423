// Build: TypeScript to dist/, then the schemas to precompiled Ajv validators
// (standalone code: loading them costs ~10 ms, compiling at run time 150–300 ms).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit' });

// Formats: bundled to CommonJS so the standalone validators can require them.
const esbuild = await import('esbuild');
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
const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, formats: _`require("./formats.cjs").formats` } });
for (const [name, fn] of Object.entries(formats)) ajv.addFormat(name, fn);
const exports = {};
const schemasDir = path.join(root, 'schemas');
for (const name of readdirSync(schemasDir).sort()) {
  const m = /^(.+)\.schema\.json$/.exec(name);
  if (!m) continue;
  const schema = JSON.parse(readFileSync(path.join(schemasDir, name), 'utf8'));
  ajv.addSchema(schema);
  exports[m[1]] = schema.$id;
}
mkdirSync(path.join(root, 'dist/schema'), { recursive: true });
writeFileSync(path.join(root, 'dist/schema/compiled.cjs'), standaloneCode(ajv, exports));
console.error(`built dist/ with ${Object.keys(exports).length} precompiled schemas`);
await import('./precompile-templates.mjs');
