/**
 * The Action's post step (runs even when the job is cancelled or times out): if a stage was still
 * running, save its completed row groups under a run-specific key, so that the next run restores them
 * by prefix and resumes that stage instead of paying for its rows again.
 */
import { existsSync } from 'node:fs';
import * as core from '@actions/core';
import { GitHubCacheStore, partialStageCacheKey } from './cache-store.js';
import { IN_FLIGHT_STATE, type InFlightStage } from './state.js';

export async function runPost(): Promise<void> {
  const raw = core.getState(IN_FLIGHT_STATE);
  if (!raw) return; // every stage ended (or nothing ran): nothing to rescue
  let inflight: InFlightStage;
  try {
    inflight = JSON.parse(raw) as InFlightStage;
  } catch {
    return;
  }
  if (!existsSync(inflight.stageDir)) return;
  const key = partialStageCacheKey(inflight.prefix, inflight.workflow, inflight.stage, inflight.fingerprint);
  try {
    const saved = await new GitHubCacheStore().save(key, inflight.stageDir);
    if (saved) core.info(`Saved the completed row groups of stage '${inflight.stage}' under ${key}; the next run resumes from them.`);
  } catch (err) {
    core.warning(`Could not save the interrupted stage '${inflight.stage}': ${err instanceof Error ? err.message : String(err)}`);
  }
}
