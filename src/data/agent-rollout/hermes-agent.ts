/**
 * Hermes Agent sessions, as Data Designer's engine/resources/agent_rollout/hermes_agent.py reads them:
 * CLI session logs (`session_*.json`: messages, system prompt, tools, model) and gateway transcripts
 * (`*.jsonl`: one message per line, with metadata from `sessions.json` indexes by session id).
 */
import path from 'node:path';
import {
  AgentRolloutParseError,
  buildMessage,
  isObject,
  loadJsonObject,
  loadJsonlRows,
  makeRecord,
  normalizeMessageContent,
  normalizeRole,
  optStr,
  pathStem,
  pyTypeName,
  requireString,
  stringifyJsonValue,
  type AgentRolloutRecord,
  type ChatMessage,
  type Json,
  type JsonObject,
} from './types.js';

export type HermesSessionIndex = Map<string, JsonObject>;

export function parseHermesFile(root: string, relativePath: string, sessionIndex: HermesSessionIndex, warn: (m: string) => void): AgentRolloutRecord[] {
  const file = path.join(root, ...relativePath.split('/'));
  if (file.endsWith('.json') && path.basename(file) !== '.json') return [parseCliSessionLog(file)];
  return parseGatewayTranscript(file, sessionIndex, warn);
}

/** hermes_agent.py parse_hermes_cli_session_log. */
function parseCliSessionLog(file: string): AgentRolloutRecord {
  const payload = loadJsonObject(file);
  const raw = payload.messages;
  if (!Array.isArray(raw)) throw new AgentRolloutParseError(`Hermes CLI session at ${file} is missing a 'messages' list`);
  const messages = normalizeHermesMessages(raw, file, optStr(payload.system_prompt));
  const sessionId = optStr(payload.session_id) || removePrefix(pathStem(file), 'session_');
  const toolNames = declaredToolNames(payload.tools);
  const sourceMeta: JsonObject = {
    record_count: raw.length,
    session_format: 'cli_session_log',
    available_tool_count: toolNames.length,
    available_tool_names: toolNames,
    finish_reasons: finishReasons(raw),
  };
  for (const name of ['model', 'base_url', 'platform']) {
    const v = optStr(payload[name]);
    if (v) sourceMeta[name] = v;
  }
  if (typeof payload.system_prompt === 'string' && payload.system_prompt) {
    sourceMeta.has_system_prompt = true;
    sourceMeta.system_prompt_chars = [...payload.system_prompt].length;
  }
  if (Array.isArray(payload.tools) && payload.tools.length) sourceMeta.tools = stringifyJsonValue(payload.tools);
  return hermesRecord(file, sessionId, optStr(payload.session_start), optStr(payload.last_updated), messages, sourceMeta);
}

/** hermes_agent.py parse_hermes_gateway_transcript. */
function parseGatewayTranscript(file: string, sessionIndex: HermesSessionIndex, warn: (m: string) => void): AgentRolloutRecord[] {
  const rows = loadJsonlRows(file);
  if (rows.length === 0) {
    warn(`Skipping empty Hermes Agent transcript file ${file}`);
    return [];
  }
  const messages = normalizeHermesMessages(rows, file, null);
  const sessionId = pathStem(file);
  const meta = sessionIndex.get(sessionId) ?? {};
  const sourceMeta: JsonObject = { record_count: rows.length, session_format: 'gateway_transcript', finish_reasons: finishReasons(rows), tool_names_used: usedToolNames(rows) };
  for (const name of [
    'session_key',
    'display_name',
    'platform',
    'chat_type',
    'input_tokens',
    'output_tokens',
    'cache_read_tokens',
    'cache_write_tokens',
    'total_tokens',
    'last_prompt_tokens',
    'estimated_cost_usd',
    'cost_status',
    'memory_flushed',
  ]) {
    if (name in meta) sourceMeta[name] = meta[name]!;
  }
  if (isObject(meta.origin) && Object.keys(meta.origin).length) sourceMeta.origin = meta.origin;
  return [hermesRecord(file, sessionId, optStr(meta.created_at), optStr(meta.updated_at), messages, sourceMeta)];
}

/** A Hermes session's row: Hermes records no agent id, sidechain, cwd, project or branch. */
function hermesRecord(file: string, sessionId: string, startedAt: string | null, endedAt: string | null, messages: ChatMessage[], sourceMeta: JsonObject): AgentRolloutRecord {
  return makeRecord({
    trace_id: sessionId,
    source_kind: 'hermes_agent',
    source_path: file,
    root_session_id: sessionId,
    agent_id: null,
    is_sidechain: false,
    cwd: null,
    project_path: null,
    git_branch: null,
    started_at: startedAt,
    ended_at: endedAt,
    messages,
    source_meta: sourceMeta,
  });
}

/** hermes_agent.py normalize_hermes_messages. */
export function normalizeHermesMessages(raw: readonly Json[], file: string, systemPrompt: string | null): ChatMessage[] {
  const out: ChatMessage[] = [];
  if (systemPrompt) out.push(buildMessage({ role: 'system', content: systemPrompt }));
  raw.forEach((message, i) => {
    const index = i + 1;
    if (!isObject(message)) throw new AgentRolloutParseError(`Expected Hermes message object at index ${index} in ${file}, got ${pyTypeName(message)}`);
    const role = normalizeRole(message.role, `Hermes message #${index} in ${file}`);
    if (role === 'tool') {
      out.push(buildMessage({ role: 'tool', content: normalizeMessageContent(message.content), toolCallId: requireString(message.tool_call_id, `Hermes tool message tool_call_id #${index} in ${file}`) }));
      return;
    }
    out.push(buildMessage({ role, content: normalizeMessageContent(message.content), reasoningContent: optStr(message.reasoning), toolCalls: hermesToolCalls(message.tool_calls, file, index) }));
  });
  return out;
}

/** hermes_agent.py normalize_hermes_tool_calls. */
function hermesToolCalls(raw: Json | undefined, file: string, messageIndex: number): JsonObject[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new AgentRolloutParseError(`Expected Hermes tool_calls list for message #${messageIndex} in ${file}, got ${pyTypeName(raw)}`);
  return raw.map((call, i) => {
    const callIndex = i + 1;
    if (!isObject(call)) throw new AgentRolloutParseError(`Expected Hermes tool call object at message #${messageIndex} call #${callIndex} in ${file}, got ${pyTypeName(call)}`);
    const fn = isObject(call.function) ? call.function : {};
    const context = `Hermes tool call #${callIndex} on message #${messageIndex} in ${file}`;
    const id = requireString(truthyOr(call.id, call.call_id), `${context} id`);
    const name = requireString(truthyOr(fn.name, call.name), `${context} name`);
    const args = 'arguments' in fn ? fn.arguments : call.arguments;
    return { id, type: 'function', function: { name, arguments: stringifyJsonValue(args) } };
  });
}

/** Python's `a or b`. */
function truthyOr(a: Json | undefined, b: Json | undefined): Json | undefined {
  const falsy = a === undefined || a === null || a === false || a === 0 || a === '' || (Array.isArray(a) && a.length === 0) || (isObject(a) && Object.keys(a).length === 0);
  return falsy ? b : a;
}

function removePrefix(s: string, prefix: string): string {
  return s.startsWith(prefix) ? s.slice(prefix.length) : s;
}

/** Distinct non-empty names in first-seen order. */
function distinct(names: Iterable<string | null>): string[] {
  const seen = new Set<string>();
  for (const n of names) if (n && !seen.has(n)) seen.add(n);
  return [...seen];
}

/** hermes_agent.py extract_hermes_tool_names. */
function declaredToolNames(raw: Json | undefined): string[] {
  if (!Array.isArray(raw)) return [];
  return distinct(raw.map((t) => (isObject(t) && isObject(t.function) ? optStr(t.function.name) : null)));
}

/** hermes_agent.py _extract_finish_reasons. */
function finishReasons(raw: readonly Json[]): string[] {
  return distinct(raw.map((m) => (isObject(m) && m.role === 'assistant' ? optStr(m.finish_reason) : null)));
}

/** hermes_agent.py _extract_used_tool_names. */
function usedToolNames(raw: readonly Json[]): string[] {
  const names: (string | null)[] = [];
  for (const m of raw) {
    if (!isObject(m) || !Array.isArray(m.tool_calls)) continue;
    for (const c of m.tool_calls) if (isObject(c) && isObject(c.function)) names.push(optStr(c.function.name));
  }
  return distinct(names);
}

/**
 * hermes_agent.py load_hermes_session_index: `sessions.json` maps a session key to a session id (or to
 * an entry with `session_id`); a malformed index is skipped with a warning.
 */
export function loadHermesSessionIndex(indexFiles: readonly string[], warn: (m: string) => void): HermesSessionIndex {
  const entries: HermesSessionIndex = new Map();
  for (const file of indexFiles) {
    try {
      const payload = loadJsonObject(file);
      for (const [key, entry] of Object.entries(payload)) {
        if (typeof entry === 'string') {
          if (entry) entries.set(entry, { session_key: key });
          continue;
        }
        if (!isObject(entry)) continue;
        const id = optStr(entry.session_id);
        if (!id) continue;
        entries.set(id, { session_key: key, ...entry });
      }
    } catch (err) {
      if (!(err instanceof AgentRolloutParseError) && !(err as NodeJS.ErrnoException).code) throw err;
      warn(`Skipping malformed Hermes sessions index ${file}: ${(err as Error).message}`);
    }
  }
  return entries;
}
