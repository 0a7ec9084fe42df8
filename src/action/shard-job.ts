/**
 * The Action's side of sharding (issue 15): a matrix job (`command: run` with `stage` and `shard`)
 * uploads its shard as the artifact `<workflow>-<stage>-shard-<i>-of-<N>` (unique per shard in the
 * run); the merge job (`command: merge`) deletes those artifacts once the stage is merged and saved.
 *
 * Shard entries in the Actions cache are left to expire rather than deleted: @actions/cache has no
 * delete, deleting through the REST API needs a token with `actions: write` that the Action does not
 * otherwise ask for, and the service evicts entries unused for 7 days. They are harmless meanwhile: a
 * rerun of a shard job finds the merged stage first (src/workflow/shard-plan.ts) and does nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { DefaultArtifactClient } from '@actions/artifact';
import type { RunReport } from '../workflow/report.js';
import { partialShardCachePrefix, shardArtifactName, type ShardSpec } from '../workflow/shard.js';
import { filesBelow, type PlannedUpload } from './outputs.js';
import type { ActionInputs } from './inputs.js';
import type { CacheStore } from '../workflow/stores.js';

/** The run options `stage`/`shard` (command run) and `stage`/`from` (command merge) stand for. */
export function shardingOf(inputs: ActionInputs, baseDir: string): { shard?: ShardSpec; merge?: { stage: string; from?: string } } {
  if (inputs.command === 'merge') return { merge: { stage: inputs.stage!, ...(inputs.from ? { from: path.resolve(baseDir, inputs.from) } : {}) } };
  if (inputs.shard && inputs.stage) return { shard: { stage: inputs.stage, ...inputs.shard } };
  return {};
}


/** The shard's directory (its rows, its record, its model answers) as one artifact; its top folder is `shard-<i>-of-<N>`. */
export function shardUpload(report: RunReport, workflow: string, shard: ShardSpec): PlannedUpload[] {
  const last = report.stages.at(-1);
  if (!last?.shard || !fs.existsSync(last.stage_dir)) return [];
  return [{ name: shardArtifactName(workflow, shard.stage, shard.index, shard.count), files: filesBelow(last.stage_dir), rootDir: path.dirname(last.stage_dir), final: true }];
}

/** The merge assembled the stage from its shards in this run (not: found it merged already). */
export function mergedFromShards(report: RunReport): boolean {
  const last = report.stages.at(-1);
  return last !== undefined && last.status === 'completed' && /^assembled from its \d+ shard/.test(last.reason ?? '');
}

/** Deletes this run's shard artifacts of the stage (best effort: a failure is a warning). */
export async function deleteShardArtifacts(workflow: string, stage: string): Promise<void> {
  try {
    const client = new DefaultArtifactClient();
    const prefix = `${workflow}-${stage}-shard-`;
    const { artifacts } = await client.listArtifacts();
    const shards = artifacts.filter((a) => a.name.startsWith(prefix) && /-\d+-of-\d+$/.test(a.name));
    for (const a of shards) await client.deleteArtifact(a.name);
    if (shards.length > 0) core.info(`Deleted the ${shards.length} shard artifact(s) of stage '${stage}': the merged stage replaces them.`);
  } catch (err) {
    core.warning(`Could not delete the shard artifacts of stage '${stage}': ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
}

/** A run-specific key for an interrupted shard; the rerun of that shard restores the newest by prefix. */
export function partialShardCacheKey(
  prefix: string,
  workflow: string,
  stage: string,
  fingerprint: string,
  shard: { index: number; count: number },
  run: { id?: string; attempt?: string } = { id: process.env['GITHUB_RUN_ID'], attempt: process.env['GITHUB_RUN_ATTEMPT'] },
): string {
  return `${partialShardCachePrefix(prefix, workflow, stage, fingerprint, shard.index, shard.count)}${run.id || 'local'}-${run.attempt || '1'}`;
}

/**
 * GitHub allows a repository 200 cache uploads a minute. A shard job uploads one entry (its shard, with
 * its model answers inside), and the jobs of a matrix finish at about the same time: the first 150
 * shards save at once, each next 150 a minute later (leaving room for the repository's other jobs), so
 * even a 256-job matrix stays under the limit; a 429 still left is retried with backoff by the store.
 */
export const SHARD_SAVES_PER_MINUTE = 150;

export function shardSaveDelayMs(index: number): number {
  return Math.floor((index - 1) / SHARD_SAVES_PER_MINUTE) * 60_000;
}

/** `store`, with the save of the shard's entry held back to its slot (see shardSaveDelayMs). */
export function pacedShardStore(store: CacheStore, shard: ShardSpec): CacheStore {
  return {
    kind: store.kind,
    restore: (key, dir, prefixes) => store.restore(key, dir, prefixes),
    async save(key, dir) {
      const delay = shardSaveDelayMs(shard.index);
      if (delay > 0 && key.endsWith(`-${shard.index}-of-${shard.count}`)) {
        core.info(`Shard ${shard.index}/${shard.count} waits ${delay / 1000} s before saving, so that the matrix stays under the cache's 200 uploads a minute.`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
      return store.save(key, dir);
    },
  };
}
