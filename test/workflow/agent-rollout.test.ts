/**
 * Issue 12 item 5: a workflow seeded with `seed_type: agent_rollout` (Data Designer's
 * AgentRolloutSeedSource) runs through loadWorkflow + runWorkflow (expression columns over the
 * normalized `messages` / `final_assistant_message`, no model), its fingerprint follows the trace
 * files' content, `~` and the relative path resolve as Data Designer resolves them, and a missing
 * directory is one located sentence.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { loadWorkflow } from '../../src/workflow/load.js';
import { buildPlan } from '../../src/workflow/plan.js';
import { runWorkflow } from '../../src/workflow/run.js';
import { readFiles, tempDir } from './helpers.js';

const TRACE = (session: string, answer: string) =>
  [
    { type: 'user', sessionId: session, cwd: '/repo', timestamp: '2025-03-01T09:00:00Z', message: { content: `Question of ${session}` } },
    { type: 'assistant', sessionId: session, timestamp: '2025-03-01T09:00:04Z', message: { content: [{ type: 'tool_use', id: 't1', name: 'Read', input: { file: 'a.py' } }] } },
    { type: 'user', sessionId: session, message: { content: [{ type: 'tool_result', tool_use_id: 't1', content: 'print(1)' }] } },
    { type: 'assistant', sessionId: session, timestamp: '2025-03-01T09:00:09Z', message: { content: [{ type: 'text', text: answer }] } },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n') + '\n';

const WORKFLOW = (sourcePath: string | null, artifacts: string) => `name: traces
seed: 3
artifact_path: ${artifacts}
stages:
  - name: digest
    num_records: 2
    config:
      seed_config:
        source:
          seed_type: agent_rollout
          format: claude_code${sourcePath === null ? '' : `\n          path: ${sourcePath}`}
      columns:
        - name: first_user_text
          column_type: expression
          expr: "{{ messages[0].content[0].text }}"
        - name: turns
          column_type: expression
          expr: "{{ messages | length }}"
          dtype: int
        - name: answer_upper
          column_type: expression
          expr: "{{ final_assistant_message | upper }}"
`;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const savedHome = process.env.HOME;
afterEach(() => {
  process.env.HOME = savedHome;
});

async function traces(root: string): Promise<void> {
  await fs.mkdir(path.join(root, 'proj'), { recursive: true });
  await fs.writeFile(path.join(root, 'proj', 's1.jsonl'), TRACE('s1', 'All good'));
  await fs.writeFile(path.join(root, 'proj', 's2.jsonl'), TRACE('s2', 'Fixed it'));
}

describe('agent_rollout seeds in a workflow', () => {
  it('runs expression columns over the normalized rows; parquet keeps messages as JSON; editing a trace changes the fingerprint', async () => {
    const dir = await tempDir('ddflow-rollout-');
    await traces(path.join(dir, 'logs'));
    const file = path.join(dir, 'workflow.yml');
    await fs.writeFile(file, WORKFLOW('logs', path.join(dir, 'artifacts')));
    const report = await runWorkflow(await loadWorkflow(file), { log: silentLogger });
    expect(report.status).toBe('completed');
    expect(report.final_records).toBe(2);
    const rows = await readFiles(report.final_output_files!);
    expect(rows.map((r) => [r.trace_id, r.first_user_text, r.turns, r.answer_upper])).toEqual([
      ['s1', 'Question of s1', 4, 'ALL GOOD'],
      ['s2', 'Question of s2', 4, 'FIXED IT'],
    ]);
    const messages = typeof rows[0]!.messages === 'string' ? JSON.parse(rows[0]!.messages as string) : rows[0]!.messages;
    expect(messages[1]).toEqual({ role: 'assistant', content: [], tool_calls: [{ id: 't1', type: 'function', function: { name: 'Read', arguments: '{"file": "a.py"}' } }] });
    expect(rows[0]).toMatchObject({ source_kind: 'claude_code', source_path: path.join(dir, 'logs', 'proj', 's1.jsonl'), cwd: '/repo', project_path: '/repo', started_at: '2025-03-01T09:00:00Z', ended_at: '2025-03-01T09:00:09Z', message_count: 4, tool_call_count: 1, is_sidechain: false });

    const plan = async () => (await buildPlan(await loadWorkflow(file), { log: silentLogger })).stages[0]!;
    const first = await plan();
    expect(first.decision).toBe('cached');
    await fs.appendFile(path.join(dir, 'logs', 'proj', 's2.jsonl'), JSON.stringify({ type: 'user', sessionId: 's2', message: { content: 'thanks' } }) + '\n');
    const edited = await plan();
    expect(edited.decision).toBe('run');
    expect(edited.fingerprint).not.toBe(first.fingerprint);
  });

  it('the fingerprint is the traces, not where they are: the same files under another directory reuse the stage', async () => {
    const dir = await tempDir('ddflow-rollout-');
    await traces(path.join(dir, 'a'));
    await traces(path.join(dir, 'b'));
    const file = path.join(dir, 'workflow.yml');
    await fs.writeFile(file, WORKFLOW('a', path.join(dir, 'artifacts')));
    const fa = (await buildPlan(await loadWorkflow(file), { log: silentLogger })).stages[0]!.fingerprint;
    await fs.writeFile(file, WORKFLOW('b', path.join(dir, 'artifacts')));
    expect((await buildPlan(await loadWorkflow(file), { log: silentLogger })).stages[0]!.fingerprint).toBe(fa);
  });

  it('path defaults to ~/.claude/projects and `~` is the home directory (config/seed_source.py get_claude_code_default_path)', async () => {
    const dir = await tempDir('ddflow-rollout-');
    process.env.HOME = path.join(dir, 'home');
    await traces(path.join(dir, 'home', '.claude', 'projects'));
    const file = path.join(dir, 'workflow.yml');
    await fs.writeFile(file, WORKFLOW(null, path.join(dir, 'artifacts')));
    const report = await runWorkflow(await loadWorkflow(file), { log: silentLogger });
    expect((await readFiles(report.final_output_files!)).map((r) => r.source_path)).toEqual([
      path.join(dir, 'home', '.claude', 'projects', 'proj', 's1.jsonl'),
      path.join(dir, 'home', '.claude', 'projects', 'proj', 's2.jsonl'),
    ]);
    await fs.writeFile(file, WORKFLOW('~/.claude/projects/proj', path.join(dir, 'artifacts2')));
    expect((await runWorkflow(await loadWorkflow(file), { log: silentLogger })).final_records).toBe(2);
  });

  it('a missing directory is one sentence at the seed path; an unknown format is refused at `format`', async () => {
    const dir = await tempDir('ddflow-rollout-');
    const file = path.join(dir, 'workflow.yml');
    await fs.writeFile(file, WORKFLOW('nowhere', path.join(dir, 'artifacts')));
    const err = (await loadWorkflow(file).catch((e: unknown) => e)) as { diagnostics?: { message: string; location?: { line: number; col: number } }[] };
    expect(err.diagnostics?.map((d) => `${d.location?.line}:${d.location?.col}: ${d.message}`)).toEqual([`12:17: Seed source directory '${path.join(dir, 'nowhere')}' does not exist.`]);

    await fs.writeFile(file, WORKFLOW(null, path.join(dir, 'artifacts')).replace('format: claude_code', 'format: cursor'));
    const refused = (await loadWorkflow(file).catch((e: unknown) => e)) as { diagnostics?: { message: string; location?: { line: number; col: number } }[] };
    expect(refused.diagnostics?.map((d) => `${d.location?.line}:${d.location?.col}: ${d.message}`)).toEqual([
      "11:19: 'config.seed_config.source.format' of stage 'digest' must be one of: 'atif', 'claude_code', 'codex', 'hermes_agent', 'pi_coding_agent' (got 'cursor')",
    ]);
  });

  it('examples/agent-rollout runs: Claude Code sessions with their sessions-index.json summary', async () => {
    const artifacts = await tempDir('ddflow-rollout-example-');
    const report = await runWorkflow(await loadWorkflow(path.join(ROOT, 'examples/agent-rollout/workflow.yml')), { log: silentLogger, artifactPath: artifacts });
    expect(report.status).toBe('completed');
    const rows = await readFiles(report.final_output_files!);
    expect(rows.map((r) => [r.trace_id, r.request, r.kind, r.answer, r.summary, r.tool_call_count, r.message_count])).toEqual([
      ['5f1c2a', 'The cart total ignores the discount code. Can you fix it?', 'tool-using', '`total()` now applies the discount for the given code.', 'Fix discount in cart total', 2, 6],
      ['9d07e4', 'What does the DISCOUNTS table hold?', 'chat-only', 'It maps a discount code to the fraction taken off the subtotal, e.g. SPRING10 -> 0.10.', '(none)', 0, 2],
    ]);
  });
});
