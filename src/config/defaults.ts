/**
 * Defaults come from the schema's `default:` annotations (src/config/schema.ts) and nowhere else;
 * this turns them into values for code that builds configs without going through the loader.
 */
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { RunConfig } from './schema.js';

/** A RunConfig with every field present (request_admission may stay null). */
export type FullRunConfig = Required<Omit<RunConfig, 'request_admission'>> & Pick<RunConfig, 'request_admission'>;

export function runConfigWithDefaults(given: RunConfig = {}): FullRunConfig {
  return Value.Default(RunConfig, structuredClone(given)) as FullRunConfig;
}

/**
 * `given` with every field its schema gives a default for filled in (nested objects too) — for code that
 * reads a part of a config built without the loader, so that no module keeps a copy of a default.
 */
export function withSchemaDefaults<T extends object>(schema: TSchema, given: T | null | undefined): T {
  return Value.Default(schema, structuredClone(given ?? {})) as T;
}
