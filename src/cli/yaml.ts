/**
 * YAML parsing behind a module of our own. `(await import('yaml')).parse` works from the sources
 * but not from the esbuild bundle, where the dynamic import of the CommonJS `yaml` package yields
 * a namespace without `parse`; a static named import is converted correctly, and importing this
 * module lazily still keeps yaml out of every other command's start-up.
 */
import { parse } from 'yaml';

/** Parse one YAML document; throws yaml's error (with line and column) when it is malformed. */
export function parseYaml(text: string): unknown {
  return parse(text);
}
