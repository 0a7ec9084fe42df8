/**
 * action.yml, the inputs reader and the example workflows must agree: every documented input is read,
 * every default is the one the reader applies, and every example step passes input validation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { inputsFrom } from '../../src/action/inputs.js';

const root = path.resolve(import.meta.dirname, '../..');
interface ActionYml {
  runs: Record<string, string>;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  branding: Record<string, string>;
}
const action = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as ActionYml;

/** A step that runs this Action: the published repository pinned by commit (placeholder owner), or `./` when vendored. */
const isDdflowStep = (uses: string | undefined) => uses === './' || /^[\w.-]+\/ddflow@/.test(uses ?? '');
const SPEC_INPUTS = ['workflow', 'command', 'resume', 'targets', 'rerun-from', 'overrides', 'num-records', 'seed', 'artifact-path', 'working-directory', 'cache', 'cache-key-prefix', 'upload', 'artifact-name', 'retention-days', 'export-format', 'if-no-files-found', 'stage', 'shard', 'shard-count', 'from', 'github-token', 'comment', 'batch'];
const SPEC_OUTPUTS = ['dataset-path', 'records', 'stages', 'cache-hits', 'cache-hit', 'artifact-id', 'artifact-url', 'artifact-digest', 'matrix', 'cost-usd', 'pending'];

describe('action.yml', () => {
  it('runs the bundled entry points on node24 with an always-run post step', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post.js', 'post-if': 'always()' });
    expect(action.branding.icon).toBeTruthy();
  });

  it('documents exactly the inputs and outputs of the spec', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...SPEC_INPUTS].sort());
    expect(Object.keys(action.outputs).sort()).toEqual([...SPEC_OUTPUTS].sort());
    for (const def of [...Object.values(action.inputs), ...Object.values(action.outputs)]) expect(def.description.length).toBeGreaterThan(10);
    expect(action.inputs.workflow!.required).toBe(true);
  });

  it('declares the defaults the inputs reader applies', () => {
    const defaults = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? '']));
    const fromDefaults = inputsFrom({ ...defaults, workflow: 'wf.yaml' });
    expect(fromDefaults).toEqual(inputsFrom({ workflow: 'wf.yaml' }));
  });
});

describe('examples/github', () => {
  const dir = path.join(root, 'examples/github');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yml'));

  it('has the nightly, nightly batch, pull-request preview, release and sharded workflows', () => {
    expect(files.sort()).toEqual(['nightly-batch.yml', 'nightly.yml', 'pr-preview.yml', 'release.yml', 'sharded.yml']);
  });

  it.each(files)('%s uses only documented inputs, with values the Action accepts', (file) => {
    const wf = parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { on: unknown; jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }> };
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps).filter((s) => isDdflowStep(s.uses));
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      const given = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]));
      for (const name of Object.keys(given)) expect(SPEC_INPUTS).toContain(name);
      // Expressions are resolved by the runner; an empty value stands in for them here.
      // (`shard` comes from the matrix, whose values are `i/N`; `shard-count` from a number input.)
      const STAND_INS: Record<string, string> = { shard: '1/2', 'shard-count': '8' };
      const resolved = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, /\$\{\{/.test(v) && k !== 'artifact-name' ? (STAND_INS[k] ?? '') : v]));
      expect(() => inputsFrom(resolved)).not.toThrow();
    }
  });

  it('covers the triggers and commands each example is for', () => {
    const read = (f: string) => parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { on: Record<string, unknown> };
    expect(Object.keys(read('nightly.yml').on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(Object.keys(read('pr-preview.yml').on)).toEqual(['pull_request']);
    expect(read('release.yml').on).toEqual({ release: { types: ['published'] } });
    const pr = fs.readFileSync(path.join(dir, 'pr-preview.yml'), 'utf8');
    expect(pr).toMatch(/command: plan/);
    expect(pr).toMatch(/command: preview/);
    // Pull requests run workflow files nobody reviewed: every ddflow step there must not write to the cache.
    const prSteps = Object.values((parse(pr) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }> }).jobs)
      .flatMap((j) => j.steps)
      .filter((s) => isDdflowStep(s.uses) && s.with?.['command'] !== 'validate');
    expect(prSteps.length).toBeGreaterThan(0);
    for (const step of prSteps) expect(step.with?.['cache']).toBe('read-only');
    expect(fs.readFileSync(path.join(dir, 'release.yml'), 'utf8')).toMatch(/gh release upload/);
  });

  it('nightly-batch.yml submits or collects on a schedule, and publishes only a dataset completed by that run', () => {
    const text = fs.readFileSync(path.join(dir, 'nightly-batch.yml'), 'utf8');
    const wf = parse(text) as { on: Record<string, unknown>; jobs: Record<string, { steps: { id?: string; uses?: string; if?: string; with?: Record<string, unknown>; run?: string }[] }> };
    expect(Object.keys(wf.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    const run = steps.find((s) => isDdflowStep(s.uses))!;
    expect(run.with).toMatchObject({ command: 'run', batch: true });
    expect(inputsFrom({ workflow: 'w.yaml', batch: String(run.with!['batch']) }).batch).toBe(true);
    const publish = steps.find((s) => /gh release upload/.test(s.run ?? ''))!;
    expect(publish.if).toMatch(new RegExp(`steps\\.${run.id}\\.outputs\\.pending == 'false'`));
  });
});
