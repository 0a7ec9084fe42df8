/**
 * A schema error in one part of a workflow does not hide the semantic problems of the other parts
 * (README "Validation": all problems at once), and a node of any wrong shape never crashes the
 * semantic rules nor makes them report problems that are only echoes of the schema error.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DdflowError, formatDiagnostic, ValidationError } from '../../src/diagnostics.js';
import { loadWorkflow } from '../../src/workflow/load.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PARTIAL = path.join(ROOT, 'test/fixtures/partial');

async function problems(file: string): Promise<string[]> {
  try {
    await loadWorkflow(file, { cwd: ROOT });
  } catch (err) {
    if (err instanceof ValidationError) return err.diagnostics.map((d) => formatDiagnostic(d, ROOT));
    throw err;
  }
  return [];
}

describe('schema errors and semantic errors together', () => {
  it('reports every schema error and every semantic error of the parts that passed the schema', async () => {
    const lines = await problems(path.join(PARTIAL, 'many-problems.yaml'));
    const at = (line: number, fragment: string) =>
      expect(lines.find((l) => l.startsWith(`test/fixtures/partial/many-problems.yaml:${line}:`) && l.includes(fragment)), `${line}: ${fragment}\n${lines.join('\n')}`).toBeDefined();
    // schema errors
    at(3, "unknown key 'frobnicate'");
    at(8, 'max_tokens');
    at(11, "unknown key 'nmu_records'");
    at(14, "'params.stddev' of column 'g' must be >= 0");
    at(20, "unknown key 'bogus'");
    at(23, "'output' of stage 'a' must be a string");
    at(28, "'params.values' of column 'w' must have at least 1 item");
    // semantic errors in the same stage as a schema error, and in a stage after one
    at(15, "is greater than 'high'");
    at(15, 'Invalid `convert_to` value: banana');
    at(17, "Subcategory column 'sub' must have values for each value of its parent category 'topic'");
    at(18, 'cyclic dependencies (e1 -> e2 -> e1)');
    at(22, "duplicate stage name 'a'");
    at(26, "Expression column 'y' references missing column 'nope'");
    at(29, "is greater than 'high'");
    // ...and nothing else: no echo of a schema error (the broken column 't', model 'broken-model',
    // parent 'w', the unreadable output of the second stage 'a').
    expect(lines, lines.join('\n')).toHaveLength(14);
  });

  it('nodes of the wrong shape everywhere: each reported once, no crash, no noise', async () => {
    const lines = await problems(path.join(PARTIAL, 'malformed.yaml'));
    const errors = lines.filter((l) => !l.includes(': warning: '));
    expect(errors.some((l) => l.includes("These constrained columns are missing in the definitions of your sampler columns: {'nope'}"))).toBe(true);
    expect(errors.some((l) => l.includes("'config.columns' of stage 'b' must be a list"))).toBe(true);
    // Echoes that must not appear: a model alias whose config is broken, columns of a stage whose columns
    // are unreadable, a processor whose name cannot be read.
    expect(errors.join('\n')).not.toMatch(/unknown model alias|references missing column|names no processor|No column configs/);
    expect(errors).toHaveLength(18);
  });
});

/** Every path of a JSON value, root excluded. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...at, i], ...pathsOf(v, [...at, i])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...at, k], ...pathsOf(v, [...at, k])]);
  return [];
}

function setAt(doc: unknown, at: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const seg of at.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  node[at[at.length - 1]!] = value;
  return copy;
}

describe('any node replaced by a value of another shape', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ddflow-mutate-'));
  cpSync(path.join(ROOT, 'test/fixtures/valid'), dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const REPLACEMENTS: unknown[] = [7, -1, 'x', '{{ x.constructor }}', [], [1], {}, { zz: 1 }, null, true];

  it.each(['chained.yaml', 'with-warnings.yaml', 'minimal.json'])('%s: validation reports problems and never crashes', async (name) => {
    const original = parse(readFileSync(path.join(dir, name), 'utf8')) as unknown;
    const file = path.join(dir, `mutated-${name}.json`);
    let rejected = 0;
    let total = 0;
    for (const at of pathsOf(original)) {
      for (const value of REPLACEMENTS) {
        writeFileSync(file, JSON.stringify(setAt(original, at, value)));
        total++;
        try {
          await loadWorkflow(file, { cwd: dir });
        } catch (err) {
          // Only user-facing errors: a TypeError here is a rule reading a node the schema rejected.
          if (!(err instanceof DdflowError)) throw new Error(`${at.join('/')} = ${JSON.stringify(value)}: ${(err as Error).stack}`);
          rejected++;
        }
      }
    }
    expect(total).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(total / 2);
  }, 120_000);
});
