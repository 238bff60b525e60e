/**
 * Loading a model file: *parse* (YAML or JSON read and checked against {@link modelSchema})
 * then *resolve* (references across the model checked, policies applied), with problems
 * reported as {@link ConfigError}s of the form `file:line: field.path: reason`.
 *
 * @module
 */
import { ConfigError, lineOfPath, lineOfPathInText, parseConfigText, readConfigFile } from './config-file.js';
import { ModelProblem } from './model-problem.js';
import { resolveModel, type ResolvedModel } from './resolve/resolve-model.js';
import { type ModelConfig, modelSchema } from './schema.js';

/**
 * Reads and parses a model file (`.yaml`, `.yml` or `.json`), filling in defaults; references
 * across the model are not checked yet (see {@link loadModel}).
 *
 * @throws ConfigError naming the file, line and field of the first problem.
 */
export function readModelFile(file: string): ModelConfig {
  return readConfigFile(file, modelSchema);
}

/**
 * Reads, parses and resolves a model file.
 *
 * @throws ConfigError naming the file, line and field of the first problem.
 */
export function loadModel(file: string): ResolvedModel {
  return resolveInFile(readModelFile(file), file, (path) => lineOfPath(file, path));
}

/**
 * Parses and resolves model text held in memory; `sourceName` names it in messages and its
 * extension (`.json` or not) chooses the syntax.
 *
 * @throws ConfigError naming the source, line and field of the first problem.
 */
export function parseModel(text: string, sourceName = '<model>'): ResolvedModel {
  return resolveInFile(parseConfigText(text, sourceName, modelSchema), sourceName, (path) => lineOfPathInText(text, sourceName, path));
}

/**
 * Resolves a parsed model, reporting a problem at its place in the file the model came from.
 *
 * @throws ConfigError naming the file, line (from `lineOf`) and field.
 */
export function resolveInFile(config: ModelConfig, file: string, lineOf: (path: (string | number)[]) => number | undefined): ResolvedModel {
  try {
    return resolveModel(config);
  } catch (err) {
    if (!(err instanceof ModelProblem)) throw err;
    throw new ConfigError(file, err.message, { line: lineOf(err.path), field: err.path.join('.') });
  }
}
