// Vectors re-expressed from Data Designer's packages/data-designer-engine/tests/engine/resources/
// agent_rollout/test_codex.py (engine/resources/agent_rollout/codex.py).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodexFile } from '../../src/data/agent-rollout/codex.js';
import { isHandledRolloutFile } from '../../src/shared/agent-rollout-files.js';
import { tempDir } from './helpers.js';
import { warnings, writeJsonl } from './agent-rollout-helpers.js';

describe('codex handler (test_codex.py)', () => {
  it('test_parse_file_comprehensive_happy_path', () => {
    const dir = tempDir();
    writeJsonl(path.join(dir, 'rollout-abc.jsonl'), [
      { type: 'session_meta', payload: { id: 'sess-1', cwd: '/project', git_branch: 'main', originator: 'codex-cli', cli_version: '1.0.0' } },
      { type: 'response_item', payload: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'List files' }] } },
      { type: 'event_msg', payload: { type: 'agent_reasoning', text: 'Thinking step 1' } },
      { type: 'event_msg', payload: { type: 'agent_reasoning', text: 'Thinking step 2' } },
      { type: 'response_item', payload: { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Here are the files' }] } },
      { type: 'response_item', payload: { type: 'function_call', call_id: 'call-1', name: 'shell', arguments: '{"cmd": "ls"}' } },
      { type: 'response_item', payload: { type: 'function_call_output', call_id: 'call-1', output: 'file1.txt\nfile2.txt' } },
    ]);
    const records = parseCodexFile(dir, 'rollout-abc.jsonl', () => {});
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record.root_session_id).toBe('sess-1');
    expect(record.source_kind).toBe('codex');
    expect(record.message_count).toBe(4);
    expect(record.final_assistant_message).toBe('Here are the files');
    expect(record.tool_call_count).toBe(1);
    expect(record.messages.find((m) => m.role === 'assistant')!.reasoning_content).toBe('Thinking step 1\n\nThinking step 2');
    expect(record.messages.find((m) => m.role === 'tool')!.tool_call_id).toBe('call-1');
    expect(record.cwd).toBe('/project');
    expect(record.git_branch).toBe('main');
    expect(record.source_meta.originator).toBe('codex-cli');
    expect(record.source_meta.cli_version).toBe('1.0.0');
    // The whole row: blocks kept as written (ChatMessage.to_dict keeps typed blocks), an empty content is no block.
    expect(record.messages).toEqual([
      { role: 'user', content: [{ type: 'input_text', text: 'List files' }] },
      { role: 'assistant', content: [{ type: 'output_text', text: 'Here are the files' }], reasoning_content: 'Thinking step 1\n\nThinking step 2' },
      { role: 'assistant', content: [{ type: 'text', text: '' }], tool_calls: [{ id: 'call-1', type: 'function', function: { name: 'shell', arguments: '{"cmd": "ls"}' } }] },
      { role: 'tool', content: [{ type: 'text', text: 'file1.txt\nfile2.txt' }], tool_call_id: 'call-1' },
    ]);
    expect(record).toMatchObject({ trace_id: 'sess-1', project_path: '/project', agent_id: null, is_sidechain: false, started_at: null, ended_at: null });
    expect(record.source_meta).toEqual({ record_count: 7, record_types: ['event_msg', 'response_item', 'session_meta'], response_item_types: ['function_call', 'function_call_output', 'message'], originator: 'codex-cli', cli_version: '1.0.0' });
  });

  it('test_parse_file_records_unattached_reasoning_in_source_meta', () => {
    const dir = tempDir();
    writeJsonl(path.join(dir, 'rollout-abc.jsonl'), [
      { type: 'session_meta', payload: { id: 'sess-1' } },
      { type: 'event_msg', payload: { type: 'agent_reasoning', text: 'Orphan thought' } },
    ]);
    expect(parseCodexFile(dir, 'rollout-abc.jsonl', () => {})[0]!.source_meta.unattached_reasoning).toEqual(['Orphan thought']);
  });

  it('test_parse_file_reasoning_response_item_populates_reasoning_content', () => {
    const dir = tempDir();
    writeJsonl(path.join(dir, 'rollout-reason.jsonl'), [
      { type: 'session_meta', payload: { id: 'sess-r' } },
      { type: 'response_item', payload: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Explain' }] } },
      { type: 'response_item', payload: { type: 'reasoning', summary: [{ type: 'summary_text', text: 'Step A' }, { type: 'summary_text', text: 'Step B' }] } },
      { type: 'response_item', payload: { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Done reasoning' }] } },
    ]);
    const records = parseCodexFile(dir, 'rollout-reason.jsonl', () => {});
    expect(records).toHaveLength(1);
    expect(records[0]!.messages.find((m) => m.role === 'assistant')!.reasoning_content).toBe('Step A\n\nStep B');
    expect(records[0]!.source_meta.response_item_types).toContain('reasoning');
  });

  it('test_parse_file_handles_custom_tool_call_and_apply_patch_call', () => {
    const dir = tempDir();
    writeJsonl(path.join(dir, 'rollout-custom.jsonl'), [
      { type: 'session_meta', payload: { id: 'sess-ct' } },
      { type: 'response_item', payload: { type: 'custom_tool_call', call_id: 'ct-1', name: 'my_tool', input: 'plain text input' } },
      { type: 'response_item', payload: { type: 'custom_tool_call_output', call_id: 'ct-1', output: 'custom output' } },
      { type: 'response_item', payload: { type: 'apply_patch_call', call_id: 'ap-1', name: 'apply_patch', input: '--- a/file.py\n+++ b/file.py' } },
      { type: 'response_item', payload: { type: 'apply_patch_call_output', call_id: 'ap-1', output: 'patch applied' } },
    ]);
    const records = parseCodexFile(dir, 'rollout-custom.jsonl', () => {});
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record.tool_call_count).toBe(2);
    const calls = record.messages.filter((m) => m.role === 'assistant' && m.tool_calls) as unknown as { tool_calls: { id: string; function: { arguments: string } }[] }[];
    expect(calls).toHaveLength(2);
    expect(calls[0]!.tool_calls[0]!.id).toBe('ct-1');
    expect(calls[0]!.tool_calls[0]!.function.arguments).toBe('plain text input');
    expect(calls[1]!.tool_calls[0]!.id).toBe('ap-1');
    expect(calls[1]!.tool_calls[0]!.function.arguments).toBe('--- a/file.py\n+++ b/file.py');
    const outputs = record.messages.filter((m) => m.role === 'tool');
    expect(outputs.map((m) => m.tool_call_id)).toEqual(['ct-1', 'ap-1']);
  });

  it('test_parse_file_warns_on_unrecognized_response_item_type', () => {
    const dir = tempDir();
    writeJsonl(path.join(dir, 'rollout-unk.jsonl'), [
      { type: 'session_meta', payload: { id: 'sess-u' } },
      { type: 'response_item', payload: { type: 'brand_new_type' } },
    ]);
    const warn = warnings();
    parseCodexFile(dir, 'rollout-unk.jsonl', warn);
    expect(warn.lines.some((m) => m.includes('brand_new_type'))).toBe(true);
  });

  it('test_is_handled_file_requires_rollout_prefix', () => {
    expect(isHandledRolloutFile('codex', 'rollout-abc.jsonl')).toBe(true);
    expect(isHandledRolloutFile('codex', 'subdir/rollout-xyz.jsonl')).toBe(true);
    expect(isHandledRolloutFile('codex', 'session.jsonl')).toBe(false);
    expect(isHandledRolloutFile('codex', 'rollout-abc.json')).toBe(false);
  });

  it('session timestamp wins for started_at; the file stem names a session without session_meta; developer is system (utils.py)', () => {
    const dir = tempDir();
    writeJsonl(path.join(dir, 'rollout-x.jsonl'), [
      { type: 'response_item', timestamp: '2025-02-01T10:00:02Z', payload: { type: 'message', role: 'developer', content: 'rules' } },
      { type: 'response_item', timestamp: '2025-02-01T10:00:01Z', payload: { type: 'function_call', call_id: 'c', name: 'f', arguments: { b: 1, a: [true] } } },
    ]);
    const [r] = parseCodexFile(dir, 'rollout-x.jsonl', () => {});
    expect(r).toMatchObject({ trace_id: 'rollout-x', started_at: '2025-02-01T10:00:01Z', ended_at: '2025-02-01T10:00:02Z', final_assistant_message: null });
    expect(r!.messages[0]).toEqual({ role: 'system', content: [{ type: 'text', text: 'rules' }] });
    // stringify_json_value: json.dumps(sort_keys=True)
    expect((r!.messages[1]!.tool_calls as { function: { arguments: string } }[])[0]!.function.arguments).toBe('{"a": [true], "b": 1}');
  });
});
