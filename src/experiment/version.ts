/**
 * careflow's own version, read from package.json.
 *
 * @module
 */
import { readFileSync } from 'node:fs';

/** The version in package.json (found from this module's location in src/ or dist/src/). */
export function careflowVersion(): string {
  for (const relative of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'careflow' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return 'unknown';
}
