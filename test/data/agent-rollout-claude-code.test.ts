// Vectors re-expressed from Data Designer's packages/data-designer-engine/tests/engine/resources/
// agent_rollout/test_claude_code.py (and test_utils.py), plus the reader (engine/resources/seed_reader.py
// AgentRolloutSeedReader) through ddflow's openSeedDataset.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/data/database.js';
import { openSeedDataset, type SeedConfigLike } from '../../src/data/seed-reader.js';
import { loadClaudeSessionIndex, normalizeContentBlock, parseClaudeCodeFile } from '../../src/data/agent-rollout/claude-code.js';
import { AgentRolloutParseError, minMaxTimestamps } from '../../src/data/agent-rollout/types.js';
import { isHandledRolloutFile } from '../../src/shared/agent-rollout-files.js';
import { tempDir } from './helpers.js';
import { warnings, writeJsonl } from './agent-rollout-helpers.js';

const HAPPY = [
  { type: 'user', sessionId: 's1', message: { content: 'Do something' } },
  {
    type: 'assistant',
    sessionId: 's1',
    message: {
      content: [
        { type: 'thinking', thinking: 'Let me think...' },
        { type: 'tool_use', id: 'tool-1', name: 'read_file', input: { path: '/tmp/x' } },
      ],
    },
  },
  { type: 'user', sessionId: 's1', message: { content: { type: 'tool_result', tool_use_id: 'tool-1', content: 'file contents' } } },
  { type: 'assistant', sessionId: 's1', message: { content: [{ type: 'text', text: 'Done' }] } },
];

describe('claude_code handler (test_claude_code.py)', () => {
  it('test_parse_file_comprehensive_happy_path', () => {
    const dir = tempDir();
    writeJsonl(path.join(dir, 'session.jsonl'), HAPPY);
    const index = new Map([['s1', { projectPath: '/my/project', summary: 'A test session' }]]);
    const records = parseClaudeCodeFile(dir, 'session.jsonl', index, () => {});
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record.root_session_id).toBe('s1');
    expect(record.source_kind).toBe('claude_code');
    expect(record.final_assistant_message).toBe('Done');
    expect(record.tool_call_count).toBe(1);
    expect(record.message_count).toBe(4);
    expect(record.messages.find((m) => m.role === 'assistant' && 'reasoning_content' in m)!.reasoning_content).toBe('Let me think...');
    expect(record.messages.find((m) => m.role === 'tool')!.tool_call_id).toBe('tool-1');
    expect(record.project_path).toBe('/my/project');
    expect(record.source_meta.summary).toBe('A test session');
    // The whole normalized row, as ChatMessage.to_dict() writes each message (engine/models/utils.py).
    expect(record.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Do something' }] },
      {
        role: 'assistant',
        content: [],
        reasoning_content: 'Let me think...',
        tool_calls: [{ id: 'tool-1', type: 'function', function: { name: 'read_file', arguments: '{"path": "/tmp/x"}' } }],
      },
      { role: 'tool', content: [{ type: 'text', text: 'file contents' }], tool_call_id: 'tool-1' },
      { role: 'assistant', content: [{ type: 'text', text: 'Done' }] },
    ]);
    expect(record).toMatchObject({ trace_id: 's1', agent_id: null, is_sidechain: false, cwd: null, git_branch: null, started_at: null, ended_at: null, source_path: path.join(dir, 'session.jsonl') });
    expect(record.source_meta).toEqual({ record_count: 4, record_types: ['assistant', 'user'], summary: 'A test session' });
  });

  it('test_parse_file_skips_empty_files', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'empty.jsonl'), '');
    const warn = warnings();
    expect(parseClaudeCodeFile(dir, 'empty.jsonl', new Map(), warn)).toEqual([]);
    expect(warn.lines[0]).toContain('Skipping empty Claude Code trace file');
  });

  it('test_parse_file_raises_on_malformed_assistant_record', () => {
    const dir = tempDir();
    writeJsonl(path.join(dir, 'session.jsonl'), [{ type: 'assistant', sessionId: 's1', message: 'not a dict' }]);
    expect(() => parseClaudeCodeFile(dir, 'session.jsonl', new Map(), () => {})).toThrow(AgentRolloutParseError);
    expect(() => parseClaudeCodeFile(dir, 'session.jsonl', new Map(), () => {})).toThrow('missing a message payload');
  });

  it('test_normalize_content_block_extracts_text_from_dict_without_type', () => {
    expect(normalizeContentBlock({ text: 'hello' })).toEqual({ type: 'text', text: 'hello' });
  });

  it('test_is_handled_file_accepts_jsonl_rejects_tool_results_and_history', () => {
    expect(isHandledRolloutFile('claude_code', 'project/session.jsonl')).toBe(true);
    expect(isHandledRolloutFile('claude_code', 'project/tool-results/calls.jsonl')).toBe(false);
    expect(isHandledRolloutFile('claude_code', 'project/history.jsonl')).toBe(false);
    expect(isHandledRolloutFile('claude_code', 'project/data.json')).toBe(false);
  });

  it('reads sidechain agent ids, timestamps, versions and a sessions-index.json (claude_code.py parse_file, load_claude_session_index)', () => {
    const dir = tempDir();
    writeJsonl(path.join(dir, 'proj', 'agent-a.jsonl'), [
      { type: 'user', sessionId: 's9', agentId: 'a1', isSidechain: true, cwd: '/w', gitBranch: 'dev', version: '2.0.1', timestamp: '2025-01-01T00:00:05Z', message: { content: [{ type: 'text', text: 'hi' }, { type: 'tool_result', tool_use_id: 't1', content: 'out' }] } },
      { type: 'summary', timestamp: '2025-01-01T00:00:01Z' },
      { type: 'assistant', version: '2.0.0', timestamp: '2025-01-01T00:00:09Z', message: { content: [{ type: 'image', source: {} }, { type: 'tool_result', tool_use_id: 't2', content: [{ type: 'text', text: 'r' }] }] } },
    ]);
    writeFileSync(path.join(dir, 'proj', 'sessions-index.json'), JSON.stringify({ entries: [{ sessionId: 's9', projectPath: '/p', firstPrompt: 'hi' }] }));
    mkdirSync(path.join(dir, 'bad'), { recursive: true });
    writeFileSync(path.join(dir, 'bad', 'sessions-index.json'), '{not json');
    const warn = warnings();
    const index = loadClaudeSessionIndex([path.join(dir, 'bad', 'sessions-index.json'), path.join(dir, 'proj', 'sessions-index.json')], warn);
    expect(warn.lines[0]).toMatch(/^Skipping malformed Claude sessions index .*bad\/sessions-index\.json/);
    const [r] = parseClaudeCodeFile(dir, 'proj/agent-a.jsonl', index, () => {});
    expect(r).toMatchObject({
      trace_id: 's9:a1',
      root_session_id: 's9',
      agent_id: 'a1',
      is_sidechain: true,
      cwd: '/w',
      project_path: '/p',
      git_branch: 'dev',
      started_at: '2025-01-01T00:00:01Z',
      ended_at: '2025-01-01T00:00:09Z',
      final_assistant_message: null,
    });
    expect(r!.source_meta).toEqual({ record_count: 3, record_types: ['assistant', 'summary', 'user'], claude_versions: ['2.0.0', '2.0.1'], first_prompt: 'hi' });
    expect(r!.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'tool', content: [{ type: 'text', text: 'out' }], tool_call_id: 't1' },
      { role: 'assistant', content: [{ type: 'image', source: {} }] },
      { role: 'tool', content: [{ type: 'text', text: 'r' }], tool_call_id: 't2' },
    ]);
  });
});

describe('min_max_timestamps (test_utils.py)', () => {
  const cases: [string, string[], [string | null, string | null]][] = [
    ['empty', [], [null, null]],
    ['mixed-offset-lex-disagrees-with-chrono', ['2025-01-01T00:30:00+01:00', '2025-01-01T00:00:00Z'], ['2025-01-01T00:30:00+01:00', '2025-01-01T00:00:00Z']],
    ['mixed-precision', ['2025-01-01T00:00:00.500Z', '2025-01-01T00:00:00Z'], ['2025-01-01T00:00:00Z', '2025-01-01T00:00:00.500Z']],
    ['naive-treated-as-utc-and-compared-against-aware', ['2025-01-01T00:00:00', '2025-01-02T00:00:00Z'], ['2025-01-01T00:00:00', '2025-01-02T00:00:00Z']],
    ['unparseable-values-skipped', ['not-a-timestamp', '2025-01-01T00:00:00Z'], ['2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z']],
    ['only-unparseable', ['not-a-timestamp'], [null, null]],
  ];
  it.each(cases)('%s', (_id, timestamps, expected) => {
    expect(minMaxTimestamps(timestamps)).toEqual(expected);
  });
});

describe('agent_rollout seed reader (seed_reader.py AgentRolloutSeedReader)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase();
  });
  afterAll(() => db.close());
  const cfg = (source: Record<string, unknown>, extra: Partial<SeedConfigLike> = {}): SeedConfigLike => ({ source: { seed_type: 'agent_rollout', ...source } as SeedConfigLike['source'], ...extra });

  it('serves one row per trace file with Data Designer columns; messages and source_meta stay nested (JSON)', async () => {
    const dir = tempDir();
    writeJsonl(path.join(dir, 'p', 'a.jsonl'), HAPPY);
    writeJsonl(path.join(dir, 'p', 'b.jsonl'), [{ type: 'user', sessionId: 's2', message: { content: 'Hello' } }, { type: 'assistant', sessionId: 's2', message: { content: 'Hi there' } }]);
    writeJsonl(path.join(dir, 'p', 'history.jsonl'), [{ display: 'x' }]);
    writeFileSync(path.join(dir, 'p', 'broken.jsonl'), '{"type": "user"\n');
    const warn = warnings();
    const seed = await openSeedDataset(db, cfg({ format: 'claude_code', path: dir }), { warn });
    try {
      expect(seed.columns).toEqual([
        'trace_id', 'source_kind', 'source_path', 'root_session_id', 'agent_id', 'is_sidechain', 'cwd', 'project_path', 'git_branch',
        'started_at', 'ended_at', 'messages', 'source_meta', 'message_count', 'tool_call_count', 'final_assistant_message',
      ]);
      expect(seed.columnTypes.get('messages')).toBe('JSON');
      expect(seed.columnTypes.get('is_sidechain')).toBe('BOOLEAN');
      expect(seed.columnTypes.get('message_count')).toBe('BIGINT');
      expect(seed.size).toBe(2);
      const rows = await seed.rowsFor(0, 3);
      expect(rows.map((r) => r.trace_id)).toEqual(['s1', 's2', 's1']);
      expect(rows[0]!.messages).toEqual(expect.arrayContaining([{ role: 'assistant', content: [{ type: 'text', text: 'Done' }] }]));
      expect(rows[1]!.messages).toEqual([
        { role: 'user', content: [{ type: 'text', text: 'Hello' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'Hi there' }] },
      ]);
      expect(rows[1]).toMatchObject({ source_meta: { record_count: 2, record_types: ['assistant', 'user'] }, message_count: 2, tool_call_count: 0, final_assistant_message: 'Hi there', is_sidechain: false, agent_id: null });
      // history.jsonl matched *.jsonl but is not a session (is_handled_file); broken.jsonl is skipped as malformed.
      expect(warn.lines).toEqual([expect.stringMatching(/^Skipping unhandled claude_code file p\/history\.jsonl$/), expect.stringMatching(/^Skipping malformed file p\/broken\.jsonl: Invalid JSON in .*broken\.jsonl line 1/)]);
    } finally {
      await seed.close();
    }
  });

  it('a selection strategy picks trace files (manifest rows), as Data Designer indexes its manifest', async () => {
    const dir = tempDir();
    for (const id of ['a', 'b', 'c']) writeJsonl(path.join(dir, `${id}.jsonl`), [{ type: 'user', sessionId: id, message: { content: id } }]);
    const seed = await openSeedDataset(db, cfg({ format: 'claude_code', path: dir }, { selection_strategy: { start: 1, end: 2 } }));
    try {
      expect((await seed.rowsFor(0, 2)).map((r) => r.trace_id)).toEqual(['b', 'c']);
    } finally {
      await seed.close();
    }
  });

  it('no matching file, a missing directory, or only malformed files: one sentence each', async () => {
    const dir = tempDir();
    await expect(openSeedDataset(db, cfg({ format: 'claude_code', path: path.join(dir, 'nope') }))).rejects.toThrow(`Seed source directory '${path.join(dir, 'nope')}' does not exist.`);
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    await expect(openSeedDataset(db, cfg({ format: 'claude_code', path: dir }))).rejects.toThrow(`No files matched file_pattern '*.jsonl' under ${dir}`);
    writeFileSync(path.join(dir, 'bad.jsonl'), '[1]\n');
    await expect(openSeedDataset(db, cfg({ format: 'claude_code', path: dir }))).rejects.toThrow(`Seed source at ${dir} did not produce any rows`);
  });
});
