/**
 * The normalized agent-rollout row and the helpers every format shares, as Data Designer writes them:
 * engine/resources/agent_rollout/types.py (NormalizedAgentRolloutRecord, _extract_final_assistant_text),
 * utils.py (build_message, normalize_message_role, load_jsonl_rows, ..., min_max_timestamps) and
 * engine/models/utils.py (ChatMessage.to_dict: content as a list of blocks, empty optional fields left out).
 */
import { readFileSync } from 'node:fs';
import { AGENT_ROLLOUT_COLUMN_NAMES } from '../../shared/agent-rollout-files.js';

/** utils.py / types.py AgentRolloutSeedParseError: the file is skipped with a warning (seed_reader.py hydrate_row). */
export class AgentRolloutParseError extends Error {}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };
export type ChatMessage = JsonObject & { role: 'user' | 'assistant' | 'system' | 'tool'; content: JsonObject[] };

export interface AgentRolloutRecordInput {
  trace_id: string;
  source_kind: string;
  source_path: string;
  root_session_id: string;
  agent_id: string | null;
  is_sidechain: boolean;
  cwd: string | null;
  project_path: string | null;
  git_branch: string | null;
  started_at: string | null;
  ended_at: string | null;
  messages: ChatMessage[];
  source_meta: JsonObject;
}

export interface AgentRolloutRecord extends AgentRolloutRecordInput {
  message_count: number;
  tool_call_count: number;
  final_assistant_message: string | null;
}

const NON_TEXT_COLUMNS: Record<string, 'BOOLEAN' | 'BIGINT' | 'JSON'> = { is_sidechain: 'BOOLEAN', messages: 'JSON', source_meta: 'JSON', message_count: 'BIGINT', tool_call_count: 'BIGINT' };

/** The row's columns in Data Designer's order (NormalizedAgentRolloutRecord.get_field_names) with their DuckDB types. */
export const AGENT_ROLLOUT_COLUMNS: readonly (readonly [string, 'VARCHAR' | 'BOOLEAN' | 'BIGINT' | 'JSON'])[] = AGENT_ROLLOUT_COLUMN_NAMES.map((c) => [c, NON_TEXT_COLUMNS[c] ?? 'VARCHAR'] as const);

/** NormalizedAgentRolloutRecord.__post_init__: the derived counts and the final assistant text. */
export function makeRecord(input: AgentRolloutRecordInput): AgentRolloutRecord {
  return {
    ...input,
    message_count: input.messages.length,
    tool_call_count: input.messages.reduce((n, m) => n + (Array.isArray(m.tool_calls) ? m.tool_calls.length : 0), 0),
    final_assistant_message: finalAssistantText(input.messages),
  };
}

function finalAssistantText(messages: readonly ChatMessage[]): string | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.role !== 'assistant') continue;
    const content = m.content as Json;
    if (content === null || content === undefined) continue;
    if (Array.isArray(content)) {
      const parts: string[] = [];
      for (const block of content) {
        if (isObject(block)) {
          if ('text' in block && typeof block.text === 'string' && block.text) parts.push(block.text);
        } else if (typeof block === 'string' && block) parts.push(block);
      }
      const joined = parts.join('\n\n');
      if (joined) return joined;
    } else if (typeof content === 'string' && content) return content;
  }
  return null;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Python's repr-ish type name for messages (`dict`, `list`, `str`, ...). */
export function pyTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return 'dict';
}

/** Python truthiness of a JSON value. */
export function pyTruthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isObject(v)) return Object.keys(v).length > 0;
  return true;
}

/** pathlib's Path.stem of a file path. */
export function pathStem(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const i = name.lastIndexOf('.');
  return i > 0 ? name.slice(0, i) : name;
}

/** utils.py coerce_optional_str: None stays None, anything else is str(). */
export function optStr(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  return pyStr(v);
}

/** Python's str() of a JSON value, as far as traces need it (True/False, ints, floats, json for the rest). */
function pyStr(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  return JSON.stringify(v);
}

/** utils.py require_string. */
export function requireString(v: unknown, context: string): string {
  if (typeof v !== 'string' || v === '') throw new AgentRolloutParseError(`Expected non-empty string for ${context}, got ${JSON.stringify(v ?? null)}`);
  return v;
}

/** utils.py stringify_json_value: strings as they are, anything else as JSON with sorted keys (None → {}). */
export function stringifyJsonValue(v: unknown): string {
  if (typeof v === 'string') return v;
  return pyJsonDumps(v === null || v === undefined ? {} : v);
}

/** utils.py stringify_text_value. */
export function stringifyTextValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  return pyStr(v);
}

/** utils.py normalize_message_content. */
export function normalizeMessageContent(content: unknown): Json {
  if (content === null || content === undefined) return '';
  if (typeof content === 'string' || Array.isArray(content)) return content as Json;
  return stringifyJsonValue(content);
}

/** json.dumps(value, sort_keys=True): `, ` and `: ` separators, non-ASCII escaped as \uXXXX. */
export function pyJsonDumps(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(pyJsonDumps).join(', ')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().map((k) => `${pyJsonDumps(k)}: ${pyJsonDumps(o[k])}`).join(', ')}}`;
}

/** utils.py normalize_message_role: developer → system; anything else unknown is a parse error. */
export function normalizeRole(raw: unknown, context: string): ChatMessage['role'] {
  const role = optStr(raw);
  if (role === 'developer') return 'system';
  if (role === 'user' || role === 'assistant' || role === 'system' || role === 'tool') return role;
  throw new AgentRolloutParseError(`Unsupported message role ${pyRepr(raw)} in ${context}`);
}

function pyRepr(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (v === null || v === undefined) return 'None';
  return pyStr(v);
}

/** utils.py build_message → ChatMessage(...).to_dict() (engine/models/utils.py). */
export function buildMessage(opts: { role: unknown; content: unknown; reasoningContent?: string | null; toolCalls?: JsonObject[] | null; toolCallId?: string | null }): ChatMessage {
  const role = normalizeRole(opts.role, 'agent rollout message');
  const msg: ChatMessage = { role, content: contentBlocks(opts.content) };
  if (opts.reasoningContent) msg.reasoning_content = opts.reasoningContent;
  if (opts.toolCalls && opts.toolCalls.length) msg.tool_calls = opts.toolCalls;
  if (opts.toolCallId) msg.tool_call_id = opts.toolCallId;
  return msg;
}

/** engine/models/utils.py _normalize_content_blocks / _normalize_content_block / _text_block. */
function contentBlocks(content: unknown): JsonObject[] {
  if (Array.isArray(content)) return content.map(contentBlock);
  if (content === null || content === undefined) return [];
  return [textBlock(content)];
}

function contentBlock(block: unknown): JsonObject {
  if (isObject(block) && 'type' in block) return block;
  if (isObject(block) && 'text' in block) return textBlock(block.text);
  return textBlock(block);
}

function textBlock(v: unknown): JsonObject {
  return { type: 'text', text: v === null || v === undefined ? '' : typeof v === 'string' ? v : pyStr(v) };
}

/** utils.py load_jsonl_rows: non-blank lines, each a JSON object. */
export function loadJsonlRows(file: string): JsonObject[] {
  const text = readUtf8(file);
  const rows: JsonObject[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (err) {
      throw new AgentRolloutParseError(`Invalid JSON in ${file} line ${i + 1}: ${(err as Error).message}`);
    }
    if (!isObject(parsed)) throw new AgentRolloutParseError(`Expected JSON object in ${file} line ${i + 1}, got ${pyTypeName(parsed)}`);
    rows.push(parsed);
  });
  return rows;
}

/** utils.py load_json_object. */
export function loadJsonObject(file: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readUtf8(file));
  } catch (err) {
    if (err instanceof AgentRolloutParseError) throw err;
    throw new AgentRolloutParseError(`Invalid JSON in ${file}: ${(err as Error).message}`);
  }
  if (!isObject(parsed)) throw new AgentRolloutParseError(`Expected JSON object in ${file}, got ${pyTypeName(parsed)}`);
  return parsed;
}

/** Reads UTF-8 strictly: a file that is not UTF-8 is skipped (Data Designer catches UnicodeDecodeError). */
function readUtf8(file: string): string {
  const bytes = readFileSync(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AgentRolloutParseError(`${file} is not UTF-8 text`);
  }
}

/**
 * utils.py min_max_timestamps: earliest and latest by instant (ISO 8601, naive = UTC, unparseable
 * skipped), each returned as written; ties keep the first.
 */
export function minMaxTimestamps(timestamps: readonly string[]): [string | null, string | null] {
  let min: [number, string] | undefined;
  let max: [number, string] | undefined;
  for (const t of timestamps) {
    const at = parseIso8601(t);
    if (at === undefined) continue;
    if (!min || at < min[0]) min = [at, t];
    if (!max || at > max[0]) max = [at, t];
  }
  return [min?.[1] ?? null, max?.[1] ?? null];
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2}(?:\.\d{1,6})?)?)?)?$/;

/** utils.py parse_iso8601 (datetime.fromisoformat after Z → +00:00): epoch microseconds, or undefined. */
export function parseIso8601(value: string): number | undefined {
  const m = ISO.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', tz] = m;
  const date = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s);
  const check = new Date(date);
  if (check.getUTCFullYear() !== +y! || check.getUTCMonth() !== +mo! - 1 || check.getUTCDate() !== +d! || +h > 23 || +mi > 59 || +s > 59) return undefined;
  let micros = date * 1000 + Number((frac + '000000').slice(0, 6));
  if (tz && tz !== 'Z') {
    const sign = tz[0] === '-' ? -1 : 1;
    const digits = tz.slice(1).replace(/:/g, '');
    const offset = (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4) || '0') * 60 + Number(digits.slice(4, 6) || '0')) * 1e6;
    micros -= sign * offset;
  }
  return micros;
}
