/**
 * `ddflow diff` end to end: two real runs of a 3-stage workflow (real engine, real DuckDB, the fake
 * OpenAI server for an LLM column and a judge), the second with one prompt changed; the diff reports the
 * upstream stage unchanged (by fingerprint, without reading it), that stage and its descendants changed,
 * with schema changes, drift, judge-score distributions and changed rows matched by record index.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startFakeOpenAI, messageText, type FakeOpenAI } from '../support/fake-openai.js';
import { tempDir } from '../workflow/helpers.js';

let ai: FakeOpenAI;

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd, env: { ...process.env, CI: 'true', FAKE_KEY: 'fake' }, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

function workflow(url: string, replyPrompt: string, extraColumn = ''): string {
  return `name: shop
seed: 3
model_providers:
  - {name: local, endpoint: "${url}", api_key: FAKE_KEY}
model_configs:
  - {alias: fast, model: fake-model, provider: local}
stages:
  - name: items
    num_records: 12
    config:
      columns:
        - {name: price, column_type: sampler, sampler_type: uniform, params: {low: 1, high: 100}}
        - {name: kind, column_type: sampler, sampler_type: category, params: {values: [book, pen, cup]}}
  - name: described
    config:
      columns:
${extraColumn}        - {name: blurb, column_type: llm-text, model_alias: fast, prompt: "${replyPrompt}"}
        - name: verdict
          column_type: llm-judge
          model_alias: fast
          prompt: "Rate {{ blurb }}"
          scores:
            - name: helpful
              description: Is it helpful?
              options: {1: no, 2: somewhat, 3: yes}
  - name: taxed
    config:
      columns:
        - {name: total, column_type: expression, expr: "{{ price * 1.2 }}", dtype: float}
        - {name: size, column_type: expression, expr: "{{ blurb | length }}", dtype: int}
`;
}

let work: string;

beforeAll(async () => {
  // Plain answers echo the prompt (so a changed prompt changes the text); judge answers come from the schema.
  ai = await startFakeOpenAI({
    respond: (body) => {
      const user = messageText(body.messages.find((m) => m.role === 'user')!);
      const rated = /Rate (About .*)$/s.exec(user)?.[1];
      if (rated === undefined) return `About ${user}`;
      // Friendly blurbs score 3; the others 1 or 2: the judge's distribution moves with the prompt.
      const score = rated.includes('friendly') ? 3 : (rated.length % 2) + 1;
      return '```json\n' + JSON.stringify({ helpful: { reasoning: 'r', score } }) + '\n```';
    },
  });
  work = await tempDir('ddflow-diff-');
  await fs.writeFile(path.join(work, 'base.yml'), workflow(ai.url, 'Describe the {{ kind }} at {{ price }}'));
  await fs.writeFile(path.join(work, 'pr.yml'), workflow(ai.url, 'Describe the {{ kind }} at {{ price }} in a few friendly words', '        - {name: tag, column_type: expression, expr: "{{ kind | upper }}"}\n'));
  const base = await cli(['run', 'base.yml', '--artifact-path', 'base'], work);
  expect(base.code, base.stderr).toBe(0);
  const pr = await cli(['run', 'pr.yml', '--artifact-path', 'current'], work);
  expect(pr.code, pr.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await ai?.close();
});

describe('ddflow diff', () => {
  it('--json: the upstream stage is unchanged by fingerprint; the changed stage and its descendant carry rows, schema, drift, judge scores and changed rows', async () => {
    // Unchanged stages are not read: remove the base's data of the first stage.
    const baseItems = path.join(work, 'base/shop/stage-0-items/parquet-files');
    await fs.rm(baseItems, { recursive: true, force: true });
    const r = await cli(['diff', 'pr.yml', '--base', 'base', '--artifact-path', 'current', '--json'], work);
    expect(r.code, r.stderr).toBe(0);
    const diff = JSON.parse(r.stdout);
    expect(diff.changed).toBe(true);
    expect(diff.stages.map((s: any) => [s.stage, s.status, s.data_changed])).toEqual([
      ['items', 'unchanged', false],
      ['described', 'changed', true],
      ['taxed', 'changed', true],
    ]);
    expect(diff.stages[0].rows).toBeUndefined();

    const described = diff.stages[1];
    expect(described.rows).toEqual({ base: 12, current: 12 });
    expect(described.schema.added).toEqual([{ name: 'tag', type: 'VARCHAR' }]);
    expect(described.schema.removed).toEqual([]);
    const blurb = described.columns.find((c: any) => c.column === 'blurb');
    expect(blurb).toMatchObject({ kind: 'text', changed: 12, matched: 12 });
    expect(blurb.text.current.mean).toBeGreaterThan(blurb.text.base.mean);
    const price = described.columns.find((c: any) => c.column === 'price');
    expect(price).toMatchObject({ kind: 'numeric', changed: 0 });
    expect(price.numeric.base).toEqual(price.numeric.current);
    const kind = described.columns.find((c: any) => c.column === 'kind');
    expect(kind).toMatchObject({ kind: 'categorical', changed: 0 });
    expect(kind.categorical.new_values).toEqual([]);
    // The judge's scores as distributions on both sides.
    expect(described.judges).toHaveLength(1);
    const judge = described.judges[0];
    expect(judge).toMatchObject({ column: 'verdict', score: 'helpful' });
    const total = (d: Array<{ count: number }>) => d.reduce((n, v) => n + v.count, 0);
    expect(total(judge.base.distribution)).toBe(12);
    expect(total(judge.current.distribution)).toBe(12);
    expect(judge.base.mean).toBeGreaterThanOrEqual(1);
    expect(judge.base.mean).toBeLessThanOrEqual(2);
    expect(judge.current).toEqual({ distribution: [{ value: '3', count: 12 }], mean: 3 });
    expect(judge.mean_delta).toBeCloseTo(3 - judge.base.mean, 9);
    // Changed rows matched by record index: the first three, base and current text side by side.
    expect(described.changed_rows.changed).toBe(12);
    expect(described.changed_rows.examples.map((e: any) => e.index)).toEqual([0, 1, 2]);
    const change = described.changed_rows.examples[0].changes.find((c: any) => c.column === 'blurb');
    expect(change.base).toMatch(/^About Describe the (book|pen|cup) at [\d.]+$/);
    expect(change.current).toMatch(/^About Describe the (book|pen|cup) at [\d.]+ in a few friendly words$/);

    const taxed = diff.stages[2];
    expect(taxed.columns.find((c: any) => c.column === 'total')).toMatchObject({ kind: 'numeric', changed: 0 });
    const size = taxed.columns.find((c: any) => c.column === 'size');
    expect(size.kind).toBe('numeric');
    expect(size.numeric.current.mean - size.numeric.base.mean).toBeCloseTo(' in a few friendly words'.length, 6);
  });

  it('Markdown by default: a headline naming the changed stages, a table, and changed rows in <details>', async () => {
    const r = await cli(['diff', 'pr.yml', '--base', 'base', '--artifact-path', 'current'], work);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('**2 of 3 stages changed**: `described`, `taxed`; 1 unchanged.');
    expect(r.stdout).toMatch(/\| items \| unchanged \(same fingerprint as the base, so the same data; not read\) \|/);
    expect(r.stdout).toContain('- columns added: `tag` (VARCHAR)');
    expect(r.stdout).toMatch(/- judge score `verdict\.helpful`: mean/);
    expect(r.stdout).toContain('<details><summary>Changed rows (3 of 12, matched by record index)</summary>');
    expect(r.stdout).toMatch(/\| 0 \| blurb \| About Describe the \w+ at [\d.]+ \| About Describe the \w+ at [\d.]+ in a few friendly words \|/);
  });

  it('a run compared with itself: "No data changes"', async () => {
    const r = await cli(['diff', 'pr.yml', '--base', 'current/shop', '--current', 'current'], work);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('**No data changes**: every stage holds the same data as the base.');
  });

  // A run that stopped at its targets left the later stages out: they were counted as changed though
  // nothing in the workflow changed.
  it('stages the current run did not reach are changed only when their inputs changed', async () => {
    const run = await cli(['run', 'base.yml', '--artifact-path', 'targeted', '--targets', 'items'], work);
    expect(run.code, run.stderr).toBe(0);
    const same = await cli(['diff', 'base.yml', '--base', 'base', '--artifact-path', 'targeted'], work);
    expect(same.code, same.stderr).toBe(0);
    // `described` has the base's inputs; `taxed` counts the rows `described` makes, unknown before it runs.
    expect(same.stdout).toContain('**No stage the current run made changed**; 1 not compared (not reached yet): `taxed`; 2 unchanged.');
    expect(same.stdout).toMatch(/\| described \| not compared \(the current run did not reach it; same fingerprint as the base\) \|/);
    expect(same.stdout).toMatch(/\| taxed \| not compared \(the current run did not reach it; its inputs are not known yet\) \|/);
    // The edited file: the unreached stages have other inputs than the base, so they changed.
    const edited = JSON.parse((await cli(['diff', 'pr.yml', '--base', 'base', '--artifact-path', 'targeted', '--json'], work)).stdout) as { changed: boolean; stages: { stage: string; status: string; data_changed: boolean }[] };
    expect(edited.changed).toBe(true);
    expect(edited.stages.map((s) => [s.stage, s.status, s.data_changed])).toEqual([
      ['items', 'unchanged', false],
      ['described', 'no-output', true],
      ['taxed', 'no-output', true],
    ]);
  });

  // A data column named file_row_number made the comparison an "internal error" (DuckDB reserves it).
  it('a stage whose output has a column the comparison numbers rows by is not comparable, in its row; the others are compared', async () => {
    const wf = (seed: number) => `name: clash\nseed: ${seed}\nstages:\n  - name: rows\n    num_records: 3\n    config:\n      columns:\n        - {name: x, column_type: sampler, sampler_type: uniform, params: {low: 0, high: 1}}\n        - {name: file_row_number, column_type: expression, expr: "{{ x }}"}\n`;
    await fs.writeFile(path.join(work, 'clash1.yml'), wf(1));
    await fs.writeFile(path.join(work, 'clash2.yml'), wf(2));
    expect((await cli(['run', 'clash1.yml', '--artifact-path', 'clash-base'], work)).code).toBe(0);
    expect((await cli(['run', 'clash2.yml', '--artifact-path', 'clash-cur'], work)).code).toBe(0);
    const r = await cli(['diff', 'clash2.yml', '--base', 'clash-base', '--artifact-path', 'clash-cur'], work);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("not comparable: its output has a column named 'file_row_number', which the comparison uses; rename it.");
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it('bad input is one sentence: no --base (usage, exit 2), a directory without a run (exit 1)', async () => {
    const none = await cli(['diff', 'pr.yml'], work);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^ddflow: --base is required/);
    const empty = await cli(['diff', 'pr.yml', '--base', 'nowhere', '--artifact-path', 'current'], work);
    expect(empty.code).toBe(1);
    expect(empty.stderr.trim().split('\n')).toHaveLength(1);
    expect(empty.stderr).toMatch(/nowhere holds no run of workflow 'shop'/);
  });
});
