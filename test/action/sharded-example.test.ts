/**
 * examples/github/sharded.yml checked against the rules GitHub applies to a workflow file (actionlint
 * cannot be installed here, and no workflow JSON schema ships in node_modules): job ids, `needs` that
 * name existing jobs without a cycle, job outputs that read a step id of that job, a matrix from
 * `fromJSON(needs.<job>.outputs.<output>)` with `fail-fast: false`, expression contexts only where
 * GitHub makes them available (`matrix` in a matrix job, `needs.X` when X is needed, `steps.X` for an
 * earlier step of the job, `inputs.X` declared by workflow_dispatch), every ddflow input one the Action
 * declares — and the matrix the prepare job prints is the one `ddflow shards` prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { inputsFrom } from '../../src/action/inputs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const file = path.join(root, 'examples/github/sharded.yml');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  'runs-on'?: unknown;
  needs?: string | string[];
  outputs?: Record<string, string>;
  strategy?: { matrix?: unknown; 'fail-fast'?: unknown };
  steps?: Step[];
  [k: string]: unknown;
}
interface Workflow {
  name?: string;
  on: Record<string, { inputs?: Record<string, unknown> } | null>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const wf = parse(fs.readFileSync(file, 'utf8')) as Workflow;
const needsOf = (job: Job) => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);
const JOB_KEYS = new Set(['name', 'runs-on', 'needs', 'outputs', 'strategy', 'steps', 'timeout-minutes', 'permissions', 'env', 'if', 'concurrency', 'environment', 'defaults', 'container', 'services', 'continue-on-error']);
const STEP_KEYS = new Set(['id', 'name', 'uses', 'run', 'with', 'env', 'if', 'shell', 'working-directory', 'timeout-minutes', 'continue-on-error']);

/** Every `${{ ... }}` in a value (strings inside objects and arrays too). */
function expressions(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(/\$\{\{\s*(.*?)\s*\}\}/g)].map((m) => m[1]!);
  if (Array.isArray(value)) return value.flatMap(expressions);
  if (value && typeof value === 'object') return Object.values(value).flatMap(expressions);
  return [];
}

describe('examples/github/sharded.yml', () => {
  it('is a workflow GitHub accepts: known keys, job ids, needs without cycles, steps with one of uses/run', () => {
    expect(typeof wf.name).toBe('string');
    expect(Object.keys(wf.on)).toContain('workflow_dispatch');
    expect(Object.keys(wf.jobs).sort()).toEqual(['finish', 'generate', 'prepare']);
    for (const [id, job] of Object.entries(wf.jobs)) {
      expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
      for (const k of Object.keys(job)) expect(JOB_KEYS, `${id}.${k}`).toContain(k);
      expect(job['runs-on']).toBeTruthy();
      expect(Array.isArray(job.steps) && job.steps.length > 0).toBe(true);
      const ids = new Set<string>();
      for (const step of job.steps!) {
        for (const k of Object.keys(step)) expect(STEP_KEYS, `${id} step ${k}`).toContain(k);
        expect(Number(step.uses !== undefined) + Number(step.run !== undefined), `${id}: a step has exactly one of uses/run`).toBe(1);
        if (step.id) {
          expect(step.id).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
          expect(ids.has(step.id)).toBe(false);
          ids.add(step.id);
        }
      }
      for (const n of needsOf(job)) expect(Object.keys(wf.jobs)).toContain(n);
    }
    // No cycle: a topological order exists.
    const done = new Set<string>();
    for (let round = 0; round < 3; round++) for (const [id, job] of Object.entries(wf.jobs)) if (needsOf(job).every((n) => done.has(n))) done.add(id);
    expect(done.size).toBe(3);
    expect(needsOf(wf.jobs['generate']!)).toEqual(['prepare']);
    expect(needsOf(wf.jobs['finish']!)).toEqual(['generate']);
  });

  it('fans out with a matrix from the prepare job output (fromJSON) and fail-fast false', () => {
    const prepare = wf.jobs['prepare']!;
    const generate = wf.jobs['generate']!;
    const output = /^\$\{\{\s*steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)\s*\}\}$/.exec(prepare.outputs?.['matrix'] ?? '');
    expect(output, 'prepare.outputs.matrix reads a step output').not.toBeNull();
    const step = prepare.steps!.find((s) => s.id === output![1])!;
    expect(step, 'the step it names exists in prepare').toBeDefined();
    // The step is this Action's `command: shards` for the sharded stage, whose output is `matrix`.
    expect(step.uses).toMatch(/^YOUR-ORG\/ddflow@/);
    expect(step.with).toMatchObject({ command: 'shards', stage: 'answers' });
    expect(String(step.with?.['shard-count'])).toMatch(/\$\{\{\s*inputs\.shards\s*\}\}/);
    expect(output![2]).toBe('matrix');
    expect(generate.strategy?.matrix).toMatch(/^\$\{\{\s*fromJSON\(needs\.prepare\.outputs\.matrix\)\s*\}\}$/);
    expect(generate.strategy?.['fail-fast']).toBe(false);
  });

  it('uses expression contexts only where GitHub provides them', () => {
    const dispatchInputs = Object.keys(wf.on['workflow_dispatch']?.inputs ?? {});
    for (const [id, job] of Object.entries(wf.jobs)) {
      const earlier = new Set<string>();
      const check = (expr: string, where: string, stepIds: Set<string>) => {
        for (const m of expr.matchAll(/(?<![.\w-])(matrix|needs|steps|inputs|secrets|github|env|runner|strategy|vars|job)\b(?:\.([A-Za-z0-9_-]+))?/g)) {
          const [, ctx, name] = m;
          if (ctx === 'matrix') expect(job.strategy?.matrix, `${where}: matrix outside a matrix job`).toBeDefined();
          if (ctx === 'needs') expect(needsOf(job), `${where}: needs.${name} not needed`).toContain(name);
          if (ctx === 'steps') expect([...stepIds], `${where}: steps.${name} is not an earlier step`).toContain(name);
          if (ctx === 'inputs') expect(dispatchInputs, `${where}: inputs.${name} not declared`).toContain(name);
          if (ctx === 'needs' && name) {
            const out = /needs\.[A-Za-z0-9_-]+\.outputs\.([A-Za-z0-9_-]+)/.exec(expr);
            if (out) expect(Object.keys(wf.jobs[name]!.outputs ?? {})).toContain(out[1]);
          }
        }
      };
      // Job-level: strategy may use needs/inputs; outputs may use steps of the job (all of them).
      for (const e of expressions(job.strategy)) check(e, `${id}.strategy`, new Set());
      const allIds = new Set(job.steps!.flatMap((s) => (s.id ? [s.id] : [])));
      for (const e of expressions(job.outputs)) check(e, `${id}.outputs`, allIds);
      for (const step of job.steps!) {
        for (const e of expressions(step)) check(e, `${id}: ${step.name ?? step.uses ?? step.run}`, earlier);
        if (step.id) earlier.add(step.id);
      }
    }
  });

  it('runs the stages before, one shard per job, then merge and the rest, with inputs the Action accepts', async () => {
    const steps = Object.entries(wf.jobs).flatMap(([id, j]) => j.steps!.filter((s) => s.uses?.startsWith('YOUR-ORG/ddflow@')).map((s) => [id, s] as const));
    const shardStep = steps.find(([id]) => id === 'generate')![1];
    expect(shardStep.with).toMatchObject({ command: 'run', stage: 'answers', shard: '${{ matrix.shard }}' });
    const finish = steps.filter(([id]) => id === 'finish').map(([, s]) => s.with?.['command']);
    expect(finish).toEqual(['merge', 'run']);
    expect(steps.find(([id]) => id === 'finish')![1].with).toMatchObject({ stage: 'answers' });
    expect(steps.filter(([id]) => id === 'prepare').map(([, s]) => s.with)).toEqual([
      expect.objectContaining({ command: 'run', targets: 'questions' }),
      expect.objectContaining({ command: 'shards', stage: 'answers' }),
    ]);
    // Each value of the matrix `ddflow shards` prints is a shard input the Action accepts.
    const dir = fs.mkdtempSync(path.join(root, 'node_modules/.ddflow-example-'));
    try {
      fs.writeFileSync(path.join(dir, 'wf.yml'), 'name: ex\nseed: 1\nrun_config: {buffer_size: 2}\nstages:\n  - name: questions\n    num_records: 20\n    config: {columns: [{name: q, column_type: sampler, sampler_type: uuid, params: {}}]}\n  - name: answers\n    config: {columns: [{name: a, column_type: expression, expr: "{{ q }}"}]}\n');
      let out = '';
      const code = await main(['shards', 'wf.yml', '--stage', 'answers', '--count', '8'], { cwd: dir, stdout: (t) => (out += t), stderr: () => undefined });
      expect(code).toBe(0);
      const matrix = JSON.parse(out) as { include: Array<Record<string, string>> };
      expect(matrix.include).toHaveLength(8);
      for (const entry of matrix.include) {
        expect(Object.keys(entry)).toEqual(['shard']);
        const w = Object.fromEntries(Object.entries(shardStep.with!).map(([k, v]) => [k, String(v).replace('${{ matrix.shard }}', entry['shard']!)]));
        expect(inputsFrom(w).shard).toBeDefined();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
