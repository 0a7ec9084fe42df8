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
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { DataDesignerConfig, ModelConfig, ModelProvider, ProcessorConfig, SamplingStrategy, SelectionStrategy, SeedSource } from '../config/schema.js';
import { DdflowError } from '../diagnostics.js';
import { sortKeysDeep } from '../data/atomic.js';

/**
 * Bumped only when ddflow's generated data would change for the same inputs (a sampler draws
 * differently, a processor writes different rows) — NOT on every release, so upgrading ddflow does not
 * throw away a cache that is still valid.
 */
export const CACHE_FORMAT_VERSION = 1;

/** Fields that change how fast or how robustly a stage runs, never what it produces. */
const NON_DATA_KEYS = new Set(['timeout', 'max_parallel_requests', 'skip_health_check', 'health_check', 'health_checks']);

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
  /** The workflow seed as configured (undefined when the file gives none). */
  seed: number | undefined;
  /** The upstream stage's effective fingerprint (which covers an override of its output). */
  upstreamFingerprint: string | null;
}

export async function stageFingerprint(input: StageFingerprintInput): Promise<string> {
  const payload = {
    config: await dataConfig(input),
    num_records: input.numRecords,
    sampling_strategy: input.seededFromUpstream ? input.samplingStrategy : null,
    selection_strategy: input.seededFromUpstream ? input.selectionStrategy : null,
    output_processors: input.outputProcessors,
    output: input.output,
    allow_empty: input.allowEmpty,
    // A command without a version is opaque: a fresh nonce makes sure its output is never reused.
    on_success: input.onSuccess ? { version: input.onSuccess.version ?? `unversioned-${randomBytes(16).toString('hex')}` } : null,
    seed: input.seed ?? null,
    cache_format_version: CACHE_FORMAT_VERSION,
    upstream_fingerprint: input.upstreamFingerprint,
  };
  return sha256(canonicalJson(payload));
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
  const { model_configs: _own, seed_config, ...rest } = input.config;
  const aliases = new Set<string>();
  collectModelAliases(rest, aliases);
  const byAlias = new Map(input.modelConfigs.map((m) => [m.alias, m]));
  const models: Record<string, unknown> = {};
  for (const alias of [...aliases].sort()) {
    const m = byAlias.get(alias);
    if (!m) {
      models[alias] = null;
      continue;
    }
    const provider = input.modelProviders.find((p) => p.name === m.provider);
    models[alias] = {
      model: m.model,
      provider: m.provider,
      // Only what reaches the request body or its address; api_key is a variable NAME and irrelevant.
      endpoint: provider?.endpoint ?? null,
      provider_extra_body: provider?.extra_body ?? null,
      inference_parameters: m.inference_parameters ?? null,
    };
  }
  const seed =
    !input.seededFromUpstream && seed_config
      ? {
          source: await seedSourceIdentity(seed_config.source),
          sampling_strategy: seed_config.sampling_strategy ?? 'ordered',
          selection_strategy: seed_config.selection_strategy ?? null,
        }
      : null;
  return withoutNonDataKeys({ ...rest, seed_config: seed, models });
}

function collectModelAliases(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) for (const n of node) collectModelAliases(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'model_alias' && typeof v === 'string') out.add(v);
      else collectModelAliases(v, out);
    }
  }
}

function withoutNonDataKeys(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutNonDataKeys);
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node)
        .filter(([k]) => !NON_DATA_KEYS.has(k))
        .map(([k, v]) => [k, withoutNonDataKeys(v)]),
    );
  }
  return node;
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
    const files = await expandLocalPath(source.path);
    if (files.length === 0) throw new DdflowError(`The seed path ${source.path} matches no file.`);
    return { seed_type: 'local', format: files.map((f) => path.extname(f).toLowerCase()), content: await Promise.all(files.map(fileHash)) };
  }
  const recursive = source.recursive ?? true;
  const pattern = source.file_pattern ?? '*';
  const files = await listDirectory(source.path, pattern, recursive);
  const listing = await Promise.all(files.map(async (rel) => ({ path: rel, content: await fileHash(path.join(source.path, rel)) })));
  const { path: _p, ...options } = source;
  return { ...options, file_pattern: pattern, recursive, listing };
}

/** A file path or a glob (`data/*.parquet`, `data/**\/x.jsonl`) → matching files, sorted. */
export async function expandLocalPath(pattern: string): Promise<string[]> {
  const scan = picomatch.scan(pattern);
  if (!scan.isGlob) {
    const st = await fs.stat(pattern).catch(() => undefined);
    if (!st) return [];
    if (st.isDirectory()) return (await fs.readdir(pattern)).filter((n) => !n.startsWith('.')).sort().map((n) => path.join(pattern, n));
    return [pattern];
  }
  const base = scan.base || '.';
  const match = picomatch(scan.glob, { dot: false });
  const deep = scan.glob.includes('/') || scan.glob.includes('**');
  const rels = await walk(base, deep);
  return rels
    .filter((r) => match(r))
    .sort()
    .map((r) => path.join(base, r));
}

async function listDirectory(dir: string, pattern: string, recursive: boolean): Promise<string[]> {
  const st = await fs.stat(dir).catch(() => undefined);
  if (!st?.isDirectory()) throw new DdflowError(`The seed directory ${dir} does not exist.`);
  const match = picomatch(pattern, { dot: false, basename: true });
  return (await walk(dir, recursive)).filter((r) => match(path.basename(r))).sort();
}

/** Relative paths of the regular files below `dir` (POSIX separators). */
async function walk(dir: string, recursive: boolean, prefix = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (recursive && !e.name.startsWith('.')) out.push(...(await walk(dir, recursive, rel)));
    } else if (e.isFile()) out.push(rel);
  }
  return out;
}

export function fileHash(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => h.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

/** Content hash of a set of files (an override, a selected output), in the given order. */
export async function filesHash(files: readonly string[]): Promise<string> {
  return sha256(canonicalJson(await Promise.all(files.map(fileHash))));
}
