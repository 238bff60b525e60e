/**
 * Loading a model file: YAML or JSON read and validated against {@link modelSchema}, with
 * problems reported as {@link ConfigError}s of the form `file:line: field.path: reason`.
 *
 * @module
 */
import { parseConfigText, readConfigFile } from './config-file.js';
import { type ModelConfig, modelSchema } from './schema.js';

/**
 * Reads and validates a model file (`.yaml`, `.yml` or `.json`), filling in defaults.
 *
 * @throws ConfigError naming the file, line and field of the first problem.
 */
export function loadModel(file: string): ModelConfig {
  return readConfigFile(file, modelSchema);
}

/**
 * Parses and validates model text held in memory; `sourceName` names it in messages and its
 * extension (`.json` or not) chooses the syntax.
 *
 * @throws ConfigError naming the source, line and field of the first problem.
 */
export function parseModel(text: string, sourceName = '<model>'): ModelConfig {
  return parseConfigText(text, sourceName, modelSchema);
}
