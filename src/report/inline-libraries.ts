/**
 * The chart libraries, read from node_modules to be inlined into the page: vega, vega-lite and
 * vega-embed (whose build carries vega's CSP-safe expression interpreter), so that a report
 * opens with no network, and still does once the libraries' web addresses are gone.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One library: its name and version (shown in the report) and its minified browser build. */
export interface InlineLibrary {
  name: string;
  version: string;
  code: string;
}

const require = createRequire(import.meta.url);

// Each package's entry point sits in its build folder beside the browser (UMD) build.
const LIBRARIES: { name: string; file: string }[] = [
  { name: 'vega', file: 'vega.min.js' },
  { name: 'vega-lite', file: 'vega-lite.min.js' },
  { name: 'vega-embed', file: 'vega-embed.min.js' },
];

let cache: InlineLibrary[] | null = null;

/** The three libraries in load order (vega-lite needs vega; vega-embed needs both). */
export function inlineLibraries(): InlineLibrary[] {
  cache ??= LIBRARIES.map(({ name, file }) => {
    const build = dirname(require.resolve(name));
    const packageJson = JSON.parse(readFileSync(join(build, '..', 'package.json'), 'utf8')) as { version: string };
    // "</script" would end the inline element early; "<\/script" means the same in JavaScript.
    const code = readFileSync(join(build, file), 'utf8').replace(/<\/script/gi, '<\\/script');
    return { name, version: packageJson.version, code };
  });
  return cache;
}
