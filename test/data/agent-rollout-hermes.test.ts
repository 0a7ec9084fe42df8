// Vectors re-expressed from Data Designer's packages/data-designer-engine/tests/engine/resources/
// agent_rollout/test_hermes_agent.py (engine/resources/agent_rollout/hermes_agent.py), plus the reader.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/data/database.js';
import { openSeedDataset, type SeedConfigLike } from '../../src/data/seed-reader.js';
import { loadHermesSessionIndex, parseHermesFile } from '../../src/data/agent-rollout/hermes-agent.js';
import { AgentRolloutParseError } from '../../src/data/agent-rollout/types.js';
import { agentRolloutSideFiles, isHandledRolloutFile, warnsUnhandledRolloutFile } from '../../src/shared/agent-rollout-files.js';
import { tempDir } from './helpers.js';
import { warnings, writeJsonl } from './agent-rollout-helpers.js';

const writeJson = (file: string, payload: unknown) => writeFileSync(file, JSON.stringify(payload));

const GATEWAY = [
  { role: 'user', content: 'Check the deployment status.' },
  {
    role: 'assistant',
    content: "I'll inspect the logs.",
    finish_reason: 'tool_calls',
    tool_calls: [{ id: 'tooluse_logs', type: 'function', function: { name: 'terminal', arguments: '{"command":"kubectl logs deploy/app"}' } }],
  },
  { role: 'tool', tool_call_id: 'tooluse_logs', content: '{"output":"healthy","exit_code":0,"error":null}' },
];

describe('hermes_agent handler (test_hermes_agent.py)', () => {
  it('test_parse_file_cli_session_log_happy_path', () => {
    const dir = tempDir();
    writeJson(path.join(dir, 'session_20260407_092759_baeaac.json'), {
      session_id: '20260407_092759_baeaac',
      model: 'aws/anthropic/bedrock-claude-opus-4-6',
      base_url: 'https://inference-api.nvidia.com/v1',
      platform: 'cli',
      session_start: '2026-04-07T09:39:07.028463',
      last_updated: '2026-04-07T09:51:07.905570',
      system_prompt: 'You are Hermes.',
      tools: [{ type: 'function', function: { name: 'terminal', description: 'Run shell commands.', parameters: { type: 'object', properties: {}, required: [] } } }],
      message_count: 4,
      messages: [
        { role: 'user', content: 'Set up a uv project.' },
        {
          role: 'assistant',
          content: "I'll initialize the project.",
          finish_reason: 'tool_calls',
          reasoning: null,
          tool_calls: [{ id: 'tooluse_1', call_id: 'tooluse_1', response_item_id: 'fc_tooluse_1', type: 'function', function: { name: 'terminal', arguments: '{"command":"uv init"}' } }],
        },
        { role: 'tool', tool_call_id: 'tooluse_1', content: '{"output":"Initialized project","exit_code":0,"error":null}' },
        { role: 'assistant', content: 'Done.', finish_reason: 'stop', reasoning: null, tool_calls: [] },
      ],
    });
    const records = parseHermesFile(dir, 'session_20260407_092759_baeaac.json', new Map(), () => {});
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record).toMatchObject({
      trace_id: '20260407_092759_baeaac',
      root_session_id: '20260407_092759_baeaac',
      source_kind: 'hermes_agent',
      started_at: '2026-04-07T09:39:07.028463',
      ended_at: '2026-04-07T09:51:07.905570',
      message_count: 5,
      tool_call_count: 1,
      final_assistant_message: 'Done.',
    });
    expect(record.messages[0]!.role).toBe('system');
    expect((record.messages[0]!.content[0] as { text: string }).text).toBe('You are Hermes.');
    expect(record.source_meta.model).toBe('aws/anthropic/bedrock-claude-opus-4-6');
    expect(record.source_meta.base_url).toBe('https://inference-api.nvidia.com/v1');
    expect(record.source_meta.available_tool_names).toEqual(['terminal']);
    expect(JSON.parse(record.source_meta.tools as string)[0].function.name).toBe('terminal');
    expect(record.source_meta.has_system_prompt).toBe(true);
    expect(record.source_meta.system_prompt_chars).toBe('You are Hermes.'.length);
    expect(record.source_meta.finish_reasons).toEqual(['tool_calls', 'stop']);
    // stringify_json_value(raw_tools): json.dumps(sort_keys=True).
    expect(record.source_meta.tools).toBe(
      '[{"function": {"description": "Run shell commands.", "name": "terminal", "parameters": {"properties": {}, "required": [], "type": "object"}}, "type": "function"}]',
    );
    expect(record.messages[3]).toEqual({ role: 'tool', content: [{ type: 'text', text: '{"output":"Initialized project","exit_code":0,"error":null}' }], tool_call_id: 'tooluse_1' });
  });

  it('test_parse_file_gateway_transcript_uses_sessions_index', () => {
    const dir = tempDir();
    writeJson(path.join(dir, 'sessions.json'), { 'slack:thread-1': 'gateway-session-1' });
    writeJsonl(path.join(dir, 'gateway-session-1.jsonl'), GATEWAY);
    const index = loadHermesSessionIndex(agentRolloutSideFiles({ format: 'hermes_agent', recursive: true }, dir), () => {});
    const records = parseHermesFile(dir, 'gateway-session-1.jsonl', index, () => {});
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record).toMatchObject({ trace_id: 'gateway-session-1', started_at: null, ended_at: null, tool_call_count: 1, final_assistant_message: "I'll inspect the logs." });
    expect(record.source_meta.session_format).toBe('gateway_transcript');
    expect(record.source_meta.session_key).toBe('slack:thread-1');
    expect(record.source_meta.tool_names_used).toEqual(['terminal']);
  });

  it('test_should_warn_unhandled_file_suppresses_non_session_json_noise', () => {
    expect(warnsUnhandledRolloutFile('hermes_agent', 'request_dump_foo.json')).toBe(false);
    expect(warnsUnhandledRolloutFile('hermes_agent', 'sessions.json')).toBe(false);
    expect(warnsUnhandledRolloutFile('hermes_agent', 'notes.txt')).toBe(true);
  });

  it('test_parse_file_cli_session_requires_messages_list', () => {
    const dir = tempDir();
    writeJson(path.join(dir, 'session_20260407_092611_298324.json'), { session_id: '20260407_092611_298324', model: 'aws/anthropic/bedrock-claude-opus-4-6' });
    const parse = () => parseHermesFile(dir, 'session_20260407_092611_298324.json', new Map(), () => {});
    expect(parse).toThrow(AgentRolloutParseError);
    expect(parse).toThrow("missing a 'messages' list");
  });

  it('test_is_handled_file_accepts_cli_json_and_gateway_jsonl', () => {
    expect(isHandledRolloutFile('hermes_agent', 'session_20260407_092759_baeaac.json')).toBe(true);
    expect(isHandledRolloutFile('hermes_agent', 'gateway-session-1.jsonl')).toBe(true);
    expect(isHandledRolloutFile('hermes_agent', 'nested/gateway-session-2.jsonl')).toBe(true);
    expect(isHandledRolloutFile('hermes_agent', 'sessions.json')).toBe(false);
    expect(isHandledRolloutFile('hermes_agent', 'notes.txt')).toBe(false);
  });

  it('sessions.json entries may be objects with session_id (load_hermes_session_index); a malformed index is skipped with a warning', () => {
    const dir = tempDir();
    writeJson(path.join(dir, 'sessions.json'), { 'k:1': { session_id: 's1', created_at: '2026-01-01T00:00:00Z', input_tokens: 12, origin: { chat: 'x' } }, 'k:2': 7 });
    writeFileSync(path.join(dir, 'broken.json'), '');
    const warn = warnings();
    const index = loadHermesSessionIndex([path.join(dir, 'broken.json'), path.join(dir, 'sessions.json')], warn);
    expect(warn.lines).toEqual([expect.stringMatching(/^Skipping malformed Hermes sessions index .*broken\.json: Invalid JSON in/)]);
    writeJsonl(path.join(dir, 's1.jsonl'), [{ role: 'user', content: { a: 1 } }]);
    const [r] = parseHermesFile(dir, 's1.jsonl', index, () => {});
    expect(r).toMatchObject({ started_at: '2026-01-01T00:00:00Z', ended_at: null });
    expect(r!.source_meta).toEqual({ record_count: 1, session_format: 'gateway_transcript', finish_reasons: [], tool_names_used: [], session_key: 'k:1', input_tokens: 12, origin: { chat: 'x' } });
    // normalize_message_content: a dict becomes its sorted JSON text.
    expect(r!.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: '{"a": 1}' }] }]);
  });
});

describe('hermes_agent through the seed reader', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase();
  });
  afterAll(() => db.close());

  it("default file_pattern '*.json*' reads session logs and transcripts, skipping sessions.json and other JSON quietly", async () => {
    const dir = tempDir();
    writeJson(path.join(dir, 'sessions.json'), { 'slack:thread-1': 'gateway-session-1' });
    writeJsonl(path.join(dir, 'gateway-session-1.jsonl'), GATEWAY);
    writeJson(path.join(dir, 'request_dump_1.json'), { x: 1 });
    writeJson(path.join(dir, 'session_a.json'), { messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'hello' }] });
    const warn = warnings();
    const config: SeedConfigLike = { source: { seed_type: 'agent_rollout', format: 'hermes_agent', path: dir } };
    const seed = await openSeedDataset(db, config, { warn });
    try {
      const rows = await seed.rowsFor(0, 2);
      expect(rows.map((r) => [r.trace_id, r.final_assistant_message])).toEqual([
        ['gateway-session-1', "I'll inspect the logs."],
        ['a', 'hello'],
      ]);
      expect((rows[0]!.source_meta as { session_key: string }).session_key).toBe('slack:thread-1');
      expect(warn.lines).toEqual([]);
    } finally {
      await seed.close();
    }
  });
});
