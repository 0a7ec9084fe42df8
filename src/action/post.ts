/**
 * The Action's post step (runs even when the job is cancelled, fails or times out): if a stage was
 * still running, save its completed row groups under a run-specific key, so that the next run restores
 * them by prefix and resumes that stage instead of paying for its rows again; and if the main step did
 * not get to save this run's model answers, save them too (answers to rows of unfinished row groups
 * are in there, so the resumed run does not ask for them again).
 */
import { existsSync } from 'node:fs';
import * as core from '@actions/core';
import { GitHubCacheStore, partialStageCacheKey } from './cache-store.js';
import { partialShardCacheKey } from './shard-job.js';
import { CALL_STORE_STATE, saveCallStore, type CallStoreState } from './call-store.js';
import { readCacheInput } from './inputs.js';
import { IN_FLIGHT_STATE, type InFlightStage } from './state.js';

function stateOf<T>(name: string): T | undefined {
  const raw = core.getState(name);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

export async function runPost(): Promise<void> {
  const inflight = stateOf<InFlightStage>(IN_FLIGHT_STATE);
  const calls = stateOf<CallStoreState>(CALL_STORE_STATE);
  if (!inflight && !calls) return; // the main step finished its work (or nothing ran)
  // The post step gets the same inputs as main: `cache: false` and `read-only` save nothing here either,
  // nor does an unset `cache` on a pull-request event (read-only there, as in main).
  const input = core.getInput('cache');
  let saves: boolean;
  try {
    saves = readCacheInput(input, process.env['GITHUB_EVENT_NAME']).cacheSave;
  } catch {
    saves = false; // main reported the bad input already
  }
  if (!saves) {
    const mode = input.trim() || `read-only (the default on ${process.env['GITHUB_EVENT_NAME']})`;
    if (inflight) core.info(`cache: ${mode}, so the interrupted stage '${inflight.stage}' is not saved to the Actions cache.`);
    if (calls) core.info(`cache: ${mode}, so the model answers of this run are not saved to the Actions cache.`);
    return;
  }
  const store = new GitHubCacheStore();
  if (inflight && existsSync(inflight.stageDir)) {
    const key = inflight.shard
      ? partialShardCacheKey(inflight.prefix, inflight.workflow, inflight.stage, inflight.fingerprint, inflight.shard)
      : partialStageCacheKey(inflight.prefix, inflight.workflow, inflight.stage, inflight.fingerprint);
    try {
      const saved = await store.save(key, inflight.stageDir);
      if (saved) core.info(`Saved the completed row groups of stage '${inflight.stage}' under ${key}; the next run resumes from them.`);
    } catch (err) {
      core.warning(`Could not save the interrupted stage '${inflight.stage}': ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (calls) {
    try {
      if (await saveCallStore(store, calls)) core.info(`Saved the model answers of this run under ${calls.key}.`);
    } catch (err) {
      core.warning(`Could not save the model answers: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
