/**
 * Platform (issue 14 item 6) and the package name (item 7): Node 20 is past its end of life and
 * `openai@7.59.0` (and others) declare Node >= 22, so the project declares and tests Node 22 and 24;
 * the repository carries the license package.json names; exported example datasets are not committed
 * by accident; and the npm package has a name we own (`ddflow` on the registry is someone else's)
 * while the command stays `ddflow`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('platform', () => {
  it('CI runs .ci/run on Node 22 and 24 and checks that dist/ is up to date', () => {
    const ci = parse(fs.readFileSync(path.join(root, '.github/workflows/ci.yml'), 'utf8')) as {
      jobs: Record<string, { strategy?: { matrix?: Record<string, unknown[]> }; steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }> }>;
    };
    const test = Object.values(ci.jobs).find((j) => j.steps.some((s) => s.run === 'bash .ci/run'));
    expect(test?.strategy?.matrix?.['node']).toEqual([22, 24]);
    expect(test!.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe('${{ matrix.node }}');
    const dist = Object.values(ci.jobs).find((j) => j.steps.some((s) => s.run === 'npm run bundle'));
    expect(dist!.steps.map((s) => s.run ?? '').join('\n')).toMatch(/git status --porcelain[^\n]*dist/);
    // Current majors of the official actions, everywhere.
    for (const step of Object.values(ci.jobs).flatMap((j) => j.steps)) {
      if (step.uses?.startsWith('actions/checkout@')) expect(step.uses).toBe('actions/checkout@v5');
      if (step.uses?.startsWith('actions/setup-node@')) expect(step.uses).toBe('actions/setup-node@v5');
    }
  });

  it('has the Apache-2.0 LICENSE package.json declares', () => {
    expect(pkg['license']).toBe('Apache-2.0');
    const text = fs.readFileSync(path.join(root, 'LICENSE'), 'utf8');
    expect(text).toContain('Apache License');
    expect(text).toContain('Version 2.0, January 2004');
    expect(text).toContain('END OF TERMS AND CONDITIONS');
    expect(text.length).toBeGreaterThan(10_000);
  });

  it('ignores the datasets the README and examples export', () => {
    const exported = ['chat.jsonl', 'doc-qa.jsonl', 'judged.jsonl', 'text-to-sql.jsonl', 'final.jsonl', 'examples/review-gate/drafts.parquet', 'examples/review-gate/final.jsonl', 'out.csv'];
    const ignored = execFileSync('git', ['check-ignore', '--no-index', ...exported], { cwd: root, encoding: 'utf8' }).trim().split('\n');
    expect(ignored).toEqual(exported);
    // …but not the example inputs next to them.
    expect(() => execFileSync('git', ['check-ignore', '--no-index', 'examples/doc-qa/passages.jsonl'], { cwd: root })).toThrow();
  });
});

// package.json is edited by the lead when merging (helpers do not touch it): these two fail until then.
describe('package.json (applied by the lead)', () => {
  it('declares Node 22 or newer', () => {
    expect((pkg['engines'] as Record<string, string>)['node']).toBe('>=22');
  });

  it('is published under a name we own and keeps the ddflow command', () => {
    expect(pkg['name']).toBe('ddflow-cli');
    expect(pkg['bin']).toEqual({ ddflow: 'dist/cli/index.js' });
    expect(JSON.stringify([pkg['repository'], pkg['homepage'], pkg['bugs']])).toMatch(/YOUR-ORG\/ddflow/);
  });
});
