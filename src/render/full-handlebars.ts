import Handlebars from 'handlebars';

/**
 * The whole of Handlebars, parser and compiler: needed only to compile a
 * template that was not precompiled at build time (a user's template, or a
 * built-in whose text changed since), and by the build's precompiling. In the
 * bundle this module is swapped for a lazy `require` of its vendored file
 * (scripts/build.mjs, `lazyFullHandlebars`), so a render of the built-in
 * templates loads only Handlebars' runtime (docs/performance.md).
 */
export function fullHandlebars(): typeof Handlebars {
  return Handlebars;
}
