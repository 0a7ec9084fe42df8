/**
 * Sharding one stage over a job matrix: the names and arithmetic every part agrees on.
 *
 * A shard is the stage's plan (same fingerprint, same num_records, same seed) restricted to one
 * contiguous block of its row groups. Blocks are cut on the row-group grid (buffer_size records each),
 * so every row group a shard writes is byte for byte the one a single run writes (rows are a function
 * of the seed and their record index, src/shared/random.ts), and merging is placing the row groups side
 * by side in index order. Blocks are balanced (sizes differ by at most one row group) rather than
 * PartitionBlock's "remainder to the last block", because the slowest shard is the matrix's wall time.
 */
import type { LoadedWorkflow } from './model.js';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { DdflowError } from '../diagnostics.js';
import { writeJsonAtomic } from '../data/atomic.js';
import { stageDirName } from './selection.js';
import type { TokenUsage } from './report.js';

/** GitHub's limit of jobs a matrix may generate. */
export const MAX_SHARDS = 256;

/** Which shard a run generates: `index` of `count`, both counted from 1 (`--shard 2/3`). */
export interface ShardSpec {
  stage: string;
  index: number;
  count: number;
}

/** The block of a stage one shard generates. */
export interface ShardRange {
  index: number;
  count: number;
  /** Row groups `firstGroup` (inclusive) to `endGroup` (exclusive) of the stage's grid. */
  firstGroup: number;
  endGroup: number;
  /** Record indices `firstRecord` (inclusive) to `endRecord` (exclusive). */
  firstRecord: number;
  endRecord: number;
}

/** Parses `i/N`; returns a sentence describing what is wrong, or the numbers. */
export function parseShard(text: string): { index: number; count: number } | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return `must look like i/N (for example 2/8), not '${text}'`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  const bad = shardCountProblem(count);
  if (bad) return bad;
  if (index < 1 || index > count) return `must name a shard from 1 to ${count}, not ${index}`;
  return { index, count };
}

/** Why `count` is not a usable number of shards, or undefined. */
export function shardCountProblem(count: number): string | undefined {
  if (!Number.isSafeInteger(count) || count < 1) return `needs a shard count of at least 1, not ${count}`;
  if (count > MAX_SHARDS) return `needs a shard count of at most ${MAX_SHARDS} (GitHub's limit of jobs per matrix), not ${count}`;
  return undefined;
}

/** The matrix `ddflow shards` prints: `{"include":[{"shard":"1/N"}, ...]}`. */
export function shardMatrix(count: number): { include: Array<{ shard: string }> } {
  return { include: Array.from({ length: count }, (_, i) => ({ shard: `${i + 1}/${count}` })) };
}

/**
 * The matrix for `count` shards of stage `stageName`, checked: the stage exists, and when its record
 * count is fixed (by the file, or `numRecords` for a first stage) it makes at least `count` row groups.
 * Used by `ddflow shards` and the Action's `command: shards`.
 */
export function checkedShardMatrix(workflow: LoadedWorkflow, stageName: string, count: number, numRecords?: number): { include: Array<{ shard: string }> } {
  const problem = shardCountProblem(count);
  if (problem) throw new DdflowError(`The shard count ${problem.replace(/^needs a shard count of /, 'must be ')}.`);
  const index = workflow.stages.findIndex((s) => s.name === stageName);
  if (index < 0) throw new DdflowError(`Workflow '${workflow.name}' has no stage '${stageName}' (stages: ${workflow.stages.map((s) => s.name).join(', ')}).`);
  const records = index === 0 && numRecords !== undefined ? numRecords : workflow.stages[index]!.numRecords;
  if (records !== undefined) shardRange(stageName, records, workflow.runConfig.buffer_size, 1, count);
  return shardMatrix(count);
}

/** Block `index` of `count` of a stage of `numRecords` records cut into row groups of `bufferSize`. */
export function shardRange(stage: string, numRecords: number, bufferSize: number, index: number, count: number): ShardRange {
  const groups = Math.ceil(numRecords / bufferSize);
  if (count > groups) {
    throw new DdflowError(
      `Stage '${stage}' cannot be split into ${count} shards: its ${numRecords} record${numRecords === 1 ? '' : 's'} make ${groups} row group${groups === 1 ? '' : 's'} of buffer_size ${bufferSize}, and a shard is at least one row group (use at most ${groups} shards, or a smaller run_config.buffer_size).`,
    );
  }
  const firstGroup = Math.floor(((index - 1) * groups) / count);
  const endGroup = Math.floor((index * groups) / count);
  return { index, count, firstGroup, endGroup, firstRecord: firstGroup * bufferSize, endRecord: Math.min(numRecords, endGroup * bufferSize) };
}

/** `<workflow dir>/shards/stage-<k>-<name>/shard-<i>-of-<N>`: a shard's own directory, apart from the stage's. */
export function shardDir(workflowDir: string, stageIndex: number, stage: string, index: number, count: number): string {
  return path.join(shardsRoot(workflowDir, stageIndex, stage), shardDirName(index, count));
}

export function shardsRoot(workflowDir: string, stageIndex: number, stage: string): string {
  return path.join(workflowDir, 'shards', stageDirName(stageIndex, stage));
}

export function shardDirName(index: number, count: number): string {
  return `shard-${index}-of-${count}`;
}

/** The artifact a shard job uploads (issue 15): unique per shard within a run. */
export function shardArtifactName(workflow: string, stage: string, index: number, count: number): string {
  return `${workflow}-${stage}-shard-${index}-of-${count}`;
}

/**
 * Cache keys of shards. `shard-` goes before the fingerprint so that no stage key is a prefix of a shard
 * key (cache services prefix-match), and a merge finds the shards of a fingerprint by one prefix.
 */
export function shardCachePrefix(prefix: string, workflow: string, stage: string, fingerprint: string): string {
  return `${prefix}-${workflow}-${stage}-shard-${fingerprint}-`;
}

export function shardCacheKey(prefix: string, workflow: string, stage: string, fingerprint: string, index: number, count: number): string {
  return `${shardCachePrefix(prefix, workflow, stage, fingerprint)}${index}-of-${count}`;
}

/** `i` and `N` of a shard key, or undefined. */
export function shardOfKey(key: string): { index: number; count: number } | undefined {
  const m = /-(\d+)-of-(\d+)$/.exec(key);
  return m ? { index: Number(m[1]), count: Number(m[2]) } : undefined;
}

/** The restore prefix of an interrupted shard's row groups (saved by the Action's post step). */
export function partialShardCachePrefix(prefix: string, workflow: string, stage: string, fingerprint: string, index: number, count: number): string {
  return `${prefix}-${workflow}-${stage}-shard-partial-${fingerprint}-${index}-of-${count}-`;
}

/** Written into a shard's directory: what it is a part of, so a merge can check it alone. */
export const SHARD_RECORD_FILENAME = 'ddflow-shard.json';

export interface ShardRecord {
  workflow: string;
  stage: string;
  stage_index: number;
  /** The stage's fingerprint (the merged stage has the same one). */
  fingerprint: string;
  seed: number;
  shard: number;
  count: number;
  num_records: number;
  buffer_size: number;
  first_record: number;
  end_record: number;
  first_group: number;
  end_group: number;
  status: 'running' | 'completed';
  output_records?: number;
  tokens?: TokenUsage;
  dropped_rows?: Record<string, number>;
  duration_sec?: number;
}

export async function readShardRecord(dir: string): Promise<ShardRecord | undefined> {
  try {
    const value = JSON.parse(await fs.readFile(path.join(dir, SHARD_RECORD_FILENAME), 'utf8')) as ShardRecord;
    return value && typeof value === 'object' && typeof value.fingerprint === 'string' && Number.isInteger(value.shard) && Number.isInteger(value.count) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writeShardRecord(dir: string, record: ShardRecord): Promise<void> {
  return writeJsonAtomic(path.join(dir, SHARD_RECORD_FILENAME), record);
}

/** Sharding needs every job to draw the same rows: a seed fixed by the file or `--seed`. */
export function requireShardSeed(seed: number | undefined, workflow: string, what: string): number {
  if (seed === undefined) {
    throw new DdflowError(`Workflow '${workflow}' has no seed, and ${what} needs one so that every shard draws the rows a single run would: set 'seed:' in the workflow file or pass --seed.`);
  }
  return seed;
}
