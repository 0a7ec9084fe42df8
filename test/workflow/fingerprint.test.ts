import { execFileSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DataDesignerConfig, ModelConfig } from '../../src/config/schema.js';
import * as schemas from '../../src/config/schema.js';
import { canonicalJson, CACHE_FORMAT_VERSION, fileHash, FINGERPRINT_FIELDS, stageFingerprint, type StageFingerprintInput } from '../../src/workflow/fingerprint.js';
import { category, tempDir } from './helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('ddflow-fp-');
});

const model = (extra: Partial<ModelConfig> = {}): ModelConfig => ({ alias: 'fast', model: 'meta/llama', provider: 'local', inference_parameters: { temperature: 0.5, max_parallel_requests: 4, timeout: 30 }, ...extra }) as ModelConfig;
const llmColumn = { name: 'summary', column_type: 'llm-text', model_alias: 'fast', prompt: 'Summarize {{ category }}' };

function input(extra: Partial<StageFingerprintInput> = {}): StageFingerprintInput {
  return {
    config: { columns: [category(), llmColumn] } as unknown as DataDesignerConfig,
    modelConfigs: [model()],
    modelProviders: [{ name: 'local', endpoint: 'http://127.0.0.1:9/v1', api_key: 'LOCAL_KEY' } as never],
    seededFromUpstream: false,
    numRecords: 10,
    samplingStrategy: 'ordered',
    selectionStrategy: null,
    outputProcessors: [],
    output: 'final',
    allowEmpty: false,
    seed: 7,
    upstreamFingerprint: null,
    ...extra,
  };
}

describe('stageFingerprint with MCP tools', () => {
  const tools = (t: Record<string, unknown> = {}) => ({ columns: [category(), { ...llmColumn, tool_alias: 'cat' }], tool_configs: [{ tool_alias: 'cat', providers: ['catalog'], allow_tools: ['lookup'], max_tool_call_turns: 5, timeout_sec: 10, ...t }] }) as unknown as DataDesignerConfig;
  const provider = (p: Record<string, unknown> = {}) => new Map([['catalog', { provider_type: 'stdio', name: 'catalog', command: 'node', args: ['s.mjs'], env: { REGION: 'eu' }, pass_env: ['TOKEN'], version: '1', ...p }]]) as never;

  it('a provider’s version, command, args and env (hashed) and the tool config count; timeout_sec does not', async () => {
    const base = await stageFingerprint(input({ config: tools(), toolProviders: provider() }));
    expect(await stageFingerprint(input({ config: tools(), toolProviders: provider() }))).toBe(base);
    for (const changed of [
      input({ config: tools(), toolProviders: provider({ version: '2' }) }),
      input({ config: tools(), toolProviders: provider({ args: ['t.mjs'] }) }),
      input({ config: tools(), toolProviders: provider({ env: { REGION: 'us' } }) }),
      input({ config: tools(), toolProviders: provider({ pass_env: ['OTHER'] }) }),
      input({ config: tools({ allow_tools: ['lookup', 'stock'] }), toolProviders: provider() }),
      input({ config: tools({ max_tool_call_turns: 2 }), toolProviders: provider() }),
    ]) {
      expect(await stageFingerprint(changed)).not.toBe(base);
    }
    expect(await stageFingerprint(input({ config: tools({ timeout_sec: 99 }), toolProviders: provider() }))).toBe(base);
  });

  it('an unversioned provider gives a new fingerprint every time (never reused)', async () => {
    const a = await stageFingerprint(input({ config: tools(), toolProviders: provider({ version: undefined }) }));
    const b = await stageFingerprint(input({ config: tools(), toolProviders: provider({ version: undefined }) }));
    expect(a).not.toBe(b);
  });

  it('a stage without tools keeps the fingerprint it had before tools existed', async () => {
    // No providers reached: no mcp_providers payload at all.
    const plain = await stageFingerprint(input());
    expect(await stageFingerprint(input({ toolProviders: new Map() }))).toBe(plain);
  });
});

describe('stageFingerprint', () => {
  it('is a stable sha256 hex', async () => {
    const a = await stageFingerprint(input());
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await stageFingerprint(input())).toBe(a);
    expect(CACHE_FORMAT_VERSION).toBeGreaterThanOrEqual(1);
  });

  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('changes with everything that shapes data', async () => {
    const a = await stageFingerprint(input());
    const variants: Partial<StageFingerprintInput>[] = [
      { numRecords: 11 },
      { seed: 8 },
      { seed: undefined },
      { upstreamFingerprint: 'x' },
      { allowEmpty: true },
      { output: 'processor:p' },
      { outputProcessors: [{ processor_type: 'drop_columns', name: 'd', column_names: ['x'] }] as never },
      { onSuccess: { run: 'x', version: 'v1' } },
      { modelConfigs: [model({ model: 'other/model' })] },
      { modelConfigs: [model({ inference_parameters: { temperature: 0.9 } })] },
      { modelProviders: [{ name: 'local', endpoint: 'http://127.0.0.1:10/v1' } as never] },
      { config: { columns: [category('category', ['beta'])] } as unknown as DataDesignerConfig },
    ];
    const seen = new Set([a]);
    for (const v of variants) {
      const fp = await stageFingerprint(input(v));
      expect(seen.has(fp), JSON.stringify(v)).toBe(false);
      seen.add(fp);
    }
  });

  it('ignores non-data fields and models the stage does not use', async () => {
    const a = await stageFingerprint(input());
    expect(await stageFingerprint(input({ modelConfigs: [model({ inference_parameters: { temperature: 0.5, max_parallel_requests: 64, timeout: 600 }, skip_health_check: true })] }))).toBe(a);
    expect(await stageFingerprint(input({ modelConfigs: [model(), model({ alias: 'unused', model: 'x' })] }))).toBe(a);
    expect(await stageFingerprint(input({ modelProviders: [{ name: 'local', endpoint: 'http://127.0.0.1:9/v1', api_key: 'OTHER_KEY' } as never] }))).toBe(a);
  });

  it('the order of maps whose order shapes the rows counts; the order of other maps does not', async () => {
    // conditional_params: the last matching condition wins (Data Designer's sampler generator), so swapping
    // two conditions changes the values; a schema_transform template's key order is the output's column
    // order; an output_format's field order is what the model is asked to write.
    const cond = (order: [string, number][]) => ({
      name: 'y',
      column_type: 'sampler',
      sampler_type: 'uniform',
      params: { low: 0, high: 1 },
      conditional_params: Object.fromEntries(order.map(([k, low]) => [k, { low, high: low + 1 }])),
    });
    const withColumns = (...columns: unknown[]) => input({ config: { columns: [category(), ...columns] } as unknown as DataDesignerConfig });
    const a = await stageFingerprint(withColumns(cond([["category == 'alpha'", 10], ["category != 'beta'", 20]])));
    expect(await stageFingerprint(withColumns(cond([["category != 'beta'", 20], ["category == 'alpha'", 10]])))).not.toBe(a);
    const template = (t: object) => input({ outputProcessors: [{ processor_type: 'schema_transform', name: 't', template: t }] as never });
    const t1 = await stageFingerprint(template({ k: '{{ category }}', v: { a: 1, b: 2 } }));
    expect(await stageFingerprint(template({ v: { a: 1, b: 2 }, k: '{{ category }}' }))).not.toBe(t1);
    expect(await stageFingerprint(template({ k: '{{ category }}', v: { b: 2, a: 1 } }))).not.toBe(t1);
    const structured = (props: object) => withColumns({ name: 's', column_type: 'llm-structured', model_alias: 'fast', prompt: 'x', output_format: { type: 'object', properties: props } });
    expect(await stageFingerprint(structured({ a: { type: 'string' }, b: { type: 'string' } }))).not.toBe(await stageFingerprint(structured({ b: { type: 'string' }, a: { type: 'string' } })));
    // Elsewhere key order is only how the file was written: the same fingerprint.
    const params = (p: object) => withColumns({ name: 'z', column_type: 'sampler', sampler_type: 'uniform', params: p });
    expect(await stageFingerprint(params({ low: 0, high: 1 }))).toBe(await stageFingerprint(params({ high: 1, low: 0 })));
  });

  it('a command without a version never matches itself', async () => {
    const unversioned = { run: 'python keep.py' };
    expect(await stageFingerprint(input({ onSuccess: unversioned }))).not.toBe(await stageFingerprint(input({ onSuccess: unversioned })));
    const versioned = { run: 'python keep.py', version: 'v1' };
    expect(await stageFingerprint(input({ onSuccess: versioned }))).toBe(await stageFingerprint(input({ onSuccess: { run: 'python3 keep.py', version: 'v1' } })));
  });

  it('hashes local seed files by content, not by path', async () => {
    const a = path.join(dir, 'a', 'seed.csv');
    const b = path.join(dir, 'b', 'renamed.csv');
    await fs.mkdir(path.dirname(a), { recursive: true });
    await fs.mkdir(path.dirname(b), { recursive: true });
    await fs.writeFile(a, 'x\n1\n');
    await fs.writeFile(b, 'x\n1\n');
    const seeded = (p: string) => input({ config: { columns: [category()], seed_config: { source: { seed_type: 'local', path: p } } } as unknown as DataDesignerConfig });
    const fa = await stageFingerprint(seeded(a));
    expect(await stageFingerprint(seeded(b))).toBe(fa);
    await fs.writeFile(b, 'x\n2\n');
    expect(await stageFingerprint(seeded(b))).not.toBe(fa);
  });

  it('hashes every file a glob matches, in sorted order', async () => {
    await fs.writeFile(path.join(dir, 'p1.jsonl'), '{"a":1}\n');
    await fs.writeFile(path.join(dir, 'p2.jsonl'), '{"a":2}\n');
    const globbed = () => input({ config: { columns: [category()], seed_config: { source: { seed_type: 'local', path: path.join(dir, '*.jsonl') } } } as unknown as DataDesignerConfig });
    const before = await stageFingerprint(globbed());
    expect(await stageFingerprint(globbed())).toBe(before);
    await fs.writeFile(path.join(dir, 'p3.jsonl'), '{"a":3}\n');
    expect(await stageFingerprint(globbed())).not.toBe(before);
  });

  it('hashes a directory source by listing and contents', async () => {
    const docs = path.join(dir, 'docs');
    await fs.mkdir(path.join(docs, 'sub'), { recursive: true });
    await fs.writeFile(path.join(docs, 'a.md'), 'hello');
    await fs.writeFile(path.join(docs, 'sub', 'b.md'), 'world');
    const src = (recursive: boolean) => input({ config: { columns: [category()], seed_config: { source: { seed_type: 'file_contents', path: docs, file_pattern: '*.md', recursive } } } as unknown as DataDesignerConfig });
    const a = await stageFingerprint(src(true));
    expect(await stageFingerprint(src(false))).not.toBe(a);
    await fs.writeFile(path.join(docs, 'sub', 'b.md'), 'world!');
    expect(await stageFingerprint(src(true))).not.toBe(a);
    await fs.writeFile(path.join(docs, 'sub', 'b.md'), 'world');
    expect(await stageFingerprint(src(true))).toBe(a);
    await fs.writeFile(path.join(docs, 'ignored.txt'), 'not matched by *.md');
    expect(await stageFingerprint(src(true))).toBe(a);
  });

  it('a seeded stage ignores its own seed_config and its sampling applies', async () => {
    const own = { columns: [category()], seed_config: { source: { seed_type: 'local', path: path.join(dir, 'nope.csv') } } } as unknown as DataDesignerConfig;
    const a = await stageFingerprint(input({ config: own, seededFromUpstream: true, upstreamFingerprint: 'u' }));
    expect(a).toBe(await stageFingerprint(input({ config: { columns: [category()] } as unknown as DataDesignerConfig, seededFromUpstream: true, upstreamFingerprint: 'u' })));
    expect(await stageFingerprint(input({ config: own, seededFromUpstream: true, upstreamFingerprint: 'u', samplingStrategy: 'shuffle' }))).not.toBe(a);
    expect(await stageFingerprint(input({ config: own, seededFromUpstream: true, upstreamFingerprint: 'u', selectionStrategy: { start: 0, end: 3 } }))).not.toBe(a);
  });

  it('a missing seed file is a clear error', async () => {
    await expect(stageFingerprint(input({ config: { columns: [], seed_config: { source: { seed_type: 'local', path: path.join(dir, 'missing.parquet') } } } as unknown as DataDesignerConfig }))).rejects.toThrow(/is not a file/);
  });
});

describe('what the fingerprint covers', () => {
  it('provider and inference extra_body, provider headers and the data fields of run_config change it; its other fields do not', async () => {
    const a = await stageFingerprint(input({ runConfig: { buffer_size: 10 } }));
    const provider = (extra: object) => [{ name: 'local', endpoint: 'http://127.0.0.1:9/v1', api_key: 'LOCAL_KEY', ...extra } as never];
    const changed: Partial<StageFingerprintInput>[] = [
      { modelProviders: provider({ extra_body: { reasoning: { effort: 'high' } } }) },
      { modelProviders: provider({ extra_headers: { 'X-Model-Variant': 'b' } }) },
      { modelConfigs: [model({ inference_parameters: { temperature: 0.5, max_parallel_requests: 4, timeout: 30, extra_body: { top_k: 5 } } })] },
      { runConfig: { buffer_size: 10, jinja_rendering_engine: 'native' } },
      { runConfig: { buffer_size: 10, max_conversation_restarts: 1 } },
    ];
    for (const v of changed) expect(await stageFingerprint(input(v)), JSON.stringify(v)).not.toBe(a);
    const same: Partial<StageFingerprintInput>[] = [
      { runConfig: { buffer_size: 500 } },
      { runConfig: { buffer_size: 10, max_concurrent_row_groups: 9, shutdown_error_rate: 0.9, request_admission: { cooldown_seconds: 5 } } as never },
      { modelProviders: provider({ api_key: 'ANOTHER_VARIABLE' }) },
    ];
    for (const v of same) expect(await stageFingerprint(input(v)), JSON.stringify(v)).toBe(a);
  });

  it("a first stage's own seed sampling_strategy and selection_strategy change it", async () => {
    const file = path.join(dir, 'seed.csv');
    await fs.writeFile(file, 'x\n1\n2\n');
    const seeded = (extra: object) => input({ config: { columns: [category()], seed_config: { source: { seed_type: 'local', path: file }, ...extra } } as unknown as DataDesignerConfig });
    const ordered = await stageFingerprint(seeded({ sampling_strategy: 'ordered' }));
    expect(await stageFingerprint(seeded({}))).toBe(ordered);
    expect(await stageFingerprint(seeded({ sampling_strategy: 'shuffle' }))).not.toBe(ordered);
    expect(await stageFingerprint(seeded({ selection_strategy: { start: 0, end: 0 } }))).not.toBe(ordered);
  });

  it('a key named timeout inside a column (a JSON schema property) is data; a remote validator timeout is not', async () => {
    const structured = (prop: string) =>
      input({ config: { columns: [category(), { ...llmColumn, column_type: 'llm-structured', output_format: { type: 'object', properties: { [prop]: { type: 'integer' } } } }] } as unknown as DataDesignerConfig });
    expect(await stageFingerprint(structured('timeout'))).not.toBe(await stageFingerprint(structured('deadline')));
    const validator = (timeout: number, url = 'http://127.0.0.1:9/check') =>
      input({ config: { columns: [category(), { name: 'ok', column_type: 'validation', target_columns: ['category'], validator_type: 'remote', validator_params: { endpoint_url: url, timeout } }] } as unknown as DataDesignerConfig });
    expect(await stageFingerprint(validator(5))).toBe(await stageFingerprint(validator(50)));
    expect(await stageFingerprint(validator(5))).not.toBe(await stageFingerprint(validator(5, 'http://127.0.0.1:9/other')));
  });

  it('dot-files a directory or glob seed reads are hashed (the reader reads them)', async () => {
    const docs = path.join(dir, 'docs');
    await fs.mkdir(path.join(docs, '.notes'), { recursive: true });
    await fs.writeFile(path.join(docs, 'a.md'), 'a');
    await fs.writeFile(path.join(docs, '.hidden.md'), 'one');
    await fs.writeFile(path.join(docs, '.notes', 'n.md'), 'n');
    const dirSeed = () => input({ config: { columns: [category()], seed_config: { source: { seed_type: 'directory', path: docs, file_pattern: '*.md' } } } as unknown as DataDesignerConfig });
    const globSeed = () => input({ config: { columns: [category()], seed_config: { source: { seed_type: 'local', path: path.join(dir, '*.csv') } } } as unknown as DataDesignerConfig });
    await fs.writeFile(path.join(dir, 'rows.csv'), 'x\n1\n');
    await fs.writeFile(path.join(dir, '.more.csv'), 'x\n2\n');
    const [d1, g1] = [await stageFingerprint(dirSeed()), await stageFingerprint(globSeed())];
    await fs.writeFile(path.join(docs, '.hidden.md'), 'two');
    await fs.writeFile(path.join(dir, '.more.csv'), 'x\n3\n');
    expect(await stageFingerprint(dirSeed())).not.toBe(d1);
    expect(await stageFingerprint(globSeed())).not.toBe(g1);
    const d2 = await stageFingerprint(dirSeed());
    await fs.writeFile(path.join(docs, '.notes', 'n.md'), 'm');
    expect(await stageFingerprint(dirSeed())).not.toBe(d2);
  });

  it('a seed path naming a FIFO is refused at once, never read', async () => {
    const fifo = path.join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    await expect(stageFingerprint(input({ config: { columns: [category()], seed_config: { source: { seed_type: 'local', path: fifo } } } as unknown as DataDesignerConfig }))).rejects.toThrow(/not a regular file/);
  });

  it('every field of the schema outside columns is classified as data or non-data', () => {
    const props = (schema: any): string[] => Object.keys(schema.properties ?? Object.assign({}, ...(schema.anyOf ?? []).map((s: any) => s.properties ?? {})));
    const expectSame = (section: keyof typeof FINGERPRINT_FIELDS, schema: any) => expect(Object.keys(FINGERPRINT_FIELDS[section]).sort(), section).toEqual([...new Set(props(schema))].sort());
    expectSame('run_config', schemas.RunConfig);
    expectSame('model_provider', schemas.ModelProvider);
    expectSame('model_config', schemas.ModelConfig);
    expectSame('inference_parameters', schemas.InferenceParameters);
    expectSame('remote_validator', schemas.RemoteValidatorParams);
    expectSame('on_success', schemas.OnSuccess);
    expectSame('function_binding', schemas.FunctionBinding);
    expectSame('mcp_provider', schemas.McpProvider);
    expectSame('tool_config', schemas.ToolConfig);
    expectSame('stage', schemas.Stage);
    expectSame('workflow', schemas.Workflow);
  });

  it("the README's fingerprint table says what FINGERPRINT_FIELDS says", () => {
    const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    for (const [section, fields] of Object.entries(FINGERPRINT_FIELDS)) {
      for (const [field, role] of Object.entries(fields)) {
        const row = new RegExp(`^\\| \`${section}\` \\| \`${field.replace(/\$/g, '\\$')}\` \\| ${role === 'data' ? 'yes' : 'no'} \\|`, 'm');
        expect(readme, `${section}.${field} (${role})`).toMatch(row);
      }
    }
  });
});

// An unreadable seed file (EACCES for another user, a file gone between listing and hashing) was an
// "internal error" with the raw errno text.
describe('fileHash', () => {
  it('a file it cannot read is one sentence naming the file and the cause', async () => {
    const missing = path.join(await tempDir(), 'gone.csv');
    await expect(fileHash(missing)).rejects.toThrow(`Cannot read ${missing} (ENOENT): ddflow hashes every file a stage reads to know whether it changed; make it readable.`);
    await expect(fileHash(missing)).rejects.toBeInstanceOf((await import('../../src/diagnostics.js')).DdflowError);
  });
});
