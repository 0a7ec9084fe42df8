/** Loading normalises what Data Designer accepts into one form, and fills every default from the schema. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError, type Diagnostic } from '../../src/diagnostics.js';
import { loadWorkflow } from '../../src/workflow/load.js';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ddflow-load-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function load(files: Record<string, string>, file = 'wf.yaml') {
  const dir = workspace(files);
  return { dir, wf: await loadWorkflow(file, { cwd: dir }) };
}

async function diagnostics(files: Record<string, string>, file = 'wf.yaml'): Promise<Diagnostic[]> {
  const dir = workspace(files);
  try {
    const wf = await loadWorkflow(file, { cwd: dir });
    return wf.warnings;
  } catch (err) {
    if (err instanceof ValidationError) return err.diagnostics;
    throw err;
  }
}

const stage = (columns: string, extra = '') => `name: t\nmodel_configs:\n  - {alias: fast, model: m, provider: nvidia}\nstages:\n  - name: s\n    config:\n      columns:\n${columns}${extra}`;

describe('normalisation', () => {
  it('accepts both spellings of every column type and stores the kebab-case one', async () => {
    const { wf } = await load({
      'wf.yaml': stage(`        - {name: a, column_type: sampler, sampler_type: category, params: {values: [x]}}
        - {name: b, column_type: llm_text, model_alias: fast, prompt: "{{ a }}"}
        - {name: c, column_type: llm-code, model_alias: fast, prompt: "{{ a }}", code_lang: python}
        - {name: d, column_type: llm_structured, model_alias: fast, prompt: "{{ a }}", output_format: {type: object}}
        - {name: e, column_type: llm_judge, model_alias: fast, prompt: "{{ a }}", scores: [{name: q, description: d, options: {'1': bad}}]}
`),
    });
    expect(wf.stages[0]!.config.columns.map((c) => c.column_type)).toEqual(['sampler', 'llm-text', 'llm-code', 'llm-structured', 'llm-judge']);
  });

  it('injects sampler_type into params and conditional_params, and normalises category weights', async () => {
    const { wf } = await load({
      'wf.yaml': stage(`        - name: a
          column_type: sampler
          sampler_type: category
          params: {values: [x, y], weights: [3, 1]}
          conditional_params:
            "b > 0.5": {values: [x, y], weights: [1, 1]}
        - {name: b, column_type: sampler, sampler_type: uniform, params: {low: 0, high: 1}}
`),
    });
    const [a, b] = wf.stages[0]!.config.columns as Array<Record<string, any>>;
    expect(a!.params).toEqual({ sampler_type: 'category', values: ['x', 'y'], weights: [0.75, 0.25] });
    expect(a!.conditional_params['b > 0.5']).toEqual({ sampler_type: 'category', values: ['x', 'y'], weights: [0.5, 0.5] });
    expect(b!.params).toEqual({ sampler_type: 'uniform', low: 0, high: 1, decimal_places: null });
  });

  it('fills every default from the schema', async () => {
    const { wf } = await load({
      'wf.yaml': stage(`        - {name: id, column_type: sampler, sampler_type: uuid, params: {}}
        - {name: t, column_type: llm-text, model_alias: fast, prompt: "{{ id }}"}
`),
    });
    const [id, t] = wf.stages[0]!.config.columns as Array<Record<string, any>>;
    expect(id).toMatchObject({ drop: false, skip: null, propagate_skip: true, conditional_params: {}, convert_to: null });
    expect(id!.params).toEqual({ sampler_type: 'uuid', prefix: null, short_form: false, uppercase: false });
    expect(t).toMatchObject({ system_prompt: null, with_trace: 'none', extract_reasoning_content: false, tool_alias: null, multi_modal_context: null });
    expect(wf.runConfig).toMatchObject({ buffer_size: 1000, shutdown_error_rate: 0.5, shutdown_error_window: 10, max_conversation_restarts: 5, jinja_rendering_engine: 'secure' });
    expect(wf.modelConfigs[0]).toMatchObject({ skip_health_check: false });
    expect(wf.stages[0]).toMatchObject({ output: { kind: 'final' }, allowEmpty: false, samplingStrategy: 'ordered', selectionStrategy: null, outputProcessors: [] });
    expect(wf.artifactPath).toBe(path.join(wf.dir, 'artifacts'));
  });

  it('infers constraint_type from rhs and generation_type from embedding fields', async () => {
    const { wf } = await load({
      'wf.yaml': `name: t
model_configs:
  - {alias: emb, model: e, provider: openai, inference_parameters: {dimensions: 64}}
  - {alias: chat, model: c, provider: openai, inference_parameters: {temperature: {params: {low: 0.2, high: 0.8}}}}
stages:
  - name: s
    config:
      columns:
        - {name: a, column_type: sampler, sampler_type: uniform, params: {low: 0, high: 10}}
        - {name: b, column_type: sampler, sampler_type: uniform, params: {low: 0, high: 10}}
      constraints:
        - {target_column: a, rhs: "2.5", operator: gt}
        - {target_column: a, rhs: b, operator: lt}
`,
    });
    expect(wf.stages[0]!.config.constraints!.map((c) => c.constraint_type)).toEqual(['scalar_inequality', 'column_inequality']);
    expect(wf.modelConfigs[0]!.inference_parameters).toMatchObject({ generation_type: 'embedding', encoding_format: 'float' });
    expect(wf.modelConfigs[1]!.inference_parameters).toMatchObject({ generation_type: 'chat-completion', temperature: { distribution_type: 'uniform' } });
  });

  it('reads a data_designer-wrapped config file as Data Designer writes it, resolving its seed path against its own directory', async () => {
    const { dir, wf } = await load({
      'wf.yaml': 'name: t\nstages:\n  - name: s\n    config: cfg/dd.yaml\n',
      'cfg/dd.yaml': `data_designer:
  columns:
  - column_type: expression
    drop: false
    dtype: str
    expr: '{{ q }}'
    name: e
    propagate_skip: true
    skip: null
  constraints: null
  model_configs: null
  processors: null
  profilers: null
  seed_config:
    sampling_strategy: ordered
    selection_strategy: null
    source: {path: seed.csv, seed_type: local}
  tool_configs: []
library_version: 0.4.0
`,
      'cfg/seed.csv': 'q\nhello\n',
    });
    const s = wf.stages[0]!;
    expect(s.configFile).toBe(path.join(dir, 'cfg/dd.yaml'));
    expect(s.config.seed_config!.source).toEqual({ seed_type: 'local', path: path.join(dir, 'cfg/seed.csv') });
    expect(s.config.columns[0]).toMatchObject({ name: 'e', column_type: 'expression' });
  });

  it('reads a shorthand JSON config file and an inline wrapped config', async () => {
    const { wf } = await load({
      'wf.yaml': `name: t
stages:
  - name: a
    config: a.json
  - name: b
    config:
      data_designer:
        columns:
          - {name: y, column_type: expression, expr: "{{ x }}!"}
      library_version: 0.1.0
`,
      'a.json': '{"columns": [{"name": "x", "column_type": "sampler", "sampler_type": "bernoulli", "params": {"p": 0.5}}]}',
    });
    expect(wf.stages.map((s) => s.config.columns[0]!.name)).toEqual(['x', 'y']);
  });
});

describe('diagnostics', () => {
  it('points an unknown key at the key and a missing key at the mapping it is missing from', async () => {
    const ds = await diagnostics({
      'wf.yaml': stage(`        - name: d
          column_type: llm-text
          model_alias: fast
          bogus: 1
`),
    });
    const unknown = ds.find((d) => d.message.startsWith("unknown key 'bogus'"))!;
    const missing = ds.find((d) => d.message.startsWith("missing required key 'prompt'"))!;
    expect(unknown.location).toMatchObject({ line: 11, col: 11 });
    expect(missing.location).toMatchObject({ line: 8, col: 11 });
    expect(ds.filter((d) => d.severity === 'error')).toHaveLength(2);
  });

  it('reports every error at once', async () => {
    const ds = await diagnostics({
      'wf.yaml': stage(`        - {name: a, column_type: expression, expr: "{{ q }}"}
        - {name: b, column_type: llm-text, model_alias: nope, prompt: "{{ zz }}"}
`),
    });
    expect(ds.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      "Expression column 'a' references missing column 'q'.",
      "The prompt template for 'b' references a column that does not exist: 'zz'.",
      "unknown model alias 'nope' in column 'b': no model config with alias 'nope' found",
    ]);
  });

  it('never repeats a literal api_key value', async () => {
    const secret = 'nvapi-THISISASECRETVALUE123';
    const ds = await diagnostics({
      'wf.yaml': `name: t\nmodel_providers:\n  - {name: p, endpoint: "http://127.0.0.1:1/v1", api_key: ${secret}}\nstages:\n  - name: s\n    config:\n      columns:\n        - {name: a, column_type: sampler, sampler_type: bernoulli, params: {p: 0.5}}\n`,
    });
    expect(ds.some((d) => d.code === 'literal_api_key')).toBe(true);
    expect(JSON.stringify(ds)).not.toContain('SECRETVALUE');
  });

  it.each(['gsk_THISISASECRETVALUE123abc', 'AIzaSyTHISISASECRETVALUE123', 'Zq8xW2pL0kR7vT4mN9bC3dF6'])('takes %s for a key, not a variable name, and never repeats it', async (secret) => {
    const ds = await diagnostics({
      'wf.yaml': `name: t\nmodel_providers:\n  - {name: p, endpoint: "http://127.0.0.1:1/v1", api_key: ${secret}}\nstages:\n  - name: s\n    config:\n      columns:\n        - {name: a, column_type: sampler, sampler_type: bernoulli, params: {p: 0.5}}\n`,
    });
    expect(ds.some((d) => d.code === 'literal_api_key')).toBe(true);
    expect(JSON.stringify(ds)).not.toContain('SECRETVALUE');
    expect(JSON.stringify(ds)).not.toContain('Zq8xW2pL');
  });

  it('variable names stay variable names (MY_KEY, my_key, OPENAI_API_KEY_2)', async () => {
    for (const name of ['MY_KEY', 'my_key', 'OPENAI_API_KEY_2', 'HF_TOKEN']) {
      const ds = await diagnostics({
        'wf.yaml': `name: t\nmodel_providers:\n  - {name: p, endpoint: "http://127.0.0.1:1/v1", api_key: ${name}}\nstages:\n  - name: s\n    config:\n      columns:\n        - {name: a, column_type: sampler, sampler_type: bernoulli, params: {p: 0.5}}\n`,
      });
      expect(ds.filter((d) => d.code === 'literal_api_key'), name).toEqual([]);
    }
  });

  it('an endpoint that is not an http(s) URL, and column names that differ only in case, are errors at validate', async () => {
    const ds = await diagnostics({
      'wf.yaml': `name: t\nmodel_providers:\n  - {name: p, endpoint: "localhost:8000/v1", api_key: MY_KEY}\n  - {name: q, endpoint: "not a url", api_key: MY_KEY}\nstages:\n  - name: s\n    config:\n      columns:\n        - {name: topic, column_type: sampler, sampler_type: bernoulli, params: {p: 0.5}}\n        - {name: Topic, column_type: sampler, sampler_type: bernoulli, params: {p: 0.5}}\n`,
    });
    expect(ds.filter((d) => d.code === 'invalid_endpoint')).toHaveLength(2);
    expect(ds.find((d) => d.code === 'duplicate_column')?.message).toBe("column names 'topic' and 'Topic' differ only in case, which the parquet writer (DuckDB) cannot tell apart; rename one of them");
  });

  it('warns (without failing) on a prompt without references, f-string syntax, a glob matching nothing, and a replaced seed_config', async () => {
    const { wf } = await load({
      'wf.yaml': stage(
        `        - {name: a, column_type: sampler, sampler_type: category, params: {values: [x]}}
        - {name: b, column_type: llm-text, model_alias: fast, prompt: "Say hello"}
        - {name: c, column_type: llm-text, model_alias: fast, prompt: "Use {a} and {{ a }}"}
      processors:
        - {processor_type: drop_columns, name: d, column_names: ["tmp_*"]}
  - name: next
    config:
      seed_config:
        source: {seed_type: local, path: nowhere.parquet}
      columns:
        - {name: z, column_type: expression, expr: "{{ b }}"}
`,
      ),
    });
    expect(wf.warnings.map((w) => w.code)).toEqual(['prompt_without_references', 'f_string_syntax', 'invalid_column', 'seed_replaced']);
    expect(wf.warnings.every((w) => w.severity === 'warning' && w.location)).toBe(true);
  });

  it('knows the columns of an upstream stage but not those written by on_success or a sql processor', async () => {
    const base = (upstreamExtra: string) => ({
      'wf.yaml': `name: t
stages:
  - name: a
    config:
      columns:
        - {name: x, column_type: sampler, sampler_type: bernoulli, params: {p: 0.5}}
${upstreamExtra}
  - name: b
    config:
      columns:
        - {name: y, column_type: expression, expr: "{{ from_elsewhere }}"}
`,
    });
    const closed = await diagnostics(base(''));
    expect(closed.map((d) => d.message)).toContain("Expression column 'y' references missing column 'from_elsewhere'.");
    await expect(load(base('    on_success: {run: "true", version: v1}'))).resolves.toBeDefined();
    await expect(load(base('    output_processors:\n      - {processor_type: sql, name: q, query: "SELECT 1 AS from_elsewhere"}'))).resolves.toBeDefined();
  });

  it('reports YAML syntax errors with line and column and stops there', async () => {
    const ds = await diagnostics({ 'wf.yaml': 'name: t\nstages:\n  - name: "unclosed\n' });
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe('invalid YAML: this double-quoted value is never closed (missing closing ")');
    // Where the quote opens, not the end of the file where the parser noticed it.
    expect(ds[0]!.location).toMatchObject({ line: 3, col: 11 });
  });
});
