/**
 * Claude Code session files (`~/.claude/projects/<project>/<session>.jsonl`), as Data Designer's
 * engine/resources/agent_rollout/claude_code.py reads them: one record per file; assistant records give
 * text, thinking (reasoning_content), tool_use (tool_calls) and nested tool_result blocks (tool
 * messages); user records give text or tool results; sessions-index.json files add project path,
 * summary and first prompt.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AgentRolloutParseError,
  buildMessage,
  isObject,
  loadJsonlRows,
  makeRecord,
  minMaxTimestamps,
  optStr,
  pathStem,
  pyTruthy,
  requireString,
  stringifyJsonValue,
  stringifyTextValue,
  type AgentRolloutRecord,
  type ChatMessage,
  type JsonObject,
} from './types.js';

export type ClaudeSessionIndex = Map<string, JsonObject>;

export function parseClaudeCodeFile(root: string, relativePath: string, sessionIndex: ClaudeSessionIndex, warn: (m: string) => void): AgentRolloutRecord[] {
  const file = path.join(root, ...relativePath.split('/'));
  const rows = loadJsonlRows(file);
  if (rows.length === 0) {
    warn(`Skipping empty Claude Code trace file ${file}`);
    return [];
  }
  const messages: ChatMessage[] = [];
  const timestamps: string[] = [];
  const versions = new Set<string>();
  const rawTypes = new Set<string>();
  let sessionId: string | null = null;
  let agentId: string | null = null;
  let cwd: string | null = null;
  let gitBranch: string | null = null;
  let isSidechain = false;

  for (const raw of rows) {
    rawTypes.add(raw.type === undefined ? 'unknown' : raw.type === null ? 'None' : optStr(raw.type)!);
    const timestamp = optStr(raw.timestamp);
    if (timestamp) timestamps.push(timestamp);
    sessionId ||= optStr(raw.sessionId);
    agentId ||= optStr(raw.agentId);
    cwd ||= optStr(raw.cwd);
    gitBranch ||= optStr(raw.gitBranch);
    const version = optStr(raw.version);
    if (version) versions.add(version);
    isSidechain ||= pyTruthy(raw.isSidechain);
    if (raw.type === 'assistant') messages.push(...assistantMessages(raw));
    else if (raw.type === 'user') messages.push(...userMessages(raw));
  }

  const [startedAt, endedAt] = minMaxTimestamps(timestamps);
  const sessionKey = sessionId || pathStem(file);
  const indexEntry = sessionIndex.get(sessionKey) ?? {};
  const projectPath = optStr(indexEntry.projectPath) || cwd;
  const traceId = agentId ? `${sessionKey}:${agentId}` : sessionKey;
  const sourceMeta: JsonObject = { record_count: rows.length, record_types: [...rawTypes].sort() };
  if (versions.size) sourceMeta.claude_versions = [...versions].sort();
  const summary = optStr(indexEntry.summary);
  if (summary) sourceMeta.summary = summary;
  const firstPrompt = optStr(indexEntry.firstPrompt);
  if (firstPrompt) sourceMeta.first_prompt = firstPrompt;

  return [
    makeRecord({
      trace_id: traceId,
      source_kind: 'claude_code',
      source_path: file,
      root_session_id: sessionKey,
      agent_id: agentId,
      is_sidechain: isSidechain,
      cwd,
      project_path: projectPath,
      git_branch: gitBranch,
      started_at: startedAt,
      ended_at: endedAt,
      messages,
      source_meta: sourceMeta,
    }),
  ];
}

/** claude_code.py normalize_content_block. */
export function normalizeContentBlock(block: unknown): JsonObject {
  if (isObject(block)) {
    const type = optStr(block.type);
    if ((type === 'text' || type === 'input_text' || type === 'output_text') && 'text' in block) return { type: 'text', text: stringifyTextValue(block.text) };
    if (type !== null) return block;
    if ('text' in block) return { type: 'text', text: stringifyTextValue(block.text) };
  }
  return { type: 'text', text: stringifyTextValue(block) };
}

/** claude_code.py coerce_raw_blocks. */
function rawBlocks(content: unknown): JsonObject[] {
  if (content === null || content === undefined) return [];
  if (Array.isArray(content)) return content.map((b) => (isObject(b) ? b : { type: 'text', text: stringifyTextValue(b) }));
  if (isObject(content)) return [content];
  return [{ type: 'text', text: stringifyTextValue(content) }];
}

function toolResultMessage(block: JsonObject): ChatMessage {
  return buildMessage({ role: 'tool', content: block.content, toolCallId: requireString(block.tool_use_id, 'Claude tool_result tool_use_id') });
}

/** claude_code.py normalize_claude_assistant_messages. */
function assistantMessages(raw: JsonObject): ChatMessage[] {
  const payload = raw.message;
  if (!isObject(payload)) throw new AgentRolloutParseError(`Claude assistant record is missing a message payload: ${JSON.stringify(raw)}`);
  const content: JsonObject[] = [];
  const reasoning: string[] = [];
  const toolCalls: JsonObject[] = [];
  const toolMessages: ChatMessage[] = [];
  for (const block of rawBlocks(payload.content)) {
    const type = optStr(block.type);
    if (type === 'text') content.push(normalizeContentBlock(block));
    else if (type === 'thinking') {
      const text = optStr(block.thinking) || optStr(block.text);
      if (text) reasoning.push(text);
    } else if (type === 'tool_use') toolCalls.push(toolCall(block));
    else if (type === 'tool_result') toolMessages.push(toolResultMessage(block));
    else content.push(normalizeContentBlock(block));
  }
  const out: ChatMessage[] = [];
  if (content.length || reasoning.length || toolCalls.length) {
    out.push(buildMessage({ role: 'assistant', content, reasoningContent: reasoning.length ? reasoning.join('\n\n') : null, toolCalls }));
  }
  out.push(...toolMessages);
  return out;
}

/** claude_code.py normalize_claude_user_messages. */
function userMessages(raw: JsonObject): ChatMessage[] {
  const payload = raw.message;
  if (!isObject(payload)) throw new AgentRolloutParseError(`Claude user record is missing a message payload: ${JSON.stringify(raw)}`);
  const content = payload.content;
  if (isObject(content) && optStr(content.type) === 'tool_result') return [toolResultMessage(content)];
  if (Array.isArray(content)) {
    const userContent: JsonObject[] = [];
    const toolMessages: ChatMessage[] = [];
    for (const block of rawBlocks(content)) {
      if (optStr(block.type) === 'tool_result') toolMessages.push(toolResultMessage(block));
      else userContent.push(normalizeContentBlock(block));
    }
    const out: ChatMessage[] = [];
    if (userContent.length) out.push(buildMessage({ role: 'user', content: userContent }));
    out.push(...toolMessages);
    return out;
  }
  return [buildMessage({ role: 'user', content })];
}

/** claude_code.py normalize_claude_tool_call. */
function toolCall(block: JsonObject): JsonObject {
  return {
    id: requireString(block.id, 'Claude tool_use id'),
    type: 'function',
    function: { name: requireString(block.name, 'Claude tool_use name'), arguments: stringifyJsonValue(block.input) },
  };
}

/**
 * claude_code.py load_claude_session_index: entries of every sessions-index.json by sessionId (later
 * files win); a malformed index is skipped with a warning.
 */
export function loadClaudeSessionIndex(indexFiles: readonly string[], warn: (m: string) => void): ClaudeSessionIndex {
  const entries: ClaudeSessionIndex = new Map();
  for (const file of indexFiles) {
    try {
      const payload = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      const list = isObject(payload) ? (payload.entries ?? []) : undefined;
      if (!Array.isArray(list)) throw new AgentRolloutParseError(`Claude sessions index at ${file} is missing an 'entries' list`);
      for (const entry of list) {
        const id = isObject(entry) ? optStr(entry.sessionId) : null;
        if (isObject(entry) && id) entries.set(id, entry);
      }
    } catch (err) {
      warn(`Skipping malformed Claude sessions index ${file}: ${(err as Error).message}`);
    }
  }
  return entries;
}
