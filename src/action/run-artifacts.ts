/**
 * Uploading a run's outputs as workflow artifacts, after a run that completed and after one that
 * failed alike (a failed run's stage directories are what there is to debug), with actions/upload-artifact's
 * `if-no-files-found` semantics for an upload that finds nothing: `warn` (default), `error`, `ignore`.
 * A failed upload is a warning: the dataset is on disk and in the cache, the run is not lost.
 */
import * as core from '@actions/core';
import type { RunReport } from '../workflow/report.js';
import type { UploadedArtifact } from '../workflow/stores.js';
import { GitHubArtifactSink } from './artifact-sink.js';
import type { IfNoFilesFound, UploadMode } from './inputs.js';
import { planUploads, uploadPlanned } from './outputs.js';

export interface RunArtifactsOptions {
  upload: UploadMode;
  artifactName: string;
  retentionDays?: number;
  ifNoFilesFound: IfNoFilesFound;
}

export interface RunArtifacts {
  uploaded: UploadedArtifact[];
  /** The artifact whose id, URL and digest the outputs carry. */
  primary?: UploadedArtifact;
  /** `if-no-files-found: error` and nothing was found: the step must fail with this sentence. */
  failure?: string;
}

const WHAT: Record<UploadMode, string> = {
  final: 'the exported dataset',
  stages: 'the stage directories',
  all: 'the exported dataset and the stage directories',
  none: 'nothing',
};

/** `planned`: what to upload instead of what `upload` selects (a shard uploads its own directory). */
export async function uploadRunArtifacts(report: RunReport, options: RunArtifactsOptions, planned = planUploads(report, options.upload, options.artifactName)): Promise<RunArtifacts> {
  if (options.upload === 'none') return { uploaded: [] };
  if (planned.length === 0) {
    const message = `No files were found to upload for upload: ${options.upload} (${WHAT[options.upload]} of this ${report.status === 'failed' ? 'failed ' : ''}run). No artifact will be uploaded.`;
    if (options.ifNoFilesFound === 'error') return { uploaded: [], failure: message };
    if (options.ifNoFilesFound === 'warn') core.warning(message);
    else core.info(message);
    return { uploaded: [] };
  }
  try {
    const sink = new GitHubArtifactSink({ retentionDays: options.retentionDays });
    const result = await uploadPlanned(sink, planned, options.retentionDays);
    for (const a of result.uploaded) core.info(`Uploaded the artifact ${a.name}${a.url ? ` (${a.url})` : ''}${a.digest ? `, sha256 ${a.digest}` : ''}.`);
    for (const f of result.failed) core.warning(`Uploading the artifact ${f.name} failed: ${f.message}`);
    return { uploaded: result.uploaded, ...(result.primary ? { primary: result.primary } : {}) };
  } catch (err) {
    core.warning(`Uploading the artifact failed: ${err instanceof Error ? err.message : String(err)}`);
    return { uploaded: [] };
  }
}

/** The job summary's line about the artifacts: a link to each one on the run page. */
export function artifactsMarkdown(artifacts: readonly UploadedArtifact[]): string {
  if (artifacts.length === 0) return '';
  const items = artifacts.map((a) => {
    const label = `\`${a.name.replace(/`/g, "'")}\``;
    const link = a.url ? `[${label}](${a.url})` : label;
    const facts = [a.size !== undefined ? `${formatBytes(a.size)}` : undefined, a.digest ? `sha256 \`${a.digest.slice(0, 12)}…\`` : undefined].filter(Boolean);
    return `- ${link}${facts.length ? ` (${facts.join(', ')})` : ''}`;
  });
  return `\n**Artifact${artifacts.length === 1 ? '' : 's'}:**\n\n${items.join('\n')}\n`;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}
