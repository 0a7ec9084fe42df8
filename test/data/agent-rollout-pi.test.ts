// Vectors re-expressed from Data Designer's packages/data-designer-engine/tests/engine/resources/
// agent_rollout/test_pi_coding_agent.py (engine/resources/agent_rollout/pi_coding_agent.py).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePiFile } from '../../src/data/agent-rollout/pi-coding-agent.js';
import { AgentRolloutParseError, type AgentRolloutRecord } from '../../src/data/agent-rollout/types.js';
import { isHandledRolloutFile } from '../../src/shared/agent-rollout-files.js';
import { tempDir } from './helpers.js';
import { writeJsonl } from './agent-rollout-helpers.js';

const header = (extra: Record<string, unknown> = {}) => ({ type: 'session', version: 3, id: 'abc-123', timestamp: '2026-04-07T10:00:00.000Z', cwd: '/home/user/project', ...extra });
const entry = (o: { type?: string; id: string; parent: string | null; timestamp?: string; message?: Record<string, unknown> } & Record<string, unknown>) => {
  const { type = 'message', id, parent, timestamp = '2026-04-07T10:00:01.000Z', message, ...extra } = o;
  return { type, id, parentId: parent, timestamp, ...(message ? { message } : {}), ...extra };
};
function parse(name: string, rows: unknown[]): AgentRolloutRecord[] {
  const dir = tempDir();
  writeJsonl(path.join(dir, name), rows);
  return parsePiFile(dir, name, () => {});
}
const text = (r: AgentRolloutRecord, i: number) => (r.messages[i]!.content[0] as { text: string }).text;
const calls = (r: AgentRolloutRecord, i: number) => r.messages[i]!.tool_calls as { id: string; function: { name: string; arguments: string } }[];

describe('pi_coding_agent handler (test_pi_coding_agent.py)', () => {
  it('test_parse_file_happy_path', () => {
    const records = parse('subdir/20260407_abc123.jsonl', [
      header(),
      entry({ type: 'model_change', id: 'm1', parent: null, provider: 'tcri', modelId: 'tcri/donatello-70b' }),
      entry({ type: 'thinking_level_change', id: 't1', parent: 'm1', thinkingLevel: 'high' }),
      entry({ id: 'e1', parent: 't1', message: { role: 'user', content: [{ type: 'text', text: 'Analyze the project structure.' }], timestamp: 1712484001000 } }),
      entry({
        id: 'e2',
        parent: 'e1',
        message: {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'Let me explore the repo.' },
            { type: 'text', text: "I'll look at the directory layout." },
            { type: 'toolCall', id: 'tooluse_abc123', name: 'bash', arguments: { command: 'find . -type f | head -20' } },
          ],
          api: 'foot-clan',
          provider: 'tcri',
          model: 'tcri/donatello-70b',
          stopReason: 'toolUse',
          timestamp: 1712484002000,
        },
      }),
      entry({ id: 'e3', parent: 'e2', message: { role: 'toolResult', toolCallId: 'tooluse_abc123', toolName: 'bash', content: [{ type: 'text', text: './src/main.py\n./README.md' }], isError: false, timestamp: 1712484003000 } }),
      entry({
        id: 'e4',
        parent: 'e3',
        message: {
          role: 'assistant',
          content: [
            { type: 'toolCall', id: 'tooluse_read1', name: 'read', arguments: { path: 'src/main.py' } },
            { type: 'toolCall', id: 'tooluse_read2', name: 'read', arguments: { path: 'README.md' } },
          ],
          model: 'tcri/donatello-70b',
          stopReason: 'toolUse',
          timestamp: 1712484004000,
        },
      }),
      entry({ id: 'e5', parent: 'e4', message: { role: 'toolResult', toolCallId: 'tooluse_read1', toolName: 'read', content: [{ type: 'text', text: "import sys\nprint('hello')" }], isError: false, timestamp: 1712484005000 } }),
      entry({ id: 'e6', parent: 'e5', message: { role: 'toolResult', toolCallId: 'tooluse_read2', toolName: 'read', content: [{ type: 'text', text: '# My Project\nA sample project.' }], isError: false, timestamp: 1712484006000 } }),
      entry({ id: 'e7', parent: 'e6', timestamp: '2026-04-07T10:01:00.000Z', message: { role: 'assistant', content: [{ type: 'text', text: 'The project has a simple Python entry point and a README.' }], model: 'tcri/donatello-70b', stopReason: 'stop', timestamp: 1712484007000 } }),
    ]);
    expect(records).toHaveLength(1);
    const r = records[0]!;
    expect(r).toMatchObject({
      trace_id: 'abc-123',
      root_session_id: 'abc-123',
      source_kind: 'pi_coding_agent',
      cwd: '/home/user/project',
      project_path: '/home/user/project',
      started_at: '2026-04-07T10:00:00.000Z',
      ended_at: '2026-04-07T10:01:00.000Z',
      final_assistant_message: 'The project has a simple Python entry point and a README.',
      message_count: 7,
      tool_call_count: 3,
    });
    expect(r.messages[0]!.role).toBe('user');
    expect(text(r, 0)).toBe('Analyze the project structure.');
    expect(r.messages[1]!.role).toBe('assistant');
    expect(r.messages[1]!.reasoning_content).toBe('Let me explore the repo.');
    expect(calls(r, 1)[0]!.function.name).toBe('bash');
    expect(r.messages[2]).toMatchObject({ role: 'tool', tool_call_id: 'tooluse_abc123' });
    expect(calls(r, 3).map((c) => c.id)).toEqual(['tooluse_read1', 'tooluse_read2']);
    expect(r.messages[4]).toMatchObject({ role: 'tool', tool_call_id: 'tooluse_read1' });
    expect(r.messages[5]).toMatchObject({ role: 'tool', tool_call_id: 'tooluse_read2' });
    expect(r.messages[6]!.role).toBe('assistant');
    expect('tool_calls' in r.messages[6]!).toBe(false);
    const declared = new Set(r.messages.flatMap((m) => ((m.tool_calls as { id: string }[] | undefined) ?? []).map((c) => c.id)));
    expect(new Set(r.messages.filter((m) => m.role === 'tool').map((m) => m.tool_call_id))).toEqual(declared);
    expect(r.source_meta.record_count).toBe(10);
    expect(r.source_meta.session_version).toBe(3);
    expect(r.source_meta.stop_reasons).toEqual(['toolUse', 'stop']);
    expect(r.source_meta.models_used).toEqual(['tcri/donatello-70b']);
    expect(r.source_meta.entry_types).toContain('model_change');
    expect(r.source_meta.entry_types).toContain('thinking_level_change');
    expect('has_branches' in r.source_meta).toBe(false);
    // The assistant's text blocks are joined into one string, so its content is one text block.
    expect(r.messages[1]).toEqual({
      role: 'assistant',
      content: [{ type: 'text', text: "I'll look at the directory layout." }],
      reasoning_content: 'Let me explore the repo.',
      tool_calls: [{ id: 'tooluse_abc123', type: 'function', function: { name: 'bash', arguments: '{"command": "find . -type f | head -20"}' } }],
    });
  });

  it('test_parse_file_assistant_tool_calls_without_text', () => {
    const [r] = parse('tools_only.jsonl', [
      header(),
      entry({ id: 'e1', parent: null, message: { role: 'user', content: [{ type: 'text', text: 'Read all config files.' }], timestamp: 1000 } }),
      entry({
        id: 'e2',
        parent: 'e1',
        message: {
          role: 'assistant',
          content: [
            { type: 'toolCall', id: 'tc_a', name: 'read', arguments: { path: 'config.yaml' } },
            { type: 'toolCall', id: 'tc_b', name: 'read', arguments: { path: 'settings.json' } },
            { type: 'toolCall', id: 'tc_c', name: 'read', arguments: { path: '.env' } },
          ],
          model: 'tcri/donatello-70b',
          stopReason: 'toolUse',
          timestamp: 2000,
        },
      }),
      entry({ id: 'e3', parent: 'e2', message: { role: 'toolResult', toolCallId: 'tc_a', toolName: 'read', content: [{ type: 'text', text: 'port: 8080' }], isError: false, timestamp: 3000 } }),
      entry({ id: 'e4', parent: 'e3', message: { role: 'toolResult', toolCallId: 'tc_b', toolName: 'read', content: [{ type: 'text', text: '{"debug": true}' }], isError: false, timestamp: 4000 } }),
      entry({ id: 'e5', parent: 'e4', message: { role: 'toolResult', toolCallId: 'tc_c', toolName: 'read', content: [{ type: 'text', text: 'SECRET=hunter2' }], isError: false, timestamp: 5000 } }),
      entry({ id: 'e6', parent: 'e5', message: { role: 'assistant', content: [{ type: 'text', text: 'Found 3 config files with settings.' }], stopReason: 'stop', timestamp: 6000 } }),
    ]);
    expect(r!.message_count).toBe(6);
    expect(r!.tool_call_count).toBe(3);
    expect(r!.messages[1]!.role).toBe('assistant');
    expect(calls(r!, 1).map((c) => c.function.name)).toEqual(['read', 'read', 'read']);
    ['tc_a', 'tc_b', 'tc_c'].forEach((id, i) => expect(r!.messages[2 + i]).toMatchObject({ role: 'tool', tool_call_id: id }));
    expect(r!.final_assistant_message).toBe('Found 3 config files with settings.');
  });

  it('test_parse_file_resolves_active_branch', () => {
    const records = parse('branched.jsonl', [
      header(),
      entry({ id: 'e1', parent: null, message: { role: 'user', content: 'Hello', timestamp: 1000 } }),
      entry({ id: 'e2a', parent: 'e1', message: { role: 'assistant', content: [{ type: 'text', text: 'Branch A' }], stopReason: 'stop', timestamp: 2000 } }),
      entry({ id: 'e2b', parent: 'e1', message: { role: 'assistant', content: [{ type: 'text', text: 'Branch B' }], stopReason: 'stop', timestamp: 3000 } }),
    ]);
    expect(records).toHaveLength(1);
    const r = records[0]!;
    expect(r.message_count).toBe(2);
    expect(r.messages[0]!.role).toBe('user');
    expect(text(r, 1)).toBe('Branch B');
    expect(r.source_meta.has_branches).toBe(true);
  });

  it('test_parse_file_normalizes_bash_execution', () => {
    const [r] = parse('bash_session.jsonl', [
      header(),
      entry({ id: 'e1', parent: null, message: { role: 'bashExecution', command: 'ls -la', output: 'total 42\ndrwxr-xr-x 5 user user 160 Apr 7 10:00 .', exitCode: 0, cancelled: false, truncated: false, timestamp: 1000 } }),
    ]);
    expect(r!.message_count).toBe(2);
    expect(r!.messages[0]!.role).toBe('assistant');
    expect(calls(r!, 0)[0]!.function.name).toBe('bash');
    expect(JSON.parse(calls(r!, 0)[0]!.function.arguments).command).toBe('ls -la');
    expect(r!.messages[1]).toMatchObject({ role: 'tool', tool_call_id: 'bash_e1' });
    expect(text(r!, 1)).toContain('[exit code: 0]');
    expect(r!.source_meta.bash_execution_count).toBe(1);
  });

  it('test_parse_file_skips_excluded_bash_execution', () => {
    const [r] = parse('excluded_bash.jsonl', [
      header(),
      entry({ id: 'e1', parent: null, message: { role: 'bashExecution', command: 'echo hello', output: 'hello', exitCode: 0, cancelled: false, truncated: false, excludeFromContext: true, timestamp: 1000 } }),
    ]);
    expect(r!.message_count).toBe(0);
  });

  it('test_parse_file_requires_session_header', () => {
    const run = () => parse('no_header.jsonl', [entry({ id: 'e1', parent: null, message: { role: 'user', content: 'Hello', timestamp: 1000 } })]);
    expect(run).toThrow(AgentRolloutParseError);
    expect(run).toThrow('missing a session header');
  });

  it('test_parse_file_empty_file_returns_empty_list', () => {
    expect(parse('empty.jsonl', [])).toEqual([]);
  });

  it('test_is_handled_file_accepts_jsonl_only', () => {
    expect(isHandledRolloutFile('pi_coding_agent', '20260407_abc123.jsonl')).toBe(true);
    expect(isHandledRolloutFile('pi_coding_agent', 'subdir/20260407_abc123.jsonl')).toBe(true);
    expect(isHandledRolloutFile('pi_coding_agent', 'config.json')).toBe(false);
    expect(isHandledRolloutFile('pi_coding_agent', 'notes.txt')).toBe(false);
  });

  it('test_parse_file_includes_custom_display_messages', () => {
    const [r] = parse('custom_msg.jsonl', [
      header(),
      entry({ id: 'e1', parent: null, message: { role: 'custom', customType: 'my-extension', content: 'Extension context injected.', display: true, timestamp: 1000 } }),
      entry({ id: 'e2', parent: 'e1', message: { role: 'custom', customType: 'my-extension', content: 'Hidden context.', display: false, timestamp: 2000 } }),
    ]);
    expect(r!.message_count).toBe(1);
    expect(r!.messages[0]!.role).toBe('system');
  });

  it('test_parse_file_tracks_model_changes', () => {
    const [r] = parse('model_change.jsonl', [
      header(),
      entry({ id: 'e1', parent: null, message: { role: 'user', content: 'Hello', timestamp: 1000 } }),
      entry({ type: 'model_change', id: 'e2', parent: 'e1', provider: 'dimension-x', modelId: 'krang/raphael-405b' }),
      entry({ id: 'e3', parent: 'e2', message: { role: 'assistant', content: [{ type: 'text', text: 'Hi!' }], model: 'krang/raphael-405b', stopReason: 'stop', timestamp: 2000 } }),
    ]);
    expect(r!.source_meta.models_used).toEqual(['krang/raphael-405b']);
  });

  it('test_parse_file_includes_compaction_summary_message', () => {
    const [r] = parse('compaction_msg.jsonl', [
      header(),
      entry({ id: 'e1', parent: null, message: { role: 'compactionSummary', summary: 'User discussed project setup and ran several commands.', tokensBefore: 50000, timestamp: 1000 } }),
      entry({ id: 'e2', parent: 'e1', message: { role: 'user', content: 'Continue please.', timestamp: 2000 } }),
    ]);
    expect(r!.message_count).toBe(2);
    expect(r!.messages[0]!.role).toBe('system');
    expect(text(r!, 0)).toContain('project setup');
    expect(r!.messages[1]!.role).toBe('user');
  });

  it('test_parse_file_handles_compaction_entry', () => {
    const [r] = parse('compaction_entry.jsonl', [
      header(),
      entry({ type: 'compaction', id: 'e1', parent: null, summary: 'Earlier discussion about API design and error handling.', firstKeptEntryId: 'e0', tokensBefore: 40000 }),
      entry({ id: 'e2', parent: 'e1', message: { role: 'user', content: "Now let's add tests.", timestamp: 2000 } }),
    ]);
    expect(r!.message_count).toBe(2);
    expect(r!.messages[0]!.role).toBe('system');
    expect(text(r!, 0)).toContain('API design');
    expect(r!.messages[1]!.role).toBe('user');
  });

  it('test_parse_file_handles_branch_summary_entry', () => {
    const [r] = parse('branch_summary.jsonl', [
      header(),
      entry({ id: 'e1', parent: null, message: { role: 'user', content: 'Try approach A', timestamp: 1000 } }),
      entry({ id: 'e2', parent: 'e1', message: { role: 'assistant', content: [{ type: 'text', text: 'Approach A failed.' }], stopReason: 'stop', timestamp: 2000 } }),
      entry({ type: 'branch_summary', id: 'e3', parent: 'e1', fromId: 'e2', summary: 'Explored approach A which failed due to compatibility issues.' }),
      entry({ id: 'e4', parent: 'e3', message: { role: 'user', content: 'Try approach B instead.', timestamp: 3000 } }),
    ]);
    expect(r!.message_count).toBe(3);
    expect(r!.messages.map((m) => m.role)).toEqual(['user', 'system', 'user']);
    expect(text(r!, 0)).toBe('Try approach A');
    expect(text(r!, 1)).toContain('approach A');
    expect(text(r!, 2)).toBe('Try approach B instead.');
  });

  it('test_parse_file_handles_custom_message_entry', () => {
    const [r] = parse('custom_entry.jsonl', [
      header(),
      entry({ type: 'custom_message', id: 'e1', parent: null, customType: 'lint-hook', content: 'Lint found 3 warnings in src/app.ts.', display: true }),
      entry({ type: 'custom_message', id: 'e2', parent: 'e1', customType: 'internal-state', content: 'Cache refreshed.', display: false }),
      entry({ id: 'e3', parent: 'e2', message: { role: 'user', content: 'Fix those warnings.', timestamp: 2000 } }),
    ]);
    expect(r!.message_count).toBe(2);
    expect(r!.messages[0]!.role).toBe('system');
    expect(text(r!, 0)).toContain('3 warnings');
    expect(r!.messages[1]!.role).toBe('user');
  });

  it('test_parse_file_handles_branch_summary_message_role', () => {
    const [r] = parse('branch_msg.jsonl', [
      header(),
      entry({ id: 'e1', parent: null, message: { role: 'branchSummary', summary: 'Abandoned branch tried regex-based parsing.', fromId: 'prev1', timestamp: 1000 } }),
      entry({ id: 'e2', parent: 'e1', message: { role: 'user', content: 'Use an AST parser instead.', timestamp: 2000 } }),
    ]);
    expect(r!.message_count).toBe(2);
    expect(r!.messages[0]!.role).toBe('system');
    expect(text(r!, 0)).toContain('regex-based parsing');
    expect(r!.messages[1]!.role).toBe('user');
  });

  it('test_parse_file_includes_parent_session_in_source_meta', () => {
    const [r] = parse('forked.jsonl', [
      header({ parentSession: '/home/user/.pi/agent/sessions/--project--/original.jsonl' }),
      entry({ id: 'e1', parent: null, message: { role: 'user', content: 'Continue from where we left off.', timestamp: 1000 } }),
    ]);
    expect(r!.source_meta.parent_session).toBe('/home/user/.pi/agent/sessions/--project--/original.jsonl');
  });

  it('test_parse_file_assistant_bare_string_content', () => {
    const [r] = parse('bare_string.jsonl', [header(), entry({ id: 'e1', parent: null, message: { role: 'assistant', content: 'Plain text response.', stopReason: 'stop', timestamp: 1000 } })]);
    expect(r!.message_count).toBe(1);
    expect(r!.final_assistant_message).toBe('Plain text response.');
  });
});
