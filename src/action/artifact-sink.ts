/**
 * Publishing outputs as workflow-run artifacts: an `ArtifactSink` over `@actions/artifact` (v4 service).
 *
 * Artifacts are immutable per run (a repeated name is a 409), and a run may upload from `main` and
 * again from `post`, or the final output next to every stage directory; so names are made valid and
 * then unique: a name this sink already used, or one the service reports as taken, gets `-2`, `-3`...
 */
import { DefaultArtifactClient } from '@actions/artifact';
import { DdflowError } from '../diagnostics.js';
import type { ArtifactSink, UploadedArtifact } from '../workflow/stores.js';

/** Characters the artifact service refuses in names. */
const INVALID_NAME_CHARS = /[":<>|*?\r\n\\/]/g;
const MAX_NAME_LENGTH = 200;
const MAX_SUFFIX_ATTEMPTS = 50;

/** A name the service accepts: invalid characters become `-`, surrounding spaces and dots go. */
export function artifactName(raw: string): string {
  const cleaned = raw
    .replace(INVALID_NAME_CHARS, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, MAX_NAME_LENGTH);
  return cleaned || 'ddflow';
}

/** Where a person finds an artifact in the GitHub UI, when the run is known. */
export function artifactUrl(id: number, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const repository = env['GITHUB_REPOSITORY'];
  const runId = env['GITHUB_RUN_ID'];
  if (!repository || !runId) return undefined;
  const server = (env['GITHUB_SERVER_URL'] || 'https://github.com').replace(/\/+$/, '');
  return `${server}/${repository}/actions/runs/${runId}/artifacts/${id}`;
}

export function validRetentionDays(days: number | undefined): number | undefined {
  if (days === undefined) return undefined;
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    throw new DdflowError(`Artifact retention must be a whole number of days from 1 to 90, not ${days}.`);
  }
  return days;
}

export interface GitHubArtifactSinkOptions {
  /** Used when an upload does not give its own. */
  retentionDays?: number;
}

export class GitHubArtifactSink implements ArtifactSink {
  readonly kind = 'github-artifacts';
  private readonly client = new DefaultArtifactClient();
  private readonly usedNames = new Set<string>();
  private readonly retentionDays: number | undefined;

  constructor(options: GitHubArtifactSinkOptions = {}) {
    this.retentionDays = validRetentionDays(options.retentionDays);
  }

  async upload(name: string, files: string[], rootDir: string, options: { retentionDays?: number } = {}): Promise<UploadedArtifact> {
    const retentionDays = validRetentionDays(options.retentionDays) ?? this.retentionDays;
    if (files.length === 0) throw new DdflowError(`There are no files to upload as the artifact ${artifactName(name)}.`);
    const base = artifactName(name);
    for (let attempt = 1; attempt <= MAX_SUFFIX_ATTEMPTS; attempt++) {
      const candidate = attempt === 1 ? base : `${base.slice(0, MAX_NAME_LENGTH - 4)}-${attempt}`;
      if (this.usedNames.has(candidate)) continue;
      this.usedNames.add(candidate);
      try {
        const result = await this.client.uploadArtifact(candidate, files, rootDir, retentionDays ? { retentionDays } : {});
        return {
          name: candidate,
          id: result.id,
          size: result.size,
          url: result.id === undefined ? undefined : artifactUrl(result.id),
          ...(result.digest ? { digest: result.digest } : {}),
        };
      } catch (err) {
        // The client reports the service's 409 as "Failed request: (409) Conflict".
        if (err instanceof Error && /\(409\)/.test(err.message)) continue;
        throw new DdflowError(`Could not upload the artifact ${candidate}: ${firstLine(err)}.`, { cause: err });
      }
    }
    throw new DdflowError(`Could not find a free artifact name for ${base} in this run.`);
  }
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0]!.replace(/[.\s]+$/, '');
}
