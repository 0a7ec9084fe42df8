/**
 * DuckDB in the Action: the engine is not in the bundle (see src/data/duckdb-loader.ts); when the
 * workspace has no `@duckdb/node-api`, the loader installs it with npm into the runner's tool cache.
 * A hosted runner starts with an empty tool cache, so this module keeps the installed engine in the
 * Actions cache, keyed by DuckDB version, platform and architecture: a job pays the download once, the
 * next jobs restore it. The install prints one line (version, destination); a restore prints one too.
 */
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as cache from '@actions/cache';
import * as core from '@actions/core';
import { DUCKDB_VERSION, installMarkerPath, setDuckDBInstallHooks } from '../data/duckdb-loader.js';
import { GitHubCacheStore } from './cache-store.js';

/** `<prefix>-duckdb-<version>-<platform>-<arch>`: an engine only ever serves the machine kind it was built for. */
export function duckdbCacheKey(prefix: string, platform: string = process.platform, arch: string = process.arch): string {
  return `${prefix}-duckdb-${DUCKDB_VERSION}-${platform}-${arch}`;
}

export interface DuckDBCacheOptions {
  /** Restore from the Actions cache (`cache: true` or `read-only`). */
  cache: boolean;
  /** Save a fresh install (`cache: true`). */
  cacheSave: boolean;
  cacheKeyPrefix: string;
}

/** Installs the loader hooks for this step: log lines to the Actions log, installs kept in the Actions cache. */
export function useActionsCacheForDuckDB(options: DuckDBCacheOptions): void {
  const key = duckdbCacheKey(options.cacheKeyPrefix);
  let store: GitHubCacheStore | undefined;
  // Without the service (or with `cache: false`) the engine is simply installed; the stage cache warns
  // about a missing service itself, so this stays quiet.
  const usable = () => options.cache && cache.isFeatureAvailable() && Boolean(process.env['ACTIONS_RUNTIME_TOKEN']);
  const storeOf = () => (store ??= new GitHubCacheStore({ stagingDir: '.ddflow-cache-duckdb' }));
  setDuckDBInstallHooks({
    log: (message) => core.info(message),
    restore: async (installDir) => {
      if (!usable()) return false;
      // Restored next to the install directory, then moved in: the directory holds the install lock.
      const scratch = `${installDir}.restoring-${process.pid}`;
      try {
        const hit = await storeOf().restore(key, scratch);
        if (!hit || !existsSync(installMarkerPath(scratch))) return false;
        for (const name of await fs.readdir(scratch)) {
          await fs.rm(path.join(installDir, name), { recursive: true, force: true });
          await fs.rename(path.join(scratch, name), path.join(installDir, name));
        }
        core.info(`Restored DuckDB ${DUCKDB_VERSION} (${process.platform}-${process.arch}) from the Actions cache (${key}) into ${installDir}`);
        return true;
      } catch (err) {
        core.warning(`Could not restore DuckDB from the Actions cache: ${err instanceof Error ? err.message : String(err)}; installing it instead.`);
        return false;
      } finally {
        await fs.rm(scratch, { recursive: true, force: true }).catch(() => undefined);
      }
    },
    save: async (installDir) => {
      if (!usable() || !options.cacheSave) return;
      await storeOf().save(key, installDir);
    },
  });
}
