// Vectors re-expressed from Data Designer's packages/data-designer-engine/tests/engine/resources/
// agent_rollout/test_atif.py (engine/resources/agent_rollout/atif.py), and the path requirement of
// config/seed_source.py AgentRolloutSeedSource.validate_runtime_path_source (tests/config/test_seed_source.py).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAtifFile } from '../../src/data/agent-rollout/atif.js';
import { AgentRolloutParseError } from '../../src/data/agent-rollout/types.js';
import { agentRolloutRoot, isHandledRolloutFile } from '../../src/shared/agent-rollout-files.js';
import { tempDir } from './helpers.js';

const writePayload = (dir: string, payload: unknown) => writeFileSync(path.join(dir, 'trace.json'), JSON.stringify(payload));
const buildPayload = (steps: Record<string, unknown>[]) => ({ schema_version: 'ATIF-v1.6', session_id: 'atif-session', agent: { name: 'harbor-agent', model_name: 'gpt-5' }, steps });
const parseError = (dir: string) => {
  try {
    parseAtifFile(dir, 'trace.json');
  } catch (err) {
    expect(err).toBeInstanceOf(AgentRolloutParseError);
    return (err as Error).message;
  }
  throw new Error('expected a parse error');
};

describe('atif handler (test_atif.py)', () => {
  it('test_parse_file_comprehensive_happy_path', () => {
    const dir = tempDir();
    writePayload(dir, {
      schema_version: 'ATIF-v1.6',
      session_id: 'atif-session',
      agent: { name: 'harbor-agent', version: '2.0.0', model_name: 'gpt-5', extra: { cwd: '/workspace', project_path: '/workspace/project', git_branch: 'main' } },
      steps: [
        { step_id: 1, timestamp: '2026-04-06T12:00:00Z', source: 'system', message: 'You are a coding agent.' },
        { step_id: 2, timestamp: '2026-04-06T12:00:01Z', source: 'user', message: 'Inspect the repository.', is_copied_context: true },
        {
          step_id: 3,
          timestamp: '2026-04-06T12:00:05Z',
          source: 'agent',
          message: [{ type: 'text', text: 'I inspected the repository.' }],
          reasoning_content: 'Check README and tests first.',
          tool_calls: [{ tool_call_id: 'call-1', function_name: 'read_file', arguments: { path: 'README.md' } }],
          observation: {
            results: [
              { source_call_id: 'call-1', content: 'README contents' },
              { subagent_trajectory_ref: [{ session_id: 'subagent-1', trajectory_path: 'subagent-1.json', extra: { summary: 'Ran test audit' } }] },
            ],
          },
        },
      ],
      notes: 'standalone ATIF rollout',
      final_metrics: { total_cost_usd: 0.42 },
    });
    const records = parseAtifFile(dir, 'trace.json');
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record).toMatchObject({
      trace_id: 'atif-session',
      root_session_id: 'atif-session',
      source_kind: 'atif',
      message_count: 4,
      tool_call_count: 1,
      final_assistant_message: 'I inspected the repository.',
      cwd: '/workspace',
      project_path: '/workspace/project',
      git_branch: 'main',
      started_at: '2026-04-06T12:00:00Z',
      ended_at: '2026-04-06T12:00:05Z',
    });
    const assistant = record.messages.find((m) => m.role === 'assistant')! as unknown as { reasoning_content: string; tool_calls: { id: string; function: { arguments: string } }[] };
    expect(assistant.reasoning_content).toBe('Check README and tests first.');
    expect(assistant.tool_calls[0]!.id).toBe('call-1');
    expect(assistant.tool_calls[0]!.function.arguments).toBe('{"path": "README.md"}');
    const tool = record.messages.find((m) => m.role === 'tool')!;
    expect(tool.tool_call_id).toBe('call-1');
    expect(tool.content).toEqual([{ type: 'text', text: 'README contents' }]);
    expect(record.source_meta).toEqual({
      schema_version: 'ATIF-v1.6',
      step_count: 3,
      agent_name: 'harbor-agent',
      version: '2.0.0',
      model_name: 'gpt-5',
      copied_context_step_ids: [2],
      subagent_trajectory_refs: [{ step_id: 3, refs: [{ session_id: 'subagent-1', trajectory_path: 'subagent-1.json', extra: { summary: 'Ran test audit' } }] }],
      notes: 'standalone ATIF rollout',
      final_metrics: { total_cost_usd: 0.42 },
    });
  });

  it('test_parse_file_rejects_non_object_payload', () => {
    const dir = tempDir();
    writePayload(dir, ['not', 'an', 'object']);
    expect(parseError(dir)).toMatch('Expected JSON object');
  });

  it('test_parse_file_rejects_non_sequential_step_ids', () => {
    const dir = tempDir();
    writePayload(dir, buildPayload([{ step_id: 2, source: 'user', message: 'First' }, { step_id: 1, source: 'agent', message: 'Second' }]));
    expect(parseError(dir)).toMatch('Expected sequential ATIF step_id 1');
  });

  it.each([
    ['user-tools', 'user', 'tool_calls', [{ tool_call_id: 'call-1', function_name: 'search' }]],
    ['system-reasoning', 'system', 'reasoning_content', 'Need to inspect'],
    ['user-observation', 'user', 'observation', { results: [] }],
  ])('test_parse_file_rejects_assistant_only_fields_on_non_agent_steps[%s]', (_id, source, field, value) => {
    const dir = tempDir();
    writePayload(dir, buildPayload([{ step_id: 1, source, message: 'Invalid step', [field]: value }]));
    expect(parseError(dir)).toMatch(field);
  });

  it('test_parse_file_rejects_observation_results_with_content_missing_source_call_id', () => {
    const dir = tempDir();
    writePayload(dir, buildPayload([{ step_id: 1, source: 'agent', message: 'Inspecting', tool_calls: [{ tool_call_id: 'call-1', function_name: 'search', arguments: { query: 'repo' } }], observation: { results: [{ content: 'tool output' }] } }]));
    expect(parseError(dir)).toMatch('missing source_call_id');
  });

  it('test_parse_file_rejects_observation_results_referencing_unknown_tool_calls', () => {
    const dir = tempDir();
    writePayload(dir, buildPayload([{ step_id: 1, source: 'agent', message: 'Inspecting', tool_calls: [{ tool_call_id: 'call-1', function_name: 'search', arguments: { query: 'repo' } }], observation: { results: [{ source_call_id: 'call-2', content: 'tool output' }] } }]));
    expect(parseError(dir)).toMatch('does not reference a declared tool call');
  });

  it('test_is_handled_file_accepts_json_only', () => {
    expect(isHandledRolloutFile('atif', 'trace.json')).toBe(true);
    expect(isHandledRolloutFile('atif', 'nested/run.trajectory.json')).toBe(true);
    expect(isHandledRolloutFile('atif', 'trace.jsonl')).toBe(false);
  });

  it('atif has no default path (seed_source.py validate_runtime_path_source)', () => {
    expect(() => agentRolloutRoot({ format: 'atif' }, '/')).toThrow("AgentRolloutSeedSource.path is required for format 'atif'.");
  });
});
