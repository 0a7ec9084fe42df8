/**
 * The pull-request review (issue 16): after `plan`, `preview` or `run` on a pull request, find the base
 * run (the newest pointer the default branch saved, src/workflow/base-pointer.ts), compare with it
 * (src/workflow/diff.ts), and show the result as ONE comment per workflow — found by its marker and
 * edited in place — plus the job summary and an artifact, which always hold the whole report.
 *
 * Data in the comment is neutralised exactly as in the job summary (src/action/summary.ts): generated
 * text cannot add markup, links, images or mentions to the pull request.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import { openDatabase } from '../data/database.js';
import type { Logger } from '../logger.js';
import { restoreBase, type RestoredBase } from '../workflow/base-pointer.js';
import { diffRuns, judgeColumnsOf, readRunSide, type DiffSide, type WorkflowDiff } from '../workflow/diff.js';
import { diffHeadline, diffJson, formatDiffMarkdown } from '../workflow/diff-report.js';
import { writeSummary } from './report-summary.js';
import type { LoadedWorkflow } from '../workflow/model.js';
import type { StagePlan } from '../workflow/plan.js';
import type { StageReport } from '../workflow/report.js';
import type { ArtifactSink, CacheStore } from '../workflow/stores.js';
import { planMarkdown } from './plan-summary.js';
import { capComment, commentCutNote, commentMarker, upsertComment } from './pr-comment.js';
import { onDefaultBranch, pullRequestOf } from './pull-request.js';
import { saveBasePointer } from '../workflow/base-pointer.js';
import type { Plan } from '../workflow/plan.js';
import type { RunReport } from '../workflow/report.js';
import type { ActionInputs } from './inputs.js';
import { actionCacheStore } from './cache-store.js';
import { GitHubArtifactSink } from './artifact-sink.js';
import { inertMarkdown, tableCell } from './summary.js';

import type { CommentMode } from './review-modes.js';

export interface ReviewSettings {
  comment: CommentMode;
  githubToken?: string;
  cacheKeyPrefix: string;
  /** Artifacts: `none` uploads no report. */
  upload: string;
  artifactName?: string;
  retentionDays?: number;
}

/** What this step produced, to compare with the base. */
export interface CurrentRun {
  command: 'plan' | 'preview' | 'run';
  /** The plan table's rows (the plan, or a run's decisions). */
  plan: StagePlan[];
  /** The outputs (run, preview); absent for `plan`, which generates nothing. */
  side?: DiffSide;
  /** Fingerprints of the stages at full size (a preview's own are those of its few records). */
  fingerprints: Map<string, string | null>;
  /** A preview of N records is compared with the base's first N records. */
  baseLimit?: number;
}

export interface ReviewDeps {
  cache: CacheStore | undefined;
  sink?: ArtifactSink;
  log: Logger;
  /** Defaults: @actions/github's context (event name and payload). */
  eventName?: string;
  payload?: Record<string, unknown>;
}

/** A run's stage reports as plan rows: the decisions and reasons the run made, the calls it made. */
export function planRowsOfReport(stages: StageReport[]): StagePlan[] {
  return stages.map((s) => ({
    index: s.index,
    stage: s.name,
    decision: s.decision ?? (s.status === 'skipped' || s.status === 'skipped_empty_upstream' ? 'skipped' : 'run'),
    fingerprint: s.fingerprint || null,
    num_records: s.num_records_requested,
    rows: s.output_records,
    calls: s.model_usage?.total.calls ?? 0,
    reason: s.reason ?? '',
  }));
}

function runUrl(): string | undefined {
  const repo = process.env['GITHUB_REPOSITORY'];
  const id = process.env['GITHUB_RUN_ID'];
  if (!repo || !id) return undefined;
  return `${process.env['GITHUB_SERVER_URL'] || 'https://github.com'}/${repo}/actions/runs/${id}`;
}

/** On a pull request: compare with the base, and comment (or say in the job summary why not). */
export async function reviewPullRequest(workflow: LoadedWorkflow, current: CurrentRun, settings: ReviewSettings, deps: ReviewDeps): Promise<void> {
  const eventName = deps.eventName ?? context.eventName;
  const payload = deps.payload ?? (context.payload as Record<string, unknown>);
  const pr = pullRequestOf(eventName, payload);
  if (!pr) {
    if (settings.comment === 'always') core.warning(`comment: always, but this run is for a '${eventName ?? 'unknown'}' event, not a pull request: there is nothing to comment on.`);
    return;
  }
  if (settings.githubToken) core.setSecret(settings.githubToken);

  const root = await fs.mkdtemp(path.join(process.env['RUNNER_TEMP'] || os.tmpdir(), 'ddflow-base-'));
  let base: RestoredBase | undefined;
  let diff: WorkflowDiff | undefined;
  let baseNote: string | undefined;
  try {
    if (!deps.cache) {
      baseNote = 'The cache is off (`cache: false`), so the base run cannot be found: the plan only.';
    } else {
      base = await core.group('Find the base run in the Actions cache', () =>
        restoreBase(deps.cache!, settings.cacheKeyPrefix, workflow.name, root, (s) => current.side !== undefined && current.fingerprints.get(s.name) !== s.fingerprint, deps.log),
      );
      const key = `${settings.cacheKeyPrefix}-${workflow.name}-latest-<sha>`.replace(/[`\r\n]/g, '');
      if (!base) baseNote = `No base run was found (no \`${key}\` entry in the cache: the default branch saves one when it runs the workflow with the cache on): the plan only.`;
    }
    if (base) diff = await compare(workflow, current, base);
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    core.warning(`The comparison with the base failed: ${message}.`);
    baseNote = `The comparison with the base failed: ${inertMarkdown(message)}.`;
  } finally {
    await fs.rm(root, { recursive: true, force: true }).catch(() => undefined);
  }

  const report = renderReview(workflow.name, current, { diff, base, baseNote });
  const artifact = await uploadReport(workflow.name, current.command, report, diff, settings, deps.sink);
  const where = `the whole report is in the job summary${runUrl() ? ` of [this run](${runUrl()})` : ''}${artifact ? ` and in the artifact \`${artifact}\`` : ''}`;

  let why: string | undefined;
  if (settings.comment === 'never') why = undefined;
  else if (pr.readOnlyFork) why = 'This pull request comes from a fork, whose token is read-only: the report is in this job summary instead of a pull-request comment.';
  else if (!settings.githubToken) why = 'No `github-token` was given, so the report is in this job summary, not in a pull-request comment.';
  else {
    const [owner, repo] = (process.env['GITHUB_REPOSITORY'] ?? '').split('/');
    const marker = commentMarker(workflow.name);
    const body = capComment(`${marker}\n${report}`, commentCutNote(where));
    try {
      const posted = await upsertComment(settings.githubToken, { owner: owner ?? '', repo: repo ?? '', issueNumber: pr.number }, marker, body);
      core.info(`${posted.action === 'created' ? 'Created' : 'Updated'} the pull-request comment ${posted.url ?? posted.id} (pull request #${pr.number}).`);
    } catch (err) {
      const status = (err as { status?: number }).status;
      const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
      why = `The pull-request comment could not be written (${status ? `HTTP ${status}: ` : ''}${msg}); give the job \`permissions: pull-requests: write\` and pass \`github-token\`. The report is in this job summary.`;
      core.warning(why);
    }
  }
  const summary = `${why ? `> ${why}\n\n` : ''}${report}`;
  await writeSummary(capSummary(summary));
}

async function compare(workflow: LoadedWorkflow, current: CurrentRun, base: RestoredBase): Promise<WorkflowDiff> {
  const db = await openDatabase();
  try {
    const baseSide = await readRunSide(base.workflowDir, workflow.name);
    // `plan` generated nothing: each stage is unchanged (same fingerprint) or has other inputs than the base.
    const side: DiffSide = current.side ?? {
      workflowDir: '',
      stages: current.plan.map((p) => ({ index: p.index, name: p.stage, status: 'planned', files: [], ...(p.fingerprint ? { fingerprint: p.fingerprint } : {}) })),
      // A plan draws with the configured seed; without one, nothing pins its values to the base's.
      ...(workflow.seed !== undefined ? { seed: workflow.seed } : {}),
    };
    const diff = await diffRuns(db, workflow.name, side, baseSide, {
      judges: judgeColumnsOf(workflow),
      currentStageNames: new Set(workflow.stages.map((s) => s.name)),
      currentFingerprints: current.fingerprints,
      ...(current.baseLimit !== undefined ? { baseLimit: current.baseLimit } : {}),
    });
    for (const s of diff.stages) if (base.missing.includes(s.stage) && s.status === 'no-output') s.note = 'the base stage is no longer in the cache';
    return diff;
  } finally {
    db.close();
  }
}

const TITLES: Record<CurrentRun['command'], string> = { plan: 'plan', preview: 'preview', run: 'run' };

/** The report: heading, one-line verdict, the plan table, the diff per stage (comment, summary and artifact alike). */
export function renderReview(workflow: string, current: CurrentRun, r: { diff?: WorkflowDiff; base?: RestoredBase; baseNote?: string }): string {
  const lines = [`## ddflow ${TITLES[current.command]}: ${tableCell(workflow)}`, ''];
  if (r.diff) {
    lines.push(diffHeadline(r.diff));
    if (r.base) lines.push('', `Compared with the base run of commit \`${r.base.sha.slice(0, 12).replace(/[^0-9a-zA-Z]/g, '')}\`${current.baseLimit !== undefined ? ` (its first ${current.baseLimit} records of each stage, as many as this preview has)` : ''}.`);
  } else if (r.baseNote) {
    // Built by this module (data in it already neutralised).
    lines.push(r.baseNote);
  }
  lines.push('', '### Plan', '', planMarkdown({ workflow, workflowDir: '', stages: current.plan }).trimEnd());
  if (r.diff) lines.push('', formatDiffMarkdown(r.diff, { cell: tableCell, text: (s) => inertMarkdown(s), headline: false }).trimEnd());
  return `${lines.join('\n')}\n`;
}

/** The job summary's own cap (GitHub refuses step summaries over 1 MiB). */
function capSummary(text: string, maxChars = 400_000): string {
  return text.length <= maxChars ? text : capComment(text, '\n\n_The report was cut here; the whole of it is in the artifact._\n', maxChars);
}

async function uploadReport(workflow: string, command: string, report: string, diff: WorkflowDiff | undefined, settings: ReviewSettings, sink: ArtifactSink | undefined): Promise<string | undefined> {
  if (!sink || settings.upload === 'none') return undefined;
  const dir = await fs.mkdtemp(path.join(process.env['RUNNER_TEMP'] || os.tmpdir(), 'ddflow-review-'));
  const name = `${settings.artifactName ?? workflow}-review-${command}`;
  try {
    const files = [path.join(dir, 'review.md')];
    await fs.writeFile(files[0]!, report);
    if (diff) {
      files.push(path.join(dir, 'diff.json'));
      await fs.writeFile(files[1]!, `${diffJson(diff)}\n`);
    }
    await sink.upload(name, files, dir, settings.retentionDays ? { retentionDays: settings.retentionDays } : undefined);
    return name;
  } catch (err) {
    core.warning(`Uploading the review report failed: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/* The three steps that end in a review, as main.ts calls them (kept here so main.ts stays a composition). */

function settingsOf(inputs: ActionInputs): ReviewSettings {
  return {
    comment: inputs.comment,
    ...(inputs.githubToken ? { githubToken: inputs.githubToken } : {}),
    cacheKeyPrefix: inputs.cacheKeyPrefix,
    upload: inputs.upload,
    ...(inputs.artifactName ? { artifactName: inputs.artifactName } : {}),
    ...(inputs.retentionDays ? { retentionDays: inputs.retentionDays } : {}),
  };
}

function fingerprintsOf(stages: StagePlan[]): Map<string, string | null> {
  return new Map(stages.map((s) => [s.stage, s.fingerprint]));
}

/** Nothing to do off pull requests (and with `comment: never`, the summary still gets the comparison). */
function wanted(inputs: ActionInputs): boolean {
  return pullRequestOf(context.eventName, context.payload as Record<string, unknown>) !== undefined || inputs.comment === 'always';
}

/** Any failure of the review is a warning: the data step itself succeeded. */
async function guarded(what: string, op: () => Promise<void>): Promise<void> {
  try {
    await op();
  } catch (err) {
    core.warning(`The pull-request review after ${what} failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
}

/**
 * A run that failed (or waits on provider batches) on a pull request: the comment says so. It kept the
 * data changes of an earlier push, which a reviewer took for this commit's.
 */
export async function reviewUnfinishedRun(workflow: LoadedWorkflow, report: RunReport, inputs: ActionInputs): Promise<void> {
  if (!wanted(inputs)) return;
  await guarded('run', async () => {
    const pr = pullRequestOf(context.eventName, context.payload as Record<string, unknown>);
    const settings = settingsOf(inputs);
    if (!pr || settings.comment === 'never' || pr.readOnlyFork || !settings.githubToken) return;
    const failed = report.stages.find((s) => s.status === 'failed');
    // The pushed commit (on pull_request, context.sha is the merge commit GitHub made; on _target, the base's).
    const head = ((context.payload as { pull_request?: { head?: { sha?: unknown } } }).pull_request?.head?.sha as string | undefined) ?? context.sha;
    const commit = typeof head === 'string' && head ? ` for commit \`${head.slice(0, 12)}\`` : '';
    const what = report.status === 'pending'
      ? `waits on provider batches${commit}; a later run collects them and compares the data`
      : `failed${commit}${failed ? ` at stage \`${failed.name.replace(/[`|]/g, "'")}\`: ${inertMarkdown(failed.error ?? '')}` : ''}`;
    const marker = commentMarker(workflow.name);
    const body = `${marker}\n## ddflow run: ${workflow.name} (${report.status === 'pending' ? '⏳ pending' : '❌ failed'})\n\nThe run ${what}. No data changes are shown until a run finishes${runUrl() ? `; see [this run](${runUrl()})` : ''}.\n`;
    const [owner, repo] = (process.env['GITHUB_REPOSITORY'] ?? '').split('/');
    const posted = await upsertComment(settings.githubToken, { owner: owner ?? '', repo: repo ?? '', issueNumber: pr.number }, marker, capComment(body, ''));
    core.info(`${posted.action === 'created' ? 'Created' : 'Updated'} the pull-request comment ${posted.url ?? posted.id} (pull request #${pr.number}): the run did not finish.`);
  });
}

export async function reviewAfterPlan(workflow: LoadedWorkflow, plan: Plan, inputs: ActionInputs, log: Logger): Promise<void> {
  if (!wanted(inputs)) return;
  await guarded('plan', () => reviewPullRequest(workflow, { command: 'plan', plan: plan.stages, fingerprints: fingerprintsOf(plan.stages) }, settingsOf(inputs), { cache: actionCacheStore(inputs), sink: new GitHubArtifactSink({ retentionDays: inputs.retentionDays }), log }));
}

/** A preview is compared with the base's first records; a stage's fingerprint at full size comes from the plan. */
export async function reviewAfterPreview(workflow: LoadedWorkflow, report: RunReport, fullPlan: Plan, previewRecords: number, inputs: ActionInputs, log: Logger): Promise<void> {
  if (!wanted(inputs)) return;
  await guarded('preview', async () => {
    const side = await readRunSide(report.workflow_dir, workflow.name, log);
    const current: CurrentRun = { command: 'preview', plan: fullPlan.stages, side, fingerprints: fingerprintsOf(fullPlan.stages), baseLimit: previewRecords };
    await reviewPullRequest(workflow, current, settingsOf(inputs), { cache: actionCacheStore(inputs), sink: new GitHubArtifactSink({ retentionDays: inputs.retentionDays }), log });
  });
}

/**
 * After a completed run: on the default branch (cache saving on), save the base pointer; on a pull
 * request, compare with the base and comment.
 */
export async function reviewAfterRun(workflow: LoadedWorkflow, report: RunReport, inputs: ActionInputs, cache: CacheStore | undefined, log: Logger): Promise<void> {
  if (report.status !== 'completed') return;
  const payload = context.payload as Record<string, unknown>;
  if (cache && inputs.cacheSave && onDefaultBranch(context.eventName, context.ref, payload) && context.sha) {
    await guarded('run', async () => {
      const key = await saveBasePointer(cache, inputs.cacheKeyPrefix, report.workflow_dir, context.sha);
      if (key) core.info(`Saved the base pointer ${key}: pull requests compare their data with this run.`);
    });
  }
  if (!wanted(inputs)) return;
  await guarded('run', async () => {
    const side = await readRunSide(report.workflow_dir, workflow.name, log);
    const current: CurrentRun = { command: 'run', plan: planRowsOfReport(report.stages), side, fingerprints: new Map(side.stages.map((s) => [s.name, s.fingerprint ?? null])) };
    await reviewPullRequest(workflow, current, settingsOf(inputs), { cache, sink: new GitHubArtifactSink({ retentionDays: inputs.retentionDays }), log });
  });
}
