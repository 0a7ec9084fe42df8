/**
 * Pi Coding Agent sessions (`~/.pi/agent/sessions/.../*.jsonl`), as Data Designer's
 * engine/resources/agent_rollout/pi_coding_agent.py reads them: a session header line, then entries
 * forming a tree by id/parentId; the active path (from the last entry back to the root) gives the
 * messages — user, assistant (text, thinking, toolCall blocks), toolResult, bashExecution (a synthetic
 * `bash` tool call and its output), custom and summary messages.
 */
import path from 'node:path';
import {
  AgentRolloutParseError,
  buildMessage,
  isObject,
  loadJsonlRows,
  makeRecord,
  normalizeMessageContent,
  optStr,
  pyTruthy,
  requireString,
  stringifyJsonValue,
  type AgentRolloutRecord,
  type ChatMessage,
  type Json,
  type JsonObject,
} from './types.js';

export function parsePiFile(root: string, relativePath: string, warn: (m: string) => void): AgentRolloutRecord[] {
  const file = path.join(root, ...relativePath.split('/'));
  const rows = loadJsonlRows(file);
  if (rows.length === 0) {
    warn(`Skipping empty Pi Coding Agent session file ${file}`);
    return [];
  }
  return [parsePiSession(file, rows)];
}

/** pi_coding_agent.py parse_pi_session. */
function parsePiSession(file: string, rows: JsonObject[]): AgentRolloutRecord {
  const header = rows[0]!;
  if (header.type !== 'session') throw new AgentRolloutParseError(`Pi session at ${file} is missing a session header as the first entry`);
  const sessionId = requireString(header.id, `Pi session header id in ${file}`);
  const cwd = optStr(header.cwd);
  const entries = rows.slice(1);
  const messages: ChatMessage[] = [];
  const entryTypes = new Set<string>();
  const models: string[] = [];
  const stopReasons: string[] = [];
  let bashExecutions = 0;
  const addDistinct = (list: string[], v: string | null) => {
    if (v && !list.includes(v)) list.push(v);
  };

  for (const entry of activePath(entries)) {
    const type = optStr(entry.type) || 'unknown';
    entryTypes.add(type);
    if (type === 'model_change') {
      addDistinct(models, optStr(entry.modelId));
      continue;
    }
    if (type === 'compaction' || type === 'branch_summary') {
      const summary = optStr(entry.summary);
      if (summary) messages.push(buildMessage({ role: 'system', content: summary }));
      continue;
    }
    if (type === 'custom_message') {
      if (pyTruthy(entry.display)) messages.push(buildMessage({ role: 'system', content: normalizeMessageContent(entry.content) }));
      continue;
    }
    if (type !== 'message') continue;
    const raw = entry.message;
    if (!isObject(raw)) continue;
    const entryId = optStr(entry.id) || '';
    const role = optStr(raw.role);
    if (role === 'assistant') {
      addDistinct(stopReasons, optStr(raw.stopReason));
      addDistinct(models, optStr(raw.model));
    }
    if (role === 'bashExecution') bashExecutions++;
    messages.push(...piMessage(raw, file, entryId));
  }

  const timestamps: string[] = [];
  const sessionTimestamp = optStr(header.timestamp);
  if (sessionTimestamp) timestamps.push(sessionTimestamp);
  for (const entry of entries) {
    const t = optStr(entry.timestamp);
    if (t) timestamps.push(t);
  }
  const sourceMeta: JsonObject = { record_count: rows.length, entry_types: [...entryTypes].sort(), stop_reasons: stopReasons };
  if (header.version !== undefined && header.version !== null) sourceMeta.session_version = header.version;
  if (models.length) sourceMeta.models_used = models;
  if (hasBranches(entries)) sourceMeta.has_branches = true;
  if (bashExecutions) sourceMeta.bash_execution_count = bashExecutions;
  const parent = optStr(header.parentSession);
  if (parent) sourceMeta.parent_session = parent;
  // Pi compares its timestamps as strings (min/max), unlike the other formats' min_max_timestamps.
  const sorted = [...timestamps].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return makeRecord({
    trace_id: sessionId,
    source_kind: 'pi_coding_agent',
    source_path: file,
    root_session_id: sessionId,
    agent_id: null,
    is_sidechain: false,
    cwd,
    project_path: cwd,
    git_branch: null,
    started_at: sorted[0] ?? null,
    ended_at: sorted[sorted.length - 1] ?? null,
    messages,
    source_meta: sourceMeta,
  });
}

/** pi_coding_agent.py _resolve_active_path: from the last entry back through parentId, in chronological order. */
function activePath(entries: readonly JsonObject[]): JsonObject[] {
  if (entries.length === 0) return [];
  const byId = new Map<string, JsonObject>();
  for (const e of entries) if (typeof e.id === 'string' && e.id) byId.set(e.id, e);
  const out: JsonObject[] = [];
  const visited = new Set<string>();
  let current: JsonObject | undefined = entries[entries.length - 1];
  while (current) {
    const id = current.id;
    if (typeof id === 'string' && visited.has(id)) break;
    if (typeof id === 'string') visited.add(id);
    out.push(current);
    const parentId: Json | undefined = current.parentId;
    if (parentId === undefined || parentId === null) break;
    current = typeof parentId === 'string' ? byId.get(parentId) : undefined;
  }
  return out.reverse();
}

/** pi_coding_agent.py _detect_branches: a parent id referenced by two entries. */
function hasBranches(entries: readonly JsonObject[]): boolean {
  const seen = new Set<string>();
  for (const e of entries) {
    if (typeof e.parentId !== 'string' || !e.parentId) continue;
    if (seen.has(e.parentId)) return true;
    seen.add(e.parentId);
  }
  return false;
}

/** pi_coding_agent.py _normalize_pi_message. */
function piMessage(raw: JsonObject, file: string, entryId: string): ChatMessage[] {
  const role = optStr(raw.role);
  if (role === 'user') return [buildMessage({ role: 'user', content: normalizeMessageContent(raw.content) })];
  if (role === 'assistant') return [assistantMessage(raw)];
  if (role === 'toolResult') return [buildMessage({ role: 'tool', content: normalizeMessageContent(raw.content), toolCallId: requireString(raw.toolCallId, `Pi toolResult toolCallId in ${file}`) })];
  if (role === 'bashExecution') return bashExecution(raw, entryId);
  if (role === 'custom') return pyTruthy(raw.display) ? [buildMessage({ role: 'system', content: normalizeMessageContent(raw.content) })] : [];
  if (role === 'compactionSummary' || role === 'branchSummary') {
    const summary = optStr(raw.summary);
    return summary ? [buildMessage({ role: 'system', content: summary })] : [];
  }
  return [];
}

/** pi_coding_agent.py _normalize_pi_assistant_message: text joined, thinking as reasoning, toolCall blocks as tool_calls. */
function assistantMessage(raw: JsonObject): ChatMessage {
  const blocks = raw.content;
  const text: string[] = [];
  const thinking: string[] = [];
  const toolCalls: JsonObject[] = [];
  if (Array.isArray(blocks)) {
    for (const block of blocks) {
      if (!isObject(block)) {
        if (typeof block === 'string' && block) text.push(block);
        continue;
      }
      if (block.type === 'text') {
        const t = optStr(block.text);
        if (t) text.push(t);
      } else if (block.type === 'thinking') {
        const t = optStr(block.thinking);
        if (t) thinking.push(t);
      } else if (block.type === 'toolCall') {
        toolCalls.push({ id: 'id' in block ? block.id! : '', type: 'function', function: { name: 'name' in block ? block.name! : '', arguments: stringifyJsonValue(block.arguments) } });
      }
    }
  } else if (typeof blocks === 'string') text.push(blocks);
  return buildMessage({ role: 'assistant', content: text.length ? text.join('\n\n') : '', reasoningContent: thinking.length ? thinking.join('\n\n') : null, toolCalls });
}

/** pi_coding_agent.py _normalize_pi_bash_execution: a synthetic `bash` tool call and its result. */
function bashExecution(raw: JsonObject, entryId: string): ChatMessage[] {
  if (pyTruthy(raw.excludeFromContext)) return [];
  const id = entryId ? `bash_${entryId}` : 'bash_unknown';
  const command = optStr(raw.command) || '';
  const output = optStr(raw.output) || '';
  const exitCode: Json | undefined = raw.exitCode;
  const parts = output ? [output] : [];
  if (exitCode !== undefined && exitCode !== null) parts.push(`[exit code: ${optStr(exitCode)}]`);
  return [
    buildMessage({ role: 'assistant', content: '', toolCalls: [{ id, type: 'function', function: { name: 'bash', arguments: stringifyJsonValue({ command }) } }] }),
    buildMessage({ role: 'tool', content: parts.join('\n'), toolCallId: id }),
  ];
}
