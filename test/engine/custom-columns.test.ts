/**
 * `custom` columns and `local_callable` validators with the function bound by the workflow (a JS module
 * in-process, or a `run:` command spoken to in JSON lines). Behaviour follows Data Designer's
 * packages/data-designer-engine/src/data_designer/engine/column_generators/generators/custom.py
 * (output checks, "This record will be skipped", undeclared columns removed) and
 * .../engine/validators/local_callable.py; its tests are
 * packages/data-designer-engine/tests/engine/column_generators/generators/test_custom.py.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStage } from '../../src/engine/create.js';
import type { FunctionSpec } from '../../src/engine/functions.js';
import { readParquet, stageInput, tmpDir } from './helpers.js';

const uniform = (name: string) => ({ name, column_type: 'sampler', sampler_type: 'uniform', params: { low: 1, high: 5, decimal_places: 1 } });
const custom = (name: string, fn: string, extra: Record<string, unknown> = {}) => ({ name, column_type: 'custom', generator_function: fn, ...extra });

async function moduleSpec(name: string, source: string, exportName = name): Promise<FunctionSpec> {
  const dir = tmpDir('ddflow-fn-');
  const file = path.join(dir, `${name}.mjs`);
  await fs.writeFile(file, source);
  return { name, module: { path: file, exportName }, cwd: dir };
}

async function runSpec(name: string, python: string): Promise<FunctionSpec> {
  const dir = tmpDir('ddflow-fn-');
  await fs.writeFile(path.join(dir, 'fn.py'), python);
  return { name, run: 'python3 fn.py', cwd: dir };
}

const PY_LOOP = `import json, sys
for line in sys.stdin:
    req = json.loads(line)
`;

describe('custom columns bound to a JavaScript module', () => {
  it('cell_by_cell: the function gets the row and generator_params and its row comes back', async () => {
    const spec = await moduleSpec('weighted', `export function weighted(row, p) { return { ...row, weighted: row.a * p.w + row.b }; }`);
    const input = stageInput(
      { columns: [uniform('a'), uniform('b'), custom('weighted', 'weighted', { generator_params: { w: 2 }, custom_column_metadata: { required_columns: ['a', 'b'] } })] },
      { functions: new Map([['weighted', spec]]), numRecords: 12, bufferSize: 5 },
    );
    const result = await runStage(input);
    const rows = await readParquet(result.outputFiles);
    expect(rows).toHaveLength(12);
    for (const r of rows) expect(r.weighted).toBeCloseTo((r.a as number) * 2 + (r.b as number), 9);
  });

  it('full_column: one call per row group with its rows; side-effect columns are kept', async () => {
    const spec = await moduleSpec(
      'group',
      `let calls = 0;
       export function group(rows) { calls++; return rows.map((r, i) => ({ ...r, group: calls, position: i })); }
       group.custom_column_metadata = { side_effect_columns: ['position'] };`,
    );
    const input = stageInput(
      { columns: [uniform('a'), custom('group', 'group', { generation_strategy: 'full_column', custom_column_metadata: { side_effect_columns: ['position'] } })] },
      { functions: new Map([['group', spec]]), numRecords: 7, bufferSize: 3 },
    );
    const rows = await readParquet((await runStage(input)).outputFiles);
    expect(rows.map((r) => Number(r.group))).toEqual([1, 1, 1, 2, 2, 2, 3]);
    expect(rows.map((r) => Number(r.position))).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });

  it('a failing cell skips that record with a warning; the others are kept', async () => {
    const spec = await moduleSpec('pick', `export function pick(row) { if (row.a > 3) throw new Error('too big: ' + row.a); return { ...row, pick: 'ok' }; }`);
    const input = stageInput({ columns: [uniform('a'), custom('pick', 'pick', { custom_column_metadata: { required_columns: ['a'] } })] }, { functions: new Map([['pick', spec]]), numRecords: 40 });
    const result = await runStage(input);
    const rows = await readParquet(result.outputFiles);
    const skipped = result.droppedRows.CustomColumnGenerationError ?? 0;
    expect(skipped).toBeGreaterThan(0);
    expect(rows.length).toBe(40 - skipped);
    expect(rows.every((r) => (r.a as number) <= 3 && r.pick === 'ok')).toBe(true);
    expect(input.log.lines.some((l) => l.message.includes("failed for column 'pick'. This record will be skipped.") && l.message.includes('too big'))).toBe(true);
  });

  // Data Designer's CustomColumnGenerationError skips the record (cell_by_cell); one malformed result
  // once failed the whole stage.
  it("checks the result as Data Designer does: a record without the column (or missing columns it had, or not a dict) is skipped; undeclared new columns are removed with a warning", async () => {
    const some = await moduleSpec('some', `export function some(row) { if (row.a > 3) return [1, 2]; if (row.a > 2) return { ...row }; return { ...row, x: 1 }; }`);
    const mixed = stageInput({ columns: [uniform('a'), custom('x', 'some')] }, { functions: new Map([['some', some]]), numRecords: 40 });
    const kept = await runStage(mixed);
    const rows0 = await readParquet(kept.outputFiles);
    expect(rows0.length).toBe(40 - (kept.droppedRows.CustomColumnGenerationError ?? 0));
    expect(rows0.length).toBeGreaterThan(0);
    expect(rows0.every((r) => (r.a as number) <= 2 && r.x === 1)).toBe(true);
    const said = mixed.log.lines.map((l) => l.message);
    expect(said.some((m) => m.includes("This record will be skipped. Custom generator for column 'x' must return a dict, got list"))).toBe(true);
    expect(said.some((m) => m.includes("This record will be skipped. Custom generator for column 'x' did not create the expected column. The generator_function must add a key named 'x' to the row."))).toBe(true);

    const removes = await moduleSpec('drop', `export function drop(row) { return { x: 1 }; }`);
    const all = stageInput({ columns: [uniform('a'), custom('x', 'drop')] }, { functions: new Map([['drop', removes]]) });
    await expect(runStage(all)).rejects.toThrow('Dataset is empty');
    expect(all.log.lines.some((l) => l.message.includes("removed pre-existing columns: ['a']"))).toBe(true);
    const extra = await moduleSpec('extra', `export function extra(row) { return { ...row, x: 1, secret_scratch: 2 }; }`);
    const input = stageInput({ columns: [uniform('a'), custom('x', 'extra')] }, { functions: new Map([['extra', extra]]) });
    const rows = await readParquet((await runStage(input)).outputFiles);
    expect(Object.keys(rows[0]!).sort()).toEqual(['a', 'x']);
    expect(input.log.lines.filter((l) => l.message.includes("created undeclared columns: ['secret_scratch']"))).toHaveLength(1);
  });

  // A Map was stored as {} and a function failed the stage with the parquet writer's TypeError.
  it('a value a dataset cannot hold (a Map, a function, a class instance) skips that record with a sentence naming it', async () => {
    const odd = await moduleSpec('odd', `export function odd(row) { return { ...row, x: row.a > 4 ? new Map([['k', 1]]) : row.a > 3 ? { nested: [() => 1] } : { ok: [1, 'two', null] } }; }`);
    const input = stageInput({ columns: [uniform('a'), custom('x', 'odd')] }, { functions: new Map([['odd', odd]]), numRecords: 40 });
    const result = await runStage(input);
    const rows = await readParquet(result.outputFiles);
    expect(rows.length).toBe(40 - (result.droppedRows.CustomColumnGenerationError ?? 0));
    expect(rows.every((r) => (r.a as number) <= 3)).toBe(true);
    const said = input.log.lines.map((l) => l.message);
    expect(said.some((m) => m.includes("returned a Map object in column 'x', which a dataset cannot hold")), said.filter((m) => m.includes('returned')).slice(0, 3).join('\n')).toBe(true);
    expect(said.some((m) => m.includes("returned a function in column 'x'"))).toBe(true);
  });

  it('a full_column function that fails stops the stage with the column named', async () => {
    const spec = await moduleSpec('boom', `export function boom() { throw new Error('no luck'); }`);
    const input = stageInput({ columns: [uniform('a'), custom('x', 'boom', { generation_strategy: 'full_column' })] }, { functions: new Map([['boom', spec]]) });
    await expect(runStage(input)).rejects.toThrow("Custom generator function failed for column 'x': function 'boom' failed: no luck");
  });
});

describe('custom columns bound to a command (JSON lines)', () => {
  it('cell_by_cell over one long-lived process: one request per row, answers in order', async () => {
    const spec = await runSpec(
      'shout',
      `${PY_LOOP}    row = req["row"]
    row["shout"] = row["word"].upper() + req["params"]["suffix"]
    row["pid"] = __import__("os").getpid()
    print(json.dumps({"row": row}), flush=True)
`,
    );
    const input = stageInput(
      {
        columns: [
          { name: 'word', column_type: 'sampler', sampler_type: 'category', params: { values: ['ab', 'cd', 'ef'] } },
          custom('shout', 'shout', { generator_params: { suffix: '!' }, custom_column_metadata: { required_columns: ['word'], side_effect_columns: ['pid'] } }),
        ],
      },
      { functions: new Map([['shout', spec]]), numRecords: 9, bufferSize: 4 },
    );
    const rows = await readParquet((await runStage(input)).outputFiles);
    expect(rows.map((r) => r.shout)).toEqual(rows.map((r) => `${String(r.word).toUpperCase()}!`));
    // Started once for the stage, not once per row group.
    expect(new Set(rows.map((r) => Number(r.pid))).size).toBe(1);
  });

  it('an {"error": ...} answer skips that record; a command that dies fails the stage with its stderr', async () => {
    const picky = await runSpec(
      'picky',
      `${PY_LOOP}    row = req["row"]
    if row["n"] > 3:
        print(json.dumps({"error": "n too large"}), flush=True)
    else:
        row["picky"] = row["n"] * 10
        print(json.dumps({"row": row}), flush=True)
`,
    );
    const n = { name: 'n', column_type: 'sampler', sampler_type: 'uniform', params: { low: 0, high: 6, decimal_places: 0 }, convert_to: 'int' };
    const ok = await runStage(stageInput({ columns: [n, custom('picky', 'picky')] }, { functions: new Map([['picky', picky]]), numRecords: 30 }));
    const rows = await readParquet(ok.outputFiles);
    expect(ok.droppedRows.CustomColumnGenerationError).toBeGreaterThan(0);
    expect(rows.every((r) => Number(r.picky) === Number(r.n) * 10 && Number(r.n) <= 3)).toBe(true);

    const dies = await runSpec('dies', `import sys\nsys.stdin.readline()\nprint("cannot import numpy", file=sys.stderr)\nsys.exit(3)\n`);
    await expect(runStage(stageInput({ columns: [n, custom('dies', 'dies')] }, { functions: new Map([['dies', dies]]) }))).rejects.toThrow(
      /The command of function 'dies' \(python3 fn\.py\) exited with code 3 before answering every request: cannot import numpy/,
    );
  });

  it('a line that is not JSON stops the command rather than misattribute later answers', async () => {
    const chatty = await runSpec('chatty', `${PY_LOOP}    print("hello there", flush=True)\n`);
    await expect(runStage(stageInput({ columns: [uniform('a'), custom('chatty', 'chatty')] }, { functions: new Map([['chatty', chatty]]) }))).rejects.toThrow(
      "The command of function 'chatty' answered a line that is not JSON: hello there",
    );
  });
});

describe('local_callable validators', () => {
  it('the bound function gets the target records of each batch and gives one {is_valid, ...} per record', async () => {
    const spec = await moduleSpec(
      'in_range',
      `export const batches = [];
       export function in_range(rows) { return rows.map((r) => ({ is_valid: r.a >= 2, seen: Object.keys(r).join(',') , batch: rows.length })); }`,
    );
    const input = stageInput(
      {
        columns: [
          uniform('a'),
          uniform('b'),
          { name: 'v', column_type: 'validation', target_columns: ['a'], validator_type: 'local_callable', validator_params: { validation_function: 'in_range' }, batch_size: 4 },
        ],
      },
      { functions: new Map([['in_range', spec]]), numRecords: 10 },
    );
    const rows = await readParquet((await runStage(input)).outputFiles);
    for (const r of rows) {
      const v = typeof r.v === 'string' ? JSON.parse(r.v) : r.v;
      expect(v.is_valid).toBe((r.a as number) >= 2);
      expect(v.seen).toBe('a');
    }
    expect(rows.map((r) => (typeof r.v === 'string' ? JSON.parse(r.v) : r.v).batch)).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 2, 2]);
  });

  // Data Designer's ValidationOutput is pydantic `is_valid: bool | None`: "false" was stored as the string
  // "false", which reads as valid (a non-empty string).
  it('is_valid answered as text or 0/1 is read as a boolean, as pydantic reads it; anything else stops the stage', async () => {
    const spec = await moduleSpec('words', `export function words(rows) { return rows.map((r, i) => ({ is_valid: ['false', 'True', 0, 1, ' yes ', 'off', null][i % 7] })); }`);
    const input = stageInput(
      { columns: [uniform('a'), { name: 'v', column_type: 'validation', target_columns: ['a'], validator_type: 'local_callable', validator_params: { validation_function: 'words', batch_size: 7 } }] },
      { functions: new Map([['words', spec]]), numRecords: 7 },
    );
    const rows = await readParquet((await runStage(input)).outputFiles);
    expect(rows.map((r) => (typeof r.v === 'string' ? JSON.parse(r.v) : r.v).is_valid)).toEqual([false, true, false, true, true, false, null]);
    const odd = await moduleSpec('odd', `export function odd(rows) { return rows.map(() => ({ is_valid: 'maybe' })); }`);
    const bad = stageInput(
      { columns: [uniform('a'), { name: 'v', column_type: 'validation', target_columns: ['a'], validator_type: 'local_callable', validator_params: { validation_function: 'odd' } }] },
      { functions: new Map([['odd', odd]]), numRecords: 3 },
    );
    await expect(runStage(bad)).rejects.toThrow('is_valid "maybe" is not a valid boolean');
  });

  // Null verdicts in a completed stage were reused by every later run, the function never called again
  // (Data Designer raises on this sequential path and drops the row group; nothing is completed with nulls).
  it('results that break output_schema (or lack is_valid) stop the stage, resumable, instead of null verdicts', async () => {
    const spec = await moduleSpec('bad', `export function bad(rows) { return rows.map(() => ({ valid: true })); }`);
    const input = stageInput(
      { columns: [uniform('a'), { name: 'v', column_type: 'validation', target_columns: ['a'], validator_type: 'local_callable', validator_params: { validation_function: 'bad' } }] },
      { functions: new Map([['bad', spec]]), numRecords: 3 },
    );
    await expect(runStage(input)).rejects.toThrow(/^Validation column 'v': a batch of 3 records could not be validated \(The validation function 'bad' must return one \{"is_valid": \.\.\.\} per record.*\); the stage stops with its completed row groups kept — fix the validator and run again\.$/);
  });
});

describe('statistics over row groups of different column types', () => {
  // A custom column gives integers in the first row group and floats in the others: the files differ in
  // type (BIGINT, then DOUBLE), so the statistics must read them by name with the unified type — not
  // with the first file's schema, which would cast 0.5 to an integer.
  it('a column that is BIGINT in one file and DOUBLE in the others is reported as double, every value counted', async () => {
    const spec = await moduleSpec(
      'shifting',
      `let calls = 0;
       export function shifting(rows) { calls++; return rows.map((r, i) => ({ ...r, v: calls === 1 ? i + 1 : i + 0.5 })); }`,
    );
    const input = stageInput({ columns: [uniform('a'), custom('v', 'shifting', { generation_strategy: 'full_column' })] }, { functions: new Map([['shifting', spec]]), numRecords: 15, bufferSize: 5 });
    const result = await runStage(input);
    const meta = JSON.parse(await fs.readFile(path.join(input.stageDir, 'metadata.json'), 'utf8'));
    const v = meta.column_statistics.find((s: { column_name: string }) => s.column_name === 'v');
    expect(v).toMatchObject({ num_records: 15, num_null: 0, num_unique: 10, pyarrow_dtype: 'double' });
    expect(result.columns).toEqual(['a', 'v']);
  });
});

