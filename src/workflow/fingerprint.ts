/**
 * A stage's fingerprint: the identity of the data it produces. Two runs with the same fingerprint must
 * produce the same dataset, so a matching stage can be reused (locally or from the cache store) and a
 * changed one — or anything downstream of it — reruns.
 *
 * What goes in is everything that can change the rows, and nothing that cannot: seed files are hashed
 * by CONTENT (a moved checkout or a renamed artifact directory still matches), model configs by what
 * reaches the model (id, endpoint, sampling parameters) and not by concurrency or timeouts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { DdflowError } from '../diagnostics.js';
import type { DataDesignerConfig, McpProvider, ModelConfig, ModelProvider, ProcessorConfig, SamplingStrategy, SelectionStrategy, SeedSource } from '../config/schema.js';
import { sortKeysDeep } from '../data/atomic.js';
import { directorySeedFiles, localSeedFiles } from '../shared/seed-files.js';
import { agentRolloutFilePattern, agentRolloutFiles, agentRolloutSideFiles } from '../shared/agent-rollout-files.js';
import { hfSeedIdentity } from '../data/hf-hub.js';
import { personDataIdentity } from '../engine/samplers/person-data-location.js';
import { typedScoreOptionsOf } from '../config/score-options.js';
import { modelAliasesOf } from '../config/model-aliases.js';
import { functionVersions, type StageFunction } from './functions.js';
import { toolProvidersPayload } from './stage-tools.js';
import { withSchemaDefaults } from '../config/defaults.js';
import { DirectorySeedSource, FileContentsSeedSource, SamplingStrategy as SamplingStrategySchema } from '../config/schema.js';

/**
 * Bumped only when ddflow's generated data would change for the same inputs (a sampler draws
 * differently, a processor writes different rows) — NOT on every release, so upgrading ddflow does not
 * throw away a cache that is still valid.
 */
export const CACHE_FORMAT_VERSION = 1;

/**
 * Every field of the workflow file that is not a stage's Data Designer columns/processors, classified:
 * `data` — it can change the rows a stage produces, so it is in the fingerprint; `non-data` — it changes
 * how fast, how robustly or where a stage runs, never what it produces. A test checks that every field of
 * the schema is classified here (a new field forces a decision) and that the README's table says the
 * same. Inside columns and processors everything is data, except the remote validator's transport
 * settings below.
 */
export type FieldRole = 'data' | 'non-data';
export const FINGERPRINT_FIELDS = {
  workflow: { $schema: 'non-data', name: 'non-data', seed: 'data', artifact_path: 'non-data', model_providers: 'data', model_configs: 'data', mcp_providers: 'data', run_config: 'data', functions: 'data', stages: 'data' },
  stage: {
    name: 'non-data',
    config: 'data',
    num_records: 'data',
    output_processors: 'data',
    output: 'data',
    on_success: 'data',
    allow_empty: 'data',
    sampling_strategy: 'data',
    selection_strategy: 'data',
  },
  on_success: { run: 'non-data', version: 'data' },
  // The code itself is opaque: its version stands for it (the metadata reaches the fingerprint through
  // the custom column's config, where the loader fills it in).
  function_binding: { module: 'non-data', export: 'non-data', run: 'non-data', version: 'data', required_columns: 'data', side_effect_columns: 'data', model_aliases: 'data' },
  // A tool server is opaque like a bound function: its version stands for its tools (stage-tools.ts).
  mcp_provider: { name: 'data', provider_type: 'data', endpoint: 'data', command: 'data', args: 'data', env: 'data', pass_env: 'data', api_key: 'non-data', version: 'data' },
  tool_config: { tool_alias: 'data', providers: 'data', allow_tools: 'data', max_tool_call_turns: 'data', timeout_sec: 'non-data' },
  model_provider: { name: 'data', endpoint: 'data', provider_type: 'data', api_key: 'non-data', extra_headers: 'data', extra_body: 'data' },
  model_config: { alias: 'data', model: 'data', provider: 'data', inference_parameters: 'data', skip_health_check: 'non-data', pricing: 'non-data' },
  inference_parameters: {
    generation_type: 'data',
    temperature: 'data',
    top_p: 'data',
    max_tokens: 'data',
    extra_body: 'data',
    encoding_format: 'data',
    dimensions: 'data',
    max_parallel_requests: 'non-data',
    timeout: 'non-data',
    // Batch or online, the same requests get the same answers (ddflow extension).
    batch: 'non-data',
  },
  run_config: {
    disable_early_shutdown: 'non-data',
    shutdown_error_rate: 'non-data',
    shutdown_error_window: 'non-data',
    // Rows are a pure function of their record index, whatever the row-group size (a resumed stage
    // whose row groups were cut with another size is regenerated, never mixed: see the engine).
    buffer_size: 'non-data',
    max_concurrent_row_groups: 'non-data',
    max_in_flight_tasks: 'non-data',
    non_inference_max_parallel_workers: 'non-data',
    max_conversation_restarts: 'data',
    max_conversation_correction_steps: 'data',
    async_trace: 'non-data',
    write_scheduler_events: 'non-data',
    display_tui: 'non-data',
    progress_interval: 'non-data',
    otel_metrics_port: 'non-data',
    preserve_dropped_columns: 'data',
    jinja_rendering_engine: 'data',
    request_admission: 'non-data',
    rate_limit_stall_seconds: 'non-data',
    max_cost_usd: 'non-data',
    max_total_tokens: 'non-data',
  },
  remote_validator: {
    validator_type: 'data',
    endpoint_url: 'data',
    output_schema: 'data',
    timeout: 'non-data',
    max_retries: 'non-data',
    retry_backoff: 'non-data',
    max_parallel_requests: 'non-data',
  },
} as const satisfies Record<string, Record<string, FieldRole>>;

/** The fields of `value` that FINGERPRINT_FIELDS[section] marks as data; an unclassified field counts as data (safe side). */
function dataFields(section: keyof typeof FINGERPRINT_FIELDS, value: object | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  const roles: Record<string, FieldRole> = FINGERPRINT_FIELDS[section];
  return Object.fromEntries(Object.entries(value).filter(([k]) => roles[k] !== 'non-data'));
}

export interface StageFingerprintInput {
  /** The stage's config as loaded (workflow-level model_configs not merged: `modelConfigs` carries them). */
  config: DataDesignerConfig;
  /** Model configs visible to the stage (workflow-level merged with the stage's own, stage wins by alias). */
  modelConfigs: ModelConfig[];
  /** Providers declared in the workflow file (built-in ones are identified by name). */
  modelProviders: ModelProvider[];
  /** True when the stage is seeded from the previous stage: its own seed_config is then replaced. */
  seededFromUpstream: boolean;
  numRecords: number;
  samplingStrategy: SamplingStrategy;
  selectionStrategy: SelectionStrategy | null;
  outputProcessors: ProcessorConfig[];
  output: string;
  allowEmpty: boolean;
  onSuccess?: { run: string; version?: string };
  /** Functions the stage's config uses (custom columns, local_callable validators): their versions count. */
  functions?: ReadonlyMap<string, StageFunction>;
  /** MCP providers the stage's columns can call tools of: where they run and their versions count. */
  toolProviders?: ReadonlyMap<string, McpProvider>;
  /** The workflow seed as configured (undefined when the file gives none). */
  seed: number | undefined;
  /** The upstream stage's effective fingerprint (which covers an override of its output). */
  upstreamFingerprint: string | null;
  /** The workflow's run_config (only its data fields count). */
  runConfig?: object;
}

export async function stageFingerprint(input: StageFingerprintInput): Promise<string> {
  const payload = {
    config: await dataConfig(input),
    num_records: input.numRecords,
    sampling_strategy: input.seededFromUpstream ? input.samplingStrategy : null,
    selection_strategy: input.seededFromUpstream ? input.selectionStrategy : null,
    output_processors: input.outputProcessors,
    // Output processors before this marker kept only the first 1000 rows of a larger stage: outputs
    // recorded then are not reused (only stages with output_processors get new fingerprints).
    ...(input.outputProcessors.length > 0 ? { output_processors_reader: 2 } : {}),
    output: input.output,
    allow_empty: input.allowEmpty,
    // A command without a version is opaque: a fresh nonce makes sure its output is never reused.
    on_success: input.onSuccess ? { version: input.onSuccess.version ?? `unversioned-${randomBytes(16).toString('hex')}` } : null,
    // Only present when the stage uses functions, so that fingerprints of every other stage stay as they were.
    ...functionsPayload(input.functions),
    // Likewise only for stages whose columns call MCP tools.
    ...toolProvidersPayload(input.toolProviders),
    seed: input.seed ?? null,
    run_config: dataFields('run_config', input.runConfig ?? {}),
    cache_format_version: CACHE_FORMAT_VERSION,
    upstream_fingerprint: input.upstreamFingerprint,
  };
  return sha256(canonicalJson(payload));
}

/** The keys of a map, in order, with the order of the maps inside it (null for anything else). */
function keysInOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.some((v) => v !== null && typeof v === 'object') ? value.map(keysInOrder) : null;
  if (value === null || typeof value !== 'object') return null;
  return Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, keysInOrder(v)]);
}

/**
 * The key order of the maps whose order changes the rows — which canonical JSON (sorted keys) cannot
 * see: `conditional_params` (a later matching condition wins), a schema_transform `template` (the
 * output's columns and the JSON keys in its cells) and an llm-structured `output_format` (the order of
 * the fields the model is asked for and writes). Undefined when there is none, so that the fingerprints
 * of every other stage stay as they were.
 */
function keyOrderOf(config: { columns?: unknown; processors?: unknown }, outputProcessors: readonly unknown[]): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const c of (Array.isArray(config.columns) ? config.columns : []) as Record<string, unknown>[]) {
    const name = String(c?.name);
    if (c?.conditional_params && typeof c.conditional_params === 'object' && Object.keys(c.conditional_params).length > 1) out[`column ${name} conditional_params`] = Object.keys(c.conditional_params);
    if (c?.output_format && typeof c.output_format === 'object') out[`column ${name} output_format`] = keysInOrder(c.output_format);
  }
  for (const [where, list] of [['processor', config.processors], ['output processor', outputProcessors]] as const) {
    for (const p of (Array.isArray(list) ? list : []) as Record<string, unknown>[]) {
      if (p?.processor_type === 'schema_transform') out[`${where} ${String(p.name)} template`] = keysInOrder(p.template);
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Bound code is opaque like an on_success command: its version stands for it, and without one, a fresh nonce. */
function functionsPayload(functions: ReadonlyMap<string, StageFunction> | undefined): { functions?: Record<string, string> } {
  const versions = functionVersions(functions, () => randomBytes(16).toString('hex'));
  return versions ? { functions: versions } : {};
}

/** Combines a stage fingerprint with the content hash of a reviewed override of its output. */
export function overriddenFingerprint(stageFp: string, overrideContentHash: string): string {
  return sha256(canonicalJson({ stage: stageFp, override: overrideContentHash }));
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(stripUndefined(value)));
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The stage config reduced to what shapes data, with seed files replaced by their content hash. */
async function dataConfig(input: StageFingerprintInput): Promise<unknown> {
  const { model_configs: _own, seed_config, tool_configs, ...rest } = input.config;
  const aliases = new Set(modelAliasesOf(rest));
  const byAlias = new Map(input.modelConfigs.map((m) => [m.alias, m]));
  const models: Record<string, unknown> = {};
  for (const alias of [...aliases].sort()) {
    const m = byAlias.get(alias);
    if (!m) {
      models[alias] = null;
      continue;
    }
    const provider = input.modelProviders.find((p) => p.name === m.provider);
    const model = dataFields('model_config', m)!;
    models[alias] = {
      ...model,
      alias: undefined,
      inference_parameters: dataFields('inference_parameters', m.inference_parameters),
      // A built-in provider the file does not redefine is identified by its name; api_key is a variable NAME.
      provider_config: dataFields('model_provider', provider),
    };
  }
  const seed =
    !input.seededFromUpstream && seed_config
      ? {
          source: await seedSourceIdentity(seed_config.source),
          sampling_strategy: seed_config.sampling_strategy ?? SamplingStrategySchema.default,
          selection_strategy: seed_config.selection_strategy ?? null,
        }
      : null;
  // Judge options whose key types or order the plain object cannot show (`1:` vs `'1':` store 1 vs "1").
  const typedScores = typedScoreOptionsOf(input.config);
  const personData = await personDataOf(input.config);
  const keyOrder = keyOrderOf(input.config, input.outputProcessors);
  return {
    ...withoutTransportSettings(rest),
    ...(keyOrder ? { key_order: keyOrder } : {}),
    // A tool call's timeout decides only whether a row is lost for now, not what a completed row holds.
    ...(tool_configs !== undefined ? { tool_configs: Array.isArray(tool_configs) ? tool_configs.map((t) => dataFields('tool_config', t)) : tool_configs } : {}),
    seed_config: seed,
    models,
    ...(typedScores ? { typed_score_options: typedScores } : {}),
    ...(personData ? { person_data: personData } : {}),
  };
}

/** The persona data behind `person` sampler columns (src/engine/samplers/person-data.ts): a new dataset commit re-runs the stage. */
async function personDataOf(config: StageFingerprintInput['config']): Promise<unknown[] | undefined> {
  const locales = new Set<string>();
  for (const c of config.columns ?? []) {
    const col = c as { column_type?: string; sampler_type?: string; params?: { locale?: string }; conditional_params?: Record<string, { locale?: string }> };
    if (col.column_type !== 'sampler' || col.sampler_type !== 'person') continue;
    for (const p of [col.params, ...Object.values(col.conditional_params ?? {})]) locales.add(p?.locale ?? 'en_US');
  }
  if (locales.size === 0) return undefined;
  return Promise.all([...locales].sort().map((l) => personDataIdentity(l)));
}


/** Columns are data through and through, except a remote validator's transport settings. */
function withoutTransportSettings(config: Omit<DataDesignerConfig, 'model_configs' | 'seed_config'>): Record<string, unknown> {
  const columns = config.columns.map((c) => {
    const params = (c as { validator_params?: { validator_type?: string; endpoint_url?: unknown } }).validator_params;
    if (!params || typeof params !== 'object' || !('endpoint_url' in params)) return c;
    return { ...c, validator_params: dataFields('remote_validator', params) };
  });
  return { ...config, columns };
}

function stripUndefined(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripUndefined);
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, stripUndefined(v)]),
    );
  }
  return node;
}

/** What a seed source contributes: its kind and options, and the hash of the files it reads — never its path. */
export async function seedSourceIdentity(source: SeedSource): Promise<unknown> {
  if (source.seed_type === 'local') {
    // The reader's own enumerator (src/shared/seed-files.ts): exactly the files the stage reads.
    const files = localSeedFiles(source.path, process.cwd());
    return { seed_type: 'local', format: files.map((f) => path.extname(f).toLowerCase()), content: await Promise.all(files.map(fileHash)) };
  }
  // The Hub commit the revision names and the files matched there (src/data/hf-hub.ts): a new upload changes it.
  if (source.seed_type === 'hf') return hfSeedIdentity(source);
  // Agent traces: the content of the trace files (and Claude Code's session indexes) the reader parses.
  if (source.seed_type === 'agent_rollout') return agentRolloutIdentity(source);
  const { recursive, file_pattern: pattern } = withSchemaDefaults(source.seed_type === 'directory' ? DirectorySeedSource : FileContentsSeedSource, source) as Required<typeof source>;
  const files = directorySeedFiles(path.resolve(source.path), pattern, recursive);
  const listing = await Promise.all(files.map(async (rel) => ({ path: rel, content: await fileHash(path.join(source.path, rel)) })));
  const { path: _p, ...options } = source;
  return { ...options, file_pattern: pattern, recursive, listing };
}

async function agentRolloutIdentity(source: Extract<SeedSource, { seed_type: 'agent_rollout' }>): Promise<unknown> {
  const { root, handled } = agentRolloutFiles(source, process.cwd());
  const listing = await Promise.all(handled.map(async (rel) => ({ path: rel, content: await fileHash(path.join(root, rel)) })));
  const side = await Promise.all(agentRolloutSideFiles(source, root).map(async (f) => ({ path: path.relative(root, f).split(path.sep).join('/'), content: await fileHash(f) })));
  return { seed_type: 'agent_rollout', format: source.format, file_pattern: agentRolloutFilePattern(source), recursive: source.recursive ?? true, listing, ...(side.length ? { side } : {}) };
}

export function fileHash(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => h.update(chunk))
      // One sentence (an unreadable seed file was an "internal error" with the raw errno text).
      .on('error', (err: NodeJS.ErrnoException) => reject(new DdflowError(`Cannot read ${file} (${err.code ?? err.message}): ddflow hashes every file a stage reads to know whether it changed; make it readable.`, { cause: err })))
      .on('end', () => resolve(h.digest('hex')));
  });
}

/** Content hash of a set of files (an override, a selected output), in the given order. */
export async function filesHash(files: readonly string[]): Promise<string> {
  return sha256(canonicalJson(await Promise.all(files.map(fileHash))));
}
