/**
 * The base of a review, found without git history: a run on the default branch saves, next to its stage
 * entries, a small pointer entry `<prefix>-<workflow>-latest-<sha>` holding its workflow-metadata.json
 * and its stage fingerprints (spec §7). A pull-request job restores the newest pointer by prefix, then
 * only the base stages it needs (those whose fingerprint differs from its own: a stage with the same
 * fingerprint is unchanged and is never read), into a base artifact directory of its own — read-only:
 * nothing is saved on the way.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../logger.js';
import { stageCacheKey } from './cache-keys.js';
import { metadataPath, WORKFLOW_METADATA_FILENAME, type WorkflowMetadata } from './metadata.js';
import type { CacheStore } from './stores.js';

export const BASE_POINTER_FILENAME = 'ddflow-base.json';
const POINTER_KIND = 'ddflow-base-pointer';

export interface BasePointer {
  kind: typeof POINTER_KIND;
  workflow: string;
  /** The commit the base run ran on. */
  sha: string;
  stages: Array<{ index: number; name: string; stage_dir: string; fingerprint: string | null; status: string }>;
}

/** `<prefix>-<workflow>-latest-`: the restore prefix of the pointer entries. */
export function basePointerPrefix(prefix: string, workflow: string): string {
  return `${prefix}-${workflow}-latest-`;
}

export function basePointerKey(prefix: string, workflow: string, sha: string): string {
  return `${basePointerPrefix(prefix, workflow)}${sha}`;
}

/** Saves the pointer of the run in `workflowDir` (its metadata must be there). Returns the key when saved. */
export async function saveBasePointer(store: CacheStore, prefix: string, workflowDir: string, sha: string): Promise<string | undefined> {
  const metadata = JSON.parse(await fs.readFile(metadataPath(workflowDir), 'utf8')) as WorkflowMetadata;
  const pointer: BasePointer = {
    kind: POINTER_KIND,
    workflow: metadata.name,
    sha,
    stages: metadata.stages.filter(Boolean).map((s) => ({ index: s.index, name: s.name, stage_dir: s.stage_dir, fingerprint: s.fingerprint ?? null, status: s.status })),
  };
  const dir = await fs.mkdtemp(path.join(process.env['RUNNER_TEMP'] || os.tmpdir(), 'ddflow-pointer-'));
  try {
    await fs.writeFile(path.join(dir, BASE_POINTER_FILENAME), `${JSON.stringify(pointer, null, 2)}\n`);
    await fs.copyFile(metadataPath(workflowDir), path.join(dir, WORKFLOW_METADATA_FILENAME));
    const key = basePointerKey(prefix, metadata.name, sha);
    return (await store.save(key, dir)) ? key : undefined;
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

export interface RestoredBase {
  /** The base's workflow directory (`<root>/<workflow>`): metadata plus the stages restored. */
  workflowDir: string;
  sha: string;
  pointer: BasePointer;
  /** Stages needed but not in the store (evicted): compared as "no output". */
  missing: string[];
}

/**
 * Restores the newest base pointer of `workflow` and the base stages `needed` says are needed into
 * `<root>/<workflow>`. Undefined when no pointer is found (or what was found is not one).
 */
export async function restoreBase(
  store: CacheStore,
  prefix: string,
  workflow: string,
  root: string,
  needed: (stage: { name: string; fingerprint: string | null }) => boolean,
  log: Logger,
): Promise<RestoredBase | undefined> {
  const pointerPrefix = basePointerPrefix(prefix, workflow);
  const scratch = path.join(root, '.pointer');
  const key = await store.restore(pointerPrefix, scratch, [pointerPrefix]);
  if (!key) return undefined;
  let pointer: BasePointer;
  try {
    pointer = JSON.parse(await fs.readFile(path.join(scratch, BASE_POINTER_FILENAME), 'utf8')) as BasePointer;
    if (pointer.kind !== POINTER_KIND || pointer.workflow !== workflow || !Array.isArray(pointer.stages)) throw new Error('not a pointer');
  } catch {
    // A stage called `latest` has entries under the same prefix: such an entry is no pointer.
    log.warn(`The cache entry ${key} is not a ddflow base pointer, so there is no base to compare with.`);
    return undefined;
  }
  const workflowDir = path.join(root, workflow);
  await fs.mkdir(workflowDir, { recursive: true });
  await fs.copyFile(path.join(scratch, WORKFLOW_METADATA_FILENAME), metadataPath(workflowDir));
  await fs.rm(scratch, { recursive: true, force: true });
  const missing: string[] = [];
  for (const s of pointer.stages) {
    if (!s.fingerprint || !needed(s) || (s.status !== 'completed' && s.status !== 'completed_empty')) continue;
    // The stage directory name comes from the entry: only a plain name is used.
    if (path.basename(s.stage_dir) !== s.stage_dir || s.stage_dir.startsWith('.')) continue;
    const hit = await store.restore(stageCacheKey(prefix, workflow, s.name, s.fingerprint), path.join(workflowDir, s.stage_dir));
    if (!hit) missing.push(s.name);
  }
  return { workflowDir, sha: pointer.sha, pointer, missing };
}
