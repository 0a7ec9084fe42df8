/**
 * Codex CLI rollout files (`~/.codex/sessions/.../rollout-*.jsonl`), as Data Designer's
 * engine/resources/agent_rollout/codex.py reads them: session_meta gives the session, response_item
 * records give messages, tool calls (function_call, custom_tool_call, apply_patch_call) and their
 * outputs; agent_reasoning events and reasoning items become the next assistant message's
 * reasoning_content (left over: source_meta.unattached_reasoning).
 */
import path from 'node:path';
import { buildMessage, isObject, loadJsonlRows, makeRecord, minMaxTimestamps, optStr, requireString, stringifyJsonValue, stringifyTextValue, pathStem, type AgentRolloutRecord, type ChatMessage, type JsonObject } from './types.js';

export function parseCodexFile(root: string, relativePath: string, warn: (m: string) => void): AgentRolloutRecord[] {
  const file = path.join(root, ...relativePath.split('/'));
  const rows = loadJsonlRows(file);
  if (rows.length === 0) {
    warn(`Skipping empty Codex rollout file ${file}`);
    return [];
  }
  const messages: ChatMessage[] = [];
  const timestamps: string[] = [];
  const pendingReasoning: string[] = [];
  const rawTypes = new Set<string>();
  const itemTypes = new Set<string>();
  let sessionMeta: JsonObject = {};

  for (const raw of rows) {
    const recordType = optStr(raw.type) || 'unknown';
    rawTypes.add(recordType);
    const timestamp = optStr(raw.timestamp);
    if (timestamp) timestamps.push(timestamp);
    const payload = raw.payload;
    if (!isObject(payload)) continue;
    if (recordType === 'session_meta') {
      sessionMeta = payload;
      const t = optStr(payload.timestamp);
      if (t) timestamps.push(t);
      continue;
    }
    if (recordType === 'event_msg') {
      const text = optStr(payload.text);
      if (optStr(payload.type) === 'agent_reasoning' && text) pendingReasoning.push(text);
      continue;
    }
    if (recordType !== 'response_item') continue;
    const itemType = optStr(payload.type) || 'unknown';
    itemTypes.add(itemType);
    if (itemType === 'message') {
      const role = requireString(payload.role, `Codex message role in ${file}`);
      const reasoning = role === 'assistant' && pendingReasoning.length ? pendingReasoning.join('\n\n') : null;
      pendingReasoning.length = 0;
      messages.push(buildMessage({ role, content: payload.content, reasoningContent: reasoning }));
    } else if (itemType === 'function_call' || itemType === 'custom_tool_call' || itemType === 'apply_patch_call') {
      const reasoning = pendingReasoning.length ? pendingReasoning.join('\n\n') : null;
      pendingReasoning.length = 0;
      messages.push(
        buildMessage({
          role: 'assistant',
          content: '',
          reasoningContent: reasoning,
          toolCalls: [
            {
              id: requireString(payload.call_id, `Codex tool call id in ${file}`),
              type: 'function',
              function: {
                name: requireString(payload.name, `Codex tool name in ${file}`),
                arguments: 'arguments' in payload ? stringifyJsonValue(payload.arguments) : stringifyTextValue(payload.input),
              },
            },
          ],
        }),
      );
    } else if (itemType === 'function_call_output' || itemType === 'custom_tool_call_output' || itemType === 'apply_patch_call_output') {
      messages.push(buildMessage({ role: 'tool', content: payload.output, toolCallId: requireString(payload.call_id, `Codex tool output id in ${file}`) }));
    } else if (itemType === 'reasoning') {
      pendingReasoning.push(...reasoningSummaries(payload));
    } else {
      warn(`Skipping unrecognized Codex response_item type '${itemType}' in ${file}`);
    }
  }

  const sessionId = optStr(sessionMeta.id) || pathStem(file);
  const sourceMeta: JsonObject = { record_count: rows.length, record_types: [...rawTypes].sort(), response_item_types: [...itemTypes].sort() };
  for (const name of ['originator', 'cli_version', 'model_provider', 'source']) {
    const v = optStr(sessionMeta[name]);
    if (v) sourceMeta[name] = v;
  }
  if (pendingReasoning.length) sourceMeta.unattached_reasoning = [...pendingReasoning];
  const [earliest, latest] = minMaxTimestamps(timestamps);
  return [
    makeRecord({
      trace_id: sessionId,
      source_kind: 'codex',
      source_path: file,
      root_session_id: sessionId,
      agent_id: null,
      is_sidechain: false,
      cwd: optStr(sessionMeta.cwd),
      project_path: optStr(sessionMeta.cwd),
      git_branch: optStr(sessionMeta.git_branch),
      started_at: optStr(sessionMeta.timestamp) || earliest,
      ended_at: latest,
      messages,
      source_meta: sourceMeta,
    }),
  ];
}

/** codex.py extract_codex_reasoning_summaries. */
function reasoningSummaries(payload: JsonObject): string[] {
  const summaries = payload.summary;
  if (!Array.isArray(summaries)) return [];
  const out: string[] = [];
  for (const s of summaries) {
    const text = isObject(s) ? optStr(s.text) : null;
    if (text) out.push(text);
  }
  return out;
}
