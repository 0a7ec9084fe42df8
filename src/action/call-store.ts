/**
 * The per-call response store (`<workflow dir>/call-cache/calls-*.jsonl`, see src/llm/call-cache.ts)
 * travels through the Actions cache, so a fresh runner does not pay again for answers an earlier run
 * already got — e.g. after the stage cache was evicted, or when a changed stage asks some of the same
 * prompts again.
 *
 * Entries are immutable, so every run that learned something saves the WHOLE store under its own key
 * `<prefix>-<workflow>:calls-<run id>-<attempt>`, and the next run restores the newest one by the prefix
 * `<prefix>-<workflow>:calls-`. The store only grows (restored segments plus this run's), so the newest
 * entry holds everything. Restored segments are merged into the local directory file by file, never
 * replacing it: segments written locally by an earlier attempt in the same workspace stay.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { CacheStore } from '../workflow/stores.js';

/** What main leaves for the post step: where the store is, its key, and what was already there. */
export const CALL_STORE_STATE = 'ddflow-call-store';

export interface CallStoreState {
  dir: string;
  key: string;
  /** Segment files present after the restore: a store with nothing else is not worth saving. */
  baseline: string[];
}

const SEGMENT = /^calls-.*\.jsonl$/;

export function callStorePrefix(prefix: string, workflow: string): string {
  // ':' cannot occur in a stage name, so no stage key `<prefix>-<workflow>-<stage>-...` starts with this.
  return `${prefix}-${workflow}:calls-`;
}

export function callStoreKey(
  prefix: string,
  workflow: string,
  run: { id?: string; attempt?: string } = { id: process.env['GITHUB_RUN_ID'], attempt: process.env['GITHUB_RUN_ATTEMPT'] },
): string {
  return `${callStorePrefix(prefix, workflow)}${run.id || 'local'}-${run.attempt || '1'}`;
}

export function segmentsIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => SEGMENT.test(n))
    .sort();
}

/**
 * Brings the newest saved store back and merges its segments into `dir`. Returns the matched key (or
 * undefined) and the segments now in `dir`. Only `calls-*.jsonl` files are taken.
 */
export async function restoreCallStore(store: CacheStore, prefix: string, workflow: string, dir: string): Promise<{ hit?: string; added: number; baseline: string[] }> {
  const lookup = callStorePrefix(prefix, workflow);
  const scratch = `${dir}.restoring`;
  await fsp.rm(scratch, { recursive: true, force: true });
  let added = 0;
  let hit: string | undefined;
  try {
    hit = await store.restore(lookup, scratch, [lookup]);
    if (hit) {
      await fsp.mkdir(dir, { recursive: true });
      for (const name of segmentsIn(scratch)) {
        const target = path.join(dir, name);
        if (fs.existsSync(target)) continue;
        await fsp.rename(path.join(scratch, name), target).catch(() => fsp.copyFile(path.join(scratch, name), target));
        added++;
      }
    }
  } finally {
    await fsp.rm(scratch, { recursive: true, force: true });
  }
  return { hit, added, baseline: segmentsIn(dir) };
}

/** Saves `dir` under `key` when it holds a segment the restore did not bring (a run that asked nothing new saves nothing). */
export async function saveCallStore(store: CacheStore, state: CallStoreState): Promise<boolean> {
  const now = segmentsIn(state.dir);
  const known = new Set(state.baseline);
  if (!now.some((s) => !known.has(s))) return false;
  return store.save(state.key, state.dir);
}
