/**
 * ATIF trajectories (one standalone `.json` file per trajectory), as Data Designer's
 * engine/resources/agent_rollout/atif.py reads them: sequential steps (system/user/agent) become
 * messages, agent tool_calls become tool_calls, observation results with content become tool
 * messages, and the agent, copied-context steps, subagent references, notes, final metrics and extra
 * go to source_meta. Anything outside that contract is a parse error (the file is skipped).
 */
import path from 'node:path';
import {
  AgentRolloutParseError,
  buildMessage,
  isObject,
  loadJsonObject,
  makeRecord,
  minMaxTimestamps,
  optStr,
  pyTruthy,
  pyTypeName,
  requireString,
  stringifyJsonValue,
  type AgentRolloutRecord,
  type ChatMessage,
  type Json,
  type JsonObject,
} from './types.js';

export function parseAtifFile(root: string, relativePath: string): AgentRolloutRecord[] {
  const file = path.join(root, ...relativePath.split('/'));
  const payload = loadJsonObject(file);
  const schemaVersion = requireString(payload.schema_version, `ATIF schema_version in ${file}`);
  const sessionId = requireString(payload.session_id, `ATIF session_id in ${file}`);
  const agent = payload.agent;
  if (!isObject(agent)) throw new AgentRolloutParseError(`ATIF trajectory in ${file} is missing an agent object`);
  const steps = payload.steps;
  if (!Array.isArray(steps) || steps.length === 0) throw new AgentRolloutParseError(`ATIF trajectory in ${file} is missing a non-empty steps list`);

  const messages: ChatMessage[] = [];
  const timestamps: string[] = [];
  const copiedContext: number[] = [];
  const subagentRefs: JsonObject[] = [];
  steps.forEach((step, i) => {
    const stepIndex = i + 1;
    if (!isObject(step)) throw new AgentRolloutParseError(`Expected ATIF step object at ${file} steps[${i}], got ${pyTypeName(step)}`);
    const stepId = step.step_id;
    if (typeof stepId !== 'number' || !Number.isInteger(stepId)) throw new AgentRolloutParseError(`Expected integer ATIF step_id at ${file} steps[${i}], got ${JSON.stringify(stepId ?? null)}`);
    if (stepId !== stepIndex) throw new AgentRolloutParseError(`Expected sequential ATIF step_id ${stepIndex} at ${file} steps[${i}], got ${stepId}`);
    const timestamp = optStr(step.timestamp);
    if (timestamp) timestamps.push(timestamp);
    if (step.is_copied_context === true) copiedContext.push(stepId);
    if (!('message' in step)) throw new AgentRolloutParseError(`ATIF step ${stepId} in ${file} is missing message content`);
    const role = atifRole(step.source, file, stepId);
    if (role !== 'assistant') {
      const invalid = ['reasoning_content', 'tool_calls', 'observation'].filter((f) => step[f] !== undefined && step[f] !== null);
      if (invalid.length) throw new AgentRolloutParseError(`ATIF step ${stepId} in ${file} with role '${role}' cannot include ${invalid.join(', ')}`);
    }
    const toolCalls = atifToolCalls(step.tool_calls, file, stepId);
    messages.push(buildMessage({ role, content: step.message, reasoningContent: role === 'assistant' ? optStr(step.reasoning_content) : null, toolCalls }));
    if (step.observation !== undefined && step.observation !== null) {
      messages.push(...observationMessages(step.observation, file, stepId, new Set(toolCalls.map((c) => c.id as string)), subagentRefs));
    }
  });

  const sourceMeta: JsonObject = { schema_version: schemaVersion, step_count: steps.length, agent_name: requireString(agent.name, `ATIF agent.name in ${file}`) };
  for (const name of ['version', 'model_name']) {
    const v = optStr(agent[name]);
    if (v) sourceMeta[name] = v;
  }
  if (copiedContext.length) sourceMeta.copied_context_step_ids = copiedContext;
  if (subagentRefs.length) sourceMeta.subagent_trajectory_refs = subagentRefs;
  const notes = optStr(payload.notes);
  if (notes) sourceMeta.notes = notes;
  const continued = optStr(payload.continued_trajectory_ref);
  if (continued) sourceMeta.continued_trajectory_ref = continued;
  if (pyTruthy(payload.final_metrics) && isObject(payload.final_metrics)) sourceMeta.final_metrics = payload.final_metrics;
  if (pyTruthy(payload.extra) && isObject(payload.extra)) sourceMeta.extra = payload.extra;

  const agentExtra = isObject(agent.extra) ? agent.extra : {};
  const cwd = optStr(agentExtra.cwd);
  const [startedAt, endedAt] = minMaxTimestamps(timestamps);
  return [
    makeRecord({
      trace_id: sessionId,
      source_kind: 'atif',
      source_path: file,
      root_session_id: sessionId,
      agent_id: null,
      is_sidechain: false,
      cwd,
      project_path: optStr(agentExtra.project_path) || cwd,
      git_branch: optStr(agentExtra.git_branch),
      started_at: startedAt,
      ended_at: endedAt,
      messages,
      source_meta: sourceMeta,
    }),
  ];
}

/** atif.py normalize_atif_role: agent → assistant; system and user as they are. */
function atifRole(raw: Json | undefined, file: string, stepId: number): 'assistant' | 'system' | 'user' {
  const source = requireString(raw, `ATIF source in ${file} step ${stepId}`);
  if (source === 'agent') return 'assistant';
  if (source === 'system' || source === 'user') return source;
  throw new AgentRolloutParseError(`Unsupported ATIF source '${source}' in ${file} step ${stepId}`);
}

/** atif.py normalize_atif_tool_calls. */
function atifToolCalls(raw: Json | undefined, file: string, stepId: number): JsonObject[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new AgentRolloutParseError(`ATIF tool_calls in ${file} step ${stepId} must be a list`);
  return raw.map((call, i) => {
    if (!isObject(call)) throw new AgentRolloutParseError(`Expected ATIF tool_call object in ${file} step ${stepId}, got ${pyTypeName(call)}`);
    return {
      id: requireString(call.tool_call_id, `ATIF tool_call_id in ${file} step ${stepId} tool_calls[${i}]`),
      type: 'function',
      function: { name: requireString(call.function_name, `ATIF function_name in ${file} step ${stepId} tool_calls[${i}]`), arguments: stringifyJsonValue(call.arguments) },
    };
  });
}

/** atif.py normalize_atif_observation_messages: tool messages, and subagent references gathered for source_meta. */
function observationMessages(observation: Json, file: string, stepId: number, callIds: Set<string>, subagentRefs: JsonObject[]): ChatMessage[] {
  if (!isObject(observation)) throw new AgentRolloutParseError(`ATIF observation in ${file} step ${stepId} must be an object`);
  const results = observation.results;
  if (!Array.isArray(results)) throw new AgentRolloutParseError(`ATIF observation.results in ${file} step ${stepId} must be a list`);
  const out: ChatMessage[] = [];
  results.forEach((result, resultIndex) => {
    if (!isObject(result)) throw new AgentRolloutParseError(`Expected ATIF observation result object in ${file} step ${stepId}, got ${pyTypeName(result)}`);
    const callId = optStr(result.source_call_id);
    if (callId !== null && !callIds.has(callId)) throw new AgentRolloutParseError(`ATIF observation source_call_id '${callId}' in ${file} step ${stepId} does not reference a declared tool call`);
    if (result.content !== undefined && result.content !== null) {
      if (callId === null) throw new AgentRolloutParseError(`ATIF observation result in ${file} step ${stepId} with content is missing source_call_id`);
      out.push(buildMessage({ role: 'tool', content: result.content, toolCallId: callId }));
    }
    const rawRefs = result.subagent_trajectory_ref;
    if (rawRefs === undefined || rawRefs === null) return;
    if (!Array.isArray(rawRefs)) throw new AgentRolloutParseError(`ATIF subagent_trajectory_ref in ${file} step ${stepId} result ${resultIndex} must be a list`);
    const refs: JsonObject[] = rawRefs.map((ref, refIndex) => {
      if (!isObject(ref)) throw new AgentRolloutParseError(`Expected subagent trajectory ref object in ${file} step ${stepId}, got ${pyTypeName(ref)}`);
      const normalized: JsonObject = { session_id: requireString(ref.session_id, `ATIF subagent session_id in ${file} step ${stepId} result ${resultIndex} ref ${refIndex}`) };
      const trajectoryPath = optStr(ref.trajectory_path);
      if (trajectoryPath) normalized.trajectory_path = trajectoryPath;
      if (pyTruthy(ref.extra) && isObject(ref.extra)) normalized.extra = ref.extra;
      return normalized;
    });
    if (refs.length) subagentRefs.push({ step_id: stepId, refs });
  });
  return out;
}
