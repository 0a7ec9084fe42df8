// Vectors re-expressed from Data Designer's packages/data-designer-config/tests/config/test_seed_source.py
// (AgentRolloutSeedSource: default root and file_pattern per format, file_pattern checks, atif needs a
// path), through ddflow's one enumerator (src/shared/agent-rollout-files.ts) and the workflow loader.
import { mkdirSync, promises as fs, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agentRolloutFilePattern, agentRolloutFiles, agentRolloutRoot, type AgentRolloutFormatName } from '../../src/shared/agent-rollout-files.js';
import { loadWorkflow } from '../../src/workflow/load.js';
import { tempDir } from './helpers.js';

const savedHome = process.env.HOME;
afterEach(() => {
  process.env.HOME = savedHome;
});

describe('AgentRolloutSeedSource (test_seed_source.py)', () => {
  it.each([
    ['atif-posix', 'atif', 'nested/trace.json', 'match file names, not relative paths'],
    ['claude-empty', 'claude_code', ' ', 'non-empty string'],
    ['codex-posix', 'codex', 'nested/*.jsonl', 'match file names, not relative paths'],
    ['hermes-windows', 'hermes_agent', 'nested\\\\session_*.json', 'match file names, not relative paths'],
  ] as const)('test_agent_rollout_seed_source_rejects_invalid_file_patterns[%s]', (_id, format, pattern, message) => {
    expect(() => agentRolloutFiles({ format: format as AgentRolloutFormatName, path: tempDir(), file_pattern: pattern }, '/')).toThrow(message);
  });

  it('test_agent_rollout_seed_source_requires_explicit_atif_path', () => {
    expect(() => agentRolloutRoot({ format: 'atif' }, '/')).toThrow("path is required for format 'atif'");
  });

  it('test_agent_rollout_seed_source_runtime_path_falls_back_to_format_default (and the other defaults)', () => {
    const home = tempDir();
    process.env.HOME = home;
    expect(agentRolloutRoot({ format: 'claude_code' }, '/elsewhere')).toBe(path.join(home, '.claude', 'projects'));
    expect(agentRolloutRoot({ format: 'codex' }, '/elsewhere')).toBe(path.join(home, '.codex', 'sessions'));
    expect(agentRolloutRoot({ format: 'hermes_agent' }, '/elsewhere')).toBe(path.join(home, '.hermes', 'sessions'));
    expect(agentRolloutRoot({ format: 'pi_coding_agent' }, '/elsewhere')).toBe(path.join(home, '.pi', 'agent', 'sessions'));
    expect(agentRolloutRoot({ format: 'atif', path: 'seed-dir' }, '/base')).toBe('/base/seed-dir');
    expect(agentRolloutRoot({ format: 'atif', path: '~/traces' }, '/base')).toBe(path.join(home, 'traces'));
  });

  it('test_agent_rollout_seed_source_uses_default_*_file_pattern', () => {
    expect(agentRolloutFilePattern({ format: 'atif' })).toBe('*.json');
    expect(agentRolloutFilePattern({ format: 'claude_code' })).toBe('*.jsonl');
    expect(agentRolloutFilePattern({ format: 'codex' })).toBe('*.jsonl');
    expect(agentRolloutFilePattern({ format: 'hermes_agent' })).toBe('*.json*');
    expect(agentRolloutFilePattern({ format: 'pi_coding_agent' })).toBe('*.jsonl');
    expect(agentRolloutFilePattern({ format: 'codex', file_pattern: 'rollout-*.jsonl' })).toBe('rollout-*.jsonl');
  });

  it('recursive: false reads only the root (seed_reader.py get_matching_relative_paths, maxdepth=1)', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'nested'));
    writeFileSync(path.join(dir, 'a.json'), '{}');
    writeFileSync(path.join(dir, 'nested', 'b.json'), '{}');
    expect(agentRolloutFiles({ format: 'atif', path: dir, recursive: false }, '/').handled).toEqual(['a.json']);
    expect(agentRolloutFiles({ format: 'atif', path: dir }, '/').handled).toEqual(['a.json', 'nested/b.json']);
  });

  it('in a workflow: atif without a path and a file_pattern with a slash are located sentences', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'workflow.yml');
    const wf = (source: string) =>
      `name: t\nstages:\n  - name: s\n    config:\n      seed_config:\n        source: {seed_type: agent_rollout, ${source}}\n      columns:\n        - {name: x, column_type: expression, expr: "{{ trace_id }}"}\n`;
    const problems = async () => ((await loadWorkflow(file).catch((e: unknown) => e)) as { diagnostics?: { message: string; location?: { line: number; col: number } }[] }).diagnostics?.map((d) => `${d.location?.line}:${d.location?.col}: ${d.message}`);
    await fs.writeFile(file, wf('format: atif'));
    expect(await problems()).toEqual(["6:17: AgentRolloutSeedSource.path is required for format 'atif'."]);
    await fs.writeFile(file, wf(`format: atif, path: ${dir}, file_pattern: "nested/*.json"`));
    expect(await problems()).toEqual([expect.stringMatching(/^6:\d+: file_pattern must match file names, not relative paths\.$/)]);
  });
});
