/**
 * Seams between the workflow runner and where stage results are kept or published.
 * The runner is the same on a laptop and in GitHub Actions; only these implementations differ
 * (src/action/ provides the GitHub ones; the engine and runner never import @actions/*).
 */

/** A content-addressed store of whole directories (a finished stage, the per-call response store). */
export interface CacheStore {
  readonly kind: string;
  /**
   * Brings the entry saved under `key` (or, failing that, the newest entry whose key starts with one of
   * `restorePrefixes`) back into `dir`. Returns the key that matched, or undefined on a miss.
   * Implementations must turn service trouble into a warning and a miss, never an exception.
   */
  restore(key: string, dir: string, restorePrefixes?: string[]): Promise<string | undefined>;
  /** Saves `dir` under `key`. Keys are immutable: an existing key is not an error (returns false). */
  save(key: string, dir: string): Promise<boolean>;
}

export interface UploadedArtifact {
  name: string;
  id?: number;
  url?: string;
  size?: number;
  /** SHA-256 of the uploaded archive (hex), when the sink computes one. */
  digest?: string;
}

/** Where finished outputs are published (a local directory, or workflow artifacts in GitHub). */
export interface ArtifactSink {
  readonly kind: string;
  /** Uploads `files` (absolute paths below `rootDir`) as one artifact called `name`. */
  upload(name: string, files: string[], rootDir: string, options?: { retentionDays?: number }): Promise<UploadedArtifact>;
}

/** A store that never hits and never keeps anything: `cache: false`. */
export const noCacheStore: CacheStore = {
  kind: 'off',
  async restore() {
    return undefined;
  },
  async save() {
    return false;
  },
};

/**
 * `store` that restores but never saves (the Action's `cache: read-only`): for jobs that run workflow
 * files nobody reviewed yet, which must not be able to put entries in the cache that trusted runs would
 * then restore. `onSkip` hears each save that was not made.
 */
export function readOnlyStore(store: CacheStore, onSkip?: (key: string) => void): CacheStore {
  return {
    kind: store.kind,
    restore: (key, dir, restorePrefixes) => store.restore(key, dir, restorePrefixes),
    async save(key) {
      onSkip?.(key);
      return false;
    },
  };
}
