/**
 * llm-judge: the response schema built from a column's scores, and lenient score coercion.
 *
 * The schema has one required property per score, `{reasoning: string, score: enum(option keys)}`, with
 * Data Designer's description texts (the model reads them). Models drift on score types (`1` for `"1"`,
 * `" good "` for `"Good"`), so before validation a score is coerced: an exact match first, else a unique
 * case- and whitespace-insensitive match where integral floats count as ints; booleans never match numbers.
 */
import { scoreOptionEntriesOf } from '../../config/score-options.js';
import type { ScoreLike } from '../types.js';
import type { JsonSchema } from './json-schema.js';

export type ScoreKey = string | number;

/**
 * The options as Data Designer's enum holds them: an entry list as given, or a loaded config's typed
 * entries (`1:` an int, `'1':` a string, in written order; see config/score-options.ts).
 */
export function scoreOptionEntries(score: ScoreLike): Array<[ScoreKey, string]> {
  return scoreOptionEntriesOf(score.options);
}

/** `* {key}: {description}` lines under `Score Descriptions for {EnumName}:`. */
export function stringifyScoring(options: Array<[ScoreKey, string]>, enumName: string): string {
  const lines = options.map(([key, desc]) => `* ${key}: ${desc}`).join('\n');
  return `Score Descriptions for ${enumName}:\n${lines}`;
}

/** Python's repr of a list of names, as it appears in Data Designer's schema description. */
function pyListRepr(names: string[]): string {
  return `[${names.map((n) => `'${n.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;
}

export function judgeResponseSchema(scores: ScoreLike[]): JsonSchema {
  const properties: Record<string, unknown> = {};
  for (const score of scores) {
    const options = scoreOptionEntries(score);
    properties[score.name] = {
      title: score.name,
      ...(score.description ? { description: score.description } : {}),
      type: 'object',
      properties: {
        reasoning: { title: 'Reasoning', description: 'Reasoning for the assigned score.', type: 'string' },
        score: { enum: options.map(([k]) => k), description: stringifyScoring(options, `${score.name}Enum`) },
      },
      required: ['reasoning', 'score'],
    };
  }
  return {
    title: 'JudgeStructuredOutput',
    description: `Response schema for scores with the following names: ${pyListRepr(scores.map((s) => s.name))}.`,
    type: 'object',
    properties,
    required: scores.map((s) => s.name),
  };
}

function normalizeScoreValue(value: unknown): string {
  if (typeof value === 'string') return value.trim().toLowerCase();
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return String(value).trim().toLowerCase();
}

/** Returns the matching option key, or `value` unchanged (validation then reports it). */
export function coerceScoreValue(value: unknown, keys: ScoreKey[]): unknown {
  for (const key of keys) if (typeof value !== 'boolean' && value === key) return value;
  // Only scalars are compared leniently: a list or object stays as given and fails validation.
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return value;
  const normalized = normalizeScoreValue(value);
  const matches = keys.filter((k) => normalizeScoreValue(k) === normalized);
  return matches.length === 1 ? matches[0] : value;
}

/** Coerces every `{score}` of a parsed judge response in place (before schema validation). */
export function coerceJudgeScores(obj: unknown, scores: ScoreLike[]): unknown {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return obj;
  const record = obj as Record<string, unknown>;
  for (const score of scores) {
    const entry = record[score.name];
    if (typeof entry === 'object' && entry !== null && !Array.isArray(entry) && 'score' in entry) {
      const e = entry as Record<string, unknown>;
      e.score = coerceScoreValue(e.score, scoreOptionEntries(score).map(([k]) => k));
    }
  }
  return obj;
}
