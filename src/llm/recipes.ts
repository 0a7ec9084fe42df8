/**
 * Response recipes: what each LLM column type appends to the user prompt and how it turns the model's
 * answer into a cell value (Data Designer §2.3–§2.6). Parsing failures throw ParserError with Data
 * Designer's exact texts, because those texts are sent back to the model on correction steps.
 */
import { jsonrepair } from 'jsonrepair';
import { ParserError } from './errors.js';
import { extractCodeBlocks } from './parsers/markdown.js';
import { SchemaValidationError, validateJson, type JsonSchema } from './parsers/json-schema.js';
import { coerceJudgeScores, judgeResponseSchema } from './parsers/judge.js';
import type { ScoreLike } from './types.js';

export interface ResponseRecipe<T = unknown> {
  readonly kind: 'text' | 'code' | 'structured' | 'judge';
  /** Appended to the user prompt after a blank line; null appends nothing. */
  readonly suffix: string | null;
  parse(response: string): T;
}

/** The user message as sent: the rendered prompt, then the recipe's instructions after a blank line. */
export function composeUserPrompt(prompt: string, recipe: ResponseRecipe): string {
  return recipe.suffix === null ? prompt : `${prompt}\n\n${recipe.suffix}`;
}

/** llm-text: the answer, verbatim (the facade strips it before parsing). */
export function textRecipe(): ResponseRecipe<string> {
  return { kind: 'text', suffix: null, parse: (response) => response };
}

/** `sql:postgres` → `sql`: the dialect is not something a code fence can say. */
export function codeSyntax(codeLang: string): string {
  const i = codeLang.indexOf(':');
  return i < 0 ? codeLang : codeLang.slice(0, i);
}

export function codeSuffix(syntax: string): string {
  return (
    `* Your response must be code written in ${syntax}.\n` +
    '* You will follow accepted and common syntax and best-practices.\n' +
    '* Your response will be given in markdown code fences specifying the correct language.\n' +
    '* Only respond with a SINGLE code block.'
  );
}

/** llm-code: the LAST fenced block; a labelled block in another language is an error even if an earlier one matched. */
export function codeRecipe(codeLang: string): ResponseRecipe<string> {
  const syntax = codeSyntax(codeLang);
  return {
    kind: 'code',
    suffix: codeSuffix(syntax),
    parse(response) {
      const last = extractCodeBlocks(response).at(-1);
      if (!last) throw new ParserError('No parsable code response.');
      if (last.lang && last.lang !== syntax) throw new ParserError(`Responded with code not matching the requested syntax (${syntax}).`);
      return last.code;
    },
  };
}

/**
 * Python's `json.dumps` defaults (`", "` and `": "` separators, non-ASCII escaped), so the schema in the
 * prompt reads exactly as Data Designer's does.
 */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || typeof value !== 'object') return asciiOnly(JSON.stringify(value) ?? 'null');
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${asciiOnly(JSON.stringify(k))}: ${pythonJsonDumps(v)}`).join(', ')}}`;
}

function asciiOnly(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function jsonSuffix(schema: JsonSchema): string {
  return (
    '* Your response must be in JSON format.\n' +
    '* Your JSON response must be returned within a Markdown, ```json code fence.\n' +
    '* The JSON format is given as a JSON Schema description within <response_schema> markup tags.\n\n' +
    `<response_schema>\n${pythonJsonDumps(schema)}\n</response_schema>`
  );
}

/** The value of the last ```json block, repaired leniently (unquoted keys, trailing commas, ...). */
export function lastJsonBlock(response: string): unknown {
  const block = extractCodeBlocks(response).filter((b) => b.lang === 'json').at(-1);
  if (!block) throw new ParserError('No parsable JSON structure within ```json markdown fence.');
  try {
    return JSON.parse(jsonrepair(block.code));
  } catch {
    throw new ParserError("Response doesn't match requested <response_schema>\nThe ```json block is not valid JSON.");
  }
}

function validated(obj: unknown, schema: JsonSchema): unknown {
  try {
    return validateJson(obj, schema);
  } catch (err) {
    if (err instanceof SchemaValidationError) throw new ParserError(`Response doesn't match requested <response_schema>\n${err.message}`);
    throw err;
  }
}

/** llm-structured: the parsed object (not a string), validated against the schema with extras pruned. */
export function structuredRecipe(schema: JsonSchema): ResponseRecipe<unknown> {
  return { kind: 'structured', suffix: jsonSuffix(schema), parse: (response) => validated(lastJsonBlock(response), schema) };
}

/** llm-judge: structured with an enum per score; scores coerced leniently before validation. */
export function judgeRecipe(scores: ScoreLike[]): ResponseRecipe<unknown> {
  const schema = judgeResponseSchema(scores);
  return {
    kind: 'judge',
    suffix: jsonSuffix(schema),
    parse: (response) => validated(coerceJudgeScores(lastJsonBlock(response), scores), schema),
  };
}
