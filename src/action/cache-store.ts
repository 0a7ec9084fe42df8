/**
 * The stage cache in GitHub Actions: a `CacheStore` over `@actions/cache`.
 *
 * Three properties of that service shape this file:
 * - An entry's `version` is a hash of the exact `paths` list given to save/restore, and the archive
 *   stores paths relative to GITHUB_WORKSPACE. A stage directory's absolute path differs between runs
 *   (fresh workspace, other artifact-path), so we never hand the client the stage directory itself:
 *   every entry is saved from ONE fixed relative path (`.ddflow-cache/entry`, below the current
 *   directory, which the runner sets to the workspace), staged there with hard links (no data copied).
 * - An entry is whatever its writer uploaded, and the client's restore extracts it with `tar -P` into
 *   the workspace: an absolute or `../` member, or a link pointing out, would write anywhere on the
 *   runner. So restores never use that extraction: the archive is downloaded into a private temporary
 *   directory and read by src/action/safe-untar.ts, which accepts only plain files and directories
 *   below `.ddflow-cache/entry`; the result is moved into place. A refused entry is a warning and a miss.
 * - Entries are immutable and caching is optional: an existing key is a quiet `false`; a missing,
 *   refusing or failing service is a warning and a miss, never an exception.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import * as cache from '@actions/cache';
import os from 'node:os';
import * as core from '@actions/core';
// The client's lookup and download, without its extraction (see restore). Not exported by the package,
// so imported by path; the version is pinned exactly in package.json, and test/action/cache-store.test.ts
// round-trips entries through the real client, so a change in these internals fails there.
import * as cacheUtils from '../../node_modules/@actions/cache/lib/internal/cacheUtils.js';
import * as cacheConfig from '../../node_modules/@actions/cache/lib/internal/config.js';
import { downloadCache, getCacheEntry } from '../../node_modules/@actions/cache/lib/internal/cacheHttpClient.js';
import { internalCacheTwirpClient } from '../../node_modules/@actions/cache/lib/internal/shared/cacheTwirpClient.js';
import { readOnlyStore, type CacheStore } from '../workflow/stores.js';
import { extractArchive, UnsafeArchiveError } from './safe-untar.js';

type CompressionMethodName = Awaited<ReturnType<typeof cacheUtils.getCompressionMethod>>;
import { partialStageCacheKey as runPartialKey } from '../workflow/cache-keys.js';

export const MAX_CACHE_KEY_LENGTH = 512;
/** The service accepts at most 10 keys per lookup: the primary key and 9 restore keys. */
const MAX_RESTORE_KEYS = 9;
const HASH_SUFFIX_LENGTH = 17; // '~' + 16 hex characters

/** Percent-encodes the two characters that matter (`,` is forbidden in keys; `%` keeps the mapping reversible). */
function encodeKeyChars(raw: string): string {
  return raw.replace(/[%,]/g, (c) => (c === '%' ? '%25' : '%2C'));
}

function decodeKeyChars(key: string): string {
  return key.replace(/%(25|2C)/g, (_, code: string) => (code === '25' ? '%' : ','));
}

/**
 * A valid cache key for `raw`: commas encoded, and when too long, cut and ended by a hash of the whole
 * raw key (so two long keys that share a beginning stay distinct). Deterministic across runs.
 */
export function cacheKey(raw: string): string {
  const encoded = encodeKeyChars(raw);
  if (encoded.length <= MAX_CACHE_KEY_LENGTH) return encoded;
  const hash = crypto.createHash('sha256').update(raw).digest('hex').slice(0, HASH_SUFFIX_LENGTH - 1);
  return `${encoded.slice(0, MAX_CACHE_KEY_LENGTH - HASH_SUFFIX_LENGTH)}~${hash}`;
}

/** A restore prefix that still prefixes `cacheKey(k)` for every raw `k` starting with `raw`. */
export function cacheKeyPrefix(raw: string): string {
  return encodeKeyChars(raw).slice(0, MAX_CACHE_KEY_LENGTH - HASH_SUFFIX_LENGTH);
}

// Key naming belongs to the runner (src/workflow/cache-keys.ts); re-exported for the Action's callers.
export { stageCacheKey, partialStageCachePrefix } from '../workflow/cache-keys.js';

/** A run-specific partial key for this workflow run (GITHUB_RUN_ID / GITHUB_RUN_ATTEMPT). */
export function partialStageCacheKey(
  prefix: string,
  workflow: string,
  stage: string,
  fingerprint: string,
  run: { id?: string; attempt?: string } = { id: process.env['GITHUB_RUN_ID'], attempt: process.env['GITHUB_RUN_ATTEMPT'] },
): string {
  return runPartialKey(prefix, workflow, stage, fingerprint, run);
}

/**
 * The store for the Action's `cache` input: none for `false`, the Actions cache for `true`, and for
 * `read-only` the Actions cache with every save (stages, interrupted stages, model answers) skipped.
 */
export function actionCacheStore(inputs: { cache: boolean; cacheSave: boolean }, options?: GitHubCacheStoreOptions): CacheStore | undefined {
  if (!inputs.cache) return undefined;
  const store = new GitHubCacheStore(options);
  if (inputs.cacheSave) return store;
  return readOnlyStore(store, (key) => core.info(`cache: read-only, so ${key} is not saved to the Actions cache.`));
}

export interface GitHubCacheStoreOptions {
  /**
   * Staging directory, relative to the current directory (which must sit at the same place relative
   * to GITHUB_WORKSPACE in every run; the runner starts actions in the workspace). Default `.ddflow-cache`.
   */
  stagingDir?: string;
  /** Consecutive failed saves after which the store stops calling the service for this run. Default 2. */
  maxFailures?: number;
  /**
   * A save the service refuses with 429 (the repository's limit of cache uploads per minute, which a
   * wide shard matrix can reach) is tried again after this delay, doubling, up to `rateLimitRetries`
   * times, each a warning. Default DDFLOW_CACHE_BACKOFF_MS or 15 s, and 4 retries.
   */
  rateLimitBackoffMs?: number;
  rateLimitRetries?: number;
}

export class GitHubCacheStore implements CacheStore {
  readonly kind = 'github-actions';
  private readonly stagingDir: string;
  private readonly maxFailures: number;
  private readonly backoffMs: number;
  private readonly rateLimitRetries: number;
  private failures = 0;
  private disabled = false;
  private availabilityChecked = false;
  /** One operation at a time: they share the staging path. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: GitHubCacheStoreOptions = {}) {
    const staging = (options.stagingDir ?? '.ddflow-cache').replaceAll('\\', '/').replace(/\/+$/, '');
    if (path.isAbsolute(staging) || staging.split('/').includes('..')) {
      throw new Error('The cache staging directory must be a path below the current directory.');
    }
    this.stagingDir = staging;
    this.maxFailures = options.maxFailures ?? 2;
    const envBackoff = Number(process.env['DDFLOW_CACHE_BACKOFF_MS']);
    this.backoffMs = options.rateLimitBackoffMs ?? (Number.isFinite(envBackoff) && envBackoff >= 0 && process.env['DDFLOW_CACHE_BACKOFF_MS'] ? envBackoff : 15_000);
    this.rateLimitRetries = options.rateLimitRetries ?? 4;
  }

  /**
   * saveCache, tried again with backoff while the service answers 429. The client turns a 429 into a
   * warning and -1 (no exception, no status), so the warning it prints is how the rate limit is told
   * apart from other refusals: its output is watched for the client's "Rate limited" message.
   */
  private async saveWithBackoff(key: string): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      let limited = false;
      const write = process.stdout.write;
      process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
        if (String(chunk).includes('Rate limited')) limited = true;
        return (write as (...a: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
      }) as typeof process.stdout.write;
      let id: number;
      try {
        id = await cache.saveCache(this.clientPaths, key);
      } finally {
        process.stdout.write = write;
      }
      if (id !== -1 || !limited || attempt >= this.rateLimitRetries) return id;
      const delay = this.backoffMs * 2 ** attempt;
      core.warning(`The Actions cache is rate limiting uploads (429); saving ${key} again in ${Math.round(delay / 100) / 10} s (retry ${attempt + 1} of ${this.rateLimitRetries}).`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  /** Whether the store still talks to the service (false once unavailable or after repeated failures). */
  get enabled(): boolean {
    return !this.disabled;
  }

  /** The one `paths` list every save and restore uses, so every entry has the same version. */
  private get clientPaths(): string[] {
    return [`${this.stagingDir}/entry`];
  }

  private stagingRoot(): string {
    return path.resolve(process.cwd(), this.stagingDir);
  }

  private exclusive<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private usable(): boolean {
    if (this.disabled) return false;
    if (!this.availabilityChecked) {
      this.availabilityChecked = true;
      // isFeatureAvailable() only checks the service URL; without a token saveCache throws.
      if (!cache.isFeatureAvailable() || !process.env['ACTIONS_RUNTIME_TOKEN']) {
        this.disabled = true;
        core.warning('The GitHub Actions cache service is not available to this step, so stages are neither restored from nor saved to it.');
        return false;
      }
    }
    return true;
  }

  restore(key: string, dir: string, restorePrefixes: string[] = []): Promise<string | undefined> {
    return this.exclusive(async () => {
      if (!this.usable()) return undefined;
      if (!cacheConfig.isCacheReadable(cacheConfig.getCacheMode())) {
        core.info(`Cache restore skipped: the effective cache-mode '${cacheConfig.getCacheMode()}' does not permit reads.`);
        return undefined;
      }
      let scratch: string | undefined;
      try {
        const primary = cacheKey(key);
        const requested = [...new Set(restorePrefixes.map(cacheKeyPrefix))];
        // A prefix equal to the primary key need not be sent twice, but it still counts as asked for.
        const prefixes = requested.filter((p) => p !== primary).slice(0, MAX_RESTORE_KEYS);
        const compression = await cacheUtils.getCompressionMethod();
        let found = await this.lookup(primary, prefixes, compression);
        // The service also prefix-matches the primary key; only an exact hit or a requested prefix
        // counts. A longer key that merely starts with ours must not shadow the restore prefixes.
        const counts = (m: string) => m === primary || requested.some((p) => m.startsWith(p));
        if (found && !counts(found.key)) found = prefixes.length > 0 ? await this.lookup(prefixes[0]!, prefixes.slice(1), compression) : undefined;
        if (!found || !counts(found.key)) return undefined;
        core.info(found.key === primary ? `Cache hit for: ${found.key}` : `Cache hit for restore-key: ${found.key}`);

        // Never the client's own extraction (`tar -P` into the workspace): download, then extract with
        // member checks into a private directory, and only then move the entry into place.
        scratch = await fsp.mkdtemp(path.join(process.env['RUNNER_TEMP'] || os.tmpdir(), 'ddflow-restore-'));
        const archive = path.join(scratch, cacheUtils.getCacheFileName(compression));
        await downloadCache(found.url, archive, found.v2 ? { useAzureSdk: true } : undefined);
        const entry = path.join(scratch, 'entry');
        try {
          await extractArchive(archive, compression === 'gzip' ? 'gzip' : 'zstd', this.clientPaths[0]!, entry);
        } catch (err) {
          if (!(err instanceof UnsafeArchiveError)) throw err;
          core.warning(`The cache entry ${found.key} was refused because ${err.message}; nothing of it was written, and the stage will be recomputed.`);
          return undefined;
        }
        await replaceDir(entry, dir);
        // Report keys as the caller spelled them (a hashed long key only maps back when it is the primary one).
        return found.key === primary ? key : decodeKeyChars(found.key);
      } catch (err) {
        core.warning(`Could not restore the cache entry for ${key}: ${errorText(err)}; the stage will be recomputed.`);
        return undefined;
      } finally {
        if (scratch) await fsp.rm(scratch, { recursive: true, force: true }).catch(() => undefined);
      }
    });
  }

  /**
   * The entry the service answers `[key, ...restoreKeys]` with, and where to download it (the lookup
   * `restoreCache` does, without its extraction). Version and compression are computed the way the
   * client computes them, so entries saved by `saveCache` are found.
   */
  private async lookup(key: string, restoreKeys: string[], compression: CompressionMethodName): Promise<{ key: string; url: string; v2: boolean } | undefined> {
    const version = cacheUtils.getCacheVersion(this.clientPaths, compression, false);
    if (cacheConfig.getCacheServiceVersion() === 'v2') {
      const response = await internalCacheTwirpClient().GetCacheEntryDownloadURL({ key, restoreKeys, version });
      if (!response.ok || !response.matchedKey || !response.signedDownloadUrl) return undefined;
      return { key: response.matchedKey, url: response.signedDownloadUrl, v2: true };
    }
    const entry = await getCacheEntry([key, ...restoreKeys], this.clientPaths, { compressionMethod: compression, enableCrossOsArchive: false });
    if (!entry?.archiveLocation || !entry.cacheKey) return undefined;
    return { key: entry.cacheKey, url: entry.archiveLocation, v2: false };
  }

  /** Whether the service holds exactly `key` (nothing is downloaded). */
  has(key: string): Promise<boolean> {
    return this.exclusive(async () => {
      if (!this.usable()) return false;
      const k = cacheKey(key);
      try {
        return (await cache.restoreCache(this.clientPaths, k, [], { lookupOnly: true })) === k;
      } catch (err) {
        core.warning(`Could not look up ${key} in the Actions cache: ${errorText(err)}`);
        return false;
      }
    });
  }

  save(key: string, dir: string): Promise<boolean> {
    return this.exclusive(async () => {
      if (!this.usable()) return false;
      const staging = this.stagingRoot();
      const k = cacheKey(key);
      try {
        if (!fs.existsSync(dir)) {
          core.warning(`Nothing to cache for ${key}: ${dir} does not exist.`);
          return false;
        }
        // Keys are immutable: checking first skips compressing an entry the service would refuse.
        const existing = await cache.restoreCache(this.clientPaths, k, [], { lookupOnly: true });
        if (existing === k) {
          core.info(`The cache already holds ${k}; keeping that entry.`);
          return false;
        }
        await fsp.rm(staging, { recursive: true, force: true });
        await linkTree(dir, path.join(staging, 'entry'));
        const id = await this.saveWithBackoff(k);
        if (id !== -1) {
          this.failures = 0;
          core.info(`Saved ${key} to the Actions cache.`);
          return true;
        }
        this.noteFailure(`The Actions cache did not accept ${k}`);
        return false;
      } catch (err) {
        this.noteFailure(`Could not save ${k} to the Actions cache: ${errorText(err)}`);
        return false;
      } finally {
        await fsp.rm(staging, { recursive: true, force: true }).catch(() => undefined);
      }
    });
  }

  private noteFailure(message: string): void {
    this.failures += 1;
    core.warning(`${message}; a later run will recompute this stage.`);
    if (this.failures >= this.maxFailures && !this.disabled) {
      this.disabled = true;
      core.warning('The Actions cache failed repeatedly, so ddflow stops using it for the rest of this run.');
    }
  }
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0]!.replace(/[.\s]+$/, '');
}

/**
 * Mirrors `src` at `dest` with hard links (copies where linking is impossible, e.g. across devices).
 * Plain files and directories only, which is all a restore accepts: a symbolic link is left out.
 */
async function linkTree(src: string, dest: string): Promise<void> {
  await fsp.mkdir(dest, { recursive: true });
  for (const entry of await fsp.readdir(src, { withFileTypes: true })) {
    const from = path.join(src, entry.name);
    const to = path.join(dest, entry.name);
    if (entry.isDirectory()) await linkTree(from, to);
    else if (entry.isFile()) await fsp.link(from, to).catch(() => fsp.copyFile(from, to));
  }
}

/** Makes `dir` exactly the restored entry: stale files from an earlier attempt must not mix in. */
async function replaceDir(entry: string, dir: string): Promise<void> {
  await fsp.rm(dir, { recursive: true, force: true });
  await fsp.mkdir(path.dirname(dir), { recursive: true });
  try {
    await fsp.rename(entry, dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    await fsp.cp(entry, dir, { recursive: true });
  }
}
