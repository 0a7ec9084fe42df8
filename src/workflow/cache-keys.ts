/**
 * Names of stage entries in a cache store (spec §4.2). The runner restores and saves by these names; the
 * Action's post step saves interrupted stages under the partial form, which the next run restores by prefix.
 */

/** The key of a completed stage: `<prefix>-<workflow>-<stage>-<fingerprint>`. */
export function stageCacheKey(prefix: string, workflow: string, stage: string, fingerprint: string): string {
  return `${prefix}-${workflow}-${stage}-${fingerprint}`;
}

/**
 * The restore prefix of partial entries (completed row groups of an interrupted stage). Cache services
 * prefix-match the primary key too, so a partial key must NOT begin with the stage's full key (or a
 * restore of the full key could bring back a partial stage): `partial` goes before the fingerprint.
 */
export function partialStageCachePrefix(prefix: string, workflow: string, stage: string, fingerprint: string): string {
  return `${prefix}-${workflow}-${stage}-partial-${fingerprint}-`;
}

/** A run-specific key for a partial stage; the newest one is what the next run restores by prefix. */
export function partialStageCacheKey(prefix: string, workflow: string, stage: string, fingerprint: string, run: { id?: string; attempt?: string }): string {
  return `${partialStageCachePrefix(prefix, workflow, stage, fingerprint)}${run.id || 'local'}-${run.attempt || '1'}`;
}
