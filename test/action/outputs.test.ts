import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubArtifactSink } from '../../src/action/artifact-sink.js';
import { planUploads, runOutputs, setOutputs, uploadPlanned } from '../../src/action/outputs.js';
import { artifactsMarkdown, uploadRunArtifacts } from '../../src/action/run-artifacts.js';
import type { RunReport, StageReport } from '../../src/workflow/report.js';
import { startActionsEmulator, type ActionsEmulator } from '../support/actions-emulator.js';
import { captureStdout, setRunnerEnv, type RunnerEnv } from './env.js';

let emulator: ActionsEmulator;
let runner: RunnerEnv;
let report: RunReport;

function stage(index: number, name: string, over: Partial<StageReport> = {}): StageReport {
  return {
    index,
    name,
    status: 'completed',
    cache: 'miss',
    fingerprint: 'f',
    stage_dir: path.join(runner.workspace, 'out/wf', `stage-${index}-${name}`),
    num_records_requested: 3,
    num_records_actual: 3,
    output_records: 3,
    duration_sec: 1.5,
    tokens: { prompt: 10, completion: 5 },
    ...over,
  };
}

beforeEach(async () => {
  emulator = await startActionsEmulator();
  runner = setRunnerEnv({ ...emulator.env(), GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '9' });
  const stages = [stage(0, 'topics', { cache: 'restored' }), stage(1, 'answers', { saved: true }), stage(2, 'judge', { status: 'skipped_empty_upstream', output_records: 0 })];
  for (const s of stages.slice(0, 2)) {
    fs.mkdirSync(path.join(s.stage_dir, 'parquet-files'), { recursive: true });
    fs.writeFileSync(path.join(s.stage_dir, 'parquet-files/batch_00000.parquet'), 'PAR1');
    fs.writeFileSync(path.join(s.stage_dir, 'metadata.json'), '{}');
  }
  const exportPath = path.join(runner.workspace, 'out/wf.jsonl');
  fs.writeFileSync(exportPath, '{"a":1}\n');
  report = { workflow: 'wf', workflow_dir: path.join(runner.workspace, 'out/wf'), status: 'completed', stages, final_stage: 'answers', final_records: 3, export_path: exportPath, seed: 1, warnings: [] };
});

afterEach(async () => {
  runner.restore();
  await emulator.close();
});

describe('outputs', () => {
  it('computes every output of the spec', () => {
    const out = runOutputs(report, { name: 'wf', id: 12, url: 'https://github.com/o/r/actions/runs/9/artifacts/12' });
    expect(out).toMatchObject({ 'dataset-path': report.export_path, records: '3', 'cache-hits': '1', 'artifact-id': '12', 'artifact-url': 'https://github.com/o/r/actions/runs/9/artifacts/12' });
    expect(JSON.parse(out.stages!)).toEqual([
      { name: 'topics', status: 'completed', cache: 'restored', rows: 3, duration_sec: 1.5, tokens: { prompt: 10, completion: 5 } },
      { name: 'answers', status: 'completed', cache: 'miss', rows: 3, duration_sec: 1.5, tokens: { prompt: 10, completion: 5 } },
      { name: 'judge', status: 'skipped_empty_upstream', cache: 'miss', rows: 0, duration_sec: 1.5, tokens: { prompt: 10, completion: 5 } },
    ]);
    expect(runOutputs(report)['artifact-id']).toBe('');
  });

  // The stages output listed only the stages a failed (or targeted) run reached: a job indexing it by
  // stage found fewer entries than the workflow has.
  it('lists every stage of the workflow, in order; the ones the run did not reach are not_run', () => {
    const failed = { ...report, status: 'failed' as const, stages: [report.stages[0]!, { ...report.stages[1]!, status: 'failed' as const }] };
    const out = JSON.parse(runOutputs(failed, undefined, ['topics', 'answers', 'judge', 'export'])['stages']!) as { name: string; status: string; cache: string; rows: number }[];
    expect(out.map((s) => [s.name, s.status, s.cache, s.rows])).toEqual([
      ['topics', 'completed', 'restored', 3],
      ['answers', 'failed', 'miss', 3],
      ['judge', 'not_run', 'off', 0],
      ['export', 'not_run', 'off', 0],
    ]);
  });

  it('writes outputs to the GITHUB_OUTPUT file', () => {
    const file = path.join(runner.temp, 'output');
    fs.writeFileSync(file, '');
    process.env.GITHUB_OUTPUT = file;
    setOutputs(runOutputs(report));
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(/^records<<ghadelimiter_[\w-]+\n3\n/m);
    expect(text).toContain('cache-hits<<');
  });

  it('plans uploads per mode', () => {
    expect(planUploads(report, 'none', 'wf')).toEqual([]);
    expect(planUploads(report, 'final', 'wf')).toEqual([{ name: 'wf', files: [report.export_path], rootDir: path.dirname(report.export_path!), final: true }]);
    const stages = planUploads(report, 'stages', 'wf');
    expect(stages.map((p) => p.name)).toEqual(['wf-stage-0-topics', 'wf-stage-1-answers']);
    expect(stages[0]!.files.map((f) => path.relative(stages[0]!.rootDir, f))).toEqual(['metadata.json', 'parquet-files/batch_00000.parquet']);
    expect(planUploads(report, 'all', 'wf').map((p) => p.name)).toEqual(['wf', 'wf-stage-0-topics', 'wf-stage-1-answers']);
  });

  it('uploads the plan through the real artifact client; the final dataset is the primary', async () => {
    const out = captureStdout();
    let result;
    try {
      result = await uploadPlanned(new GitHubArtifactSink(), planUploads(report, 'all', 'wf'), 3);
    } finally {
      out.stop();
    }
    expect(result.uploaded.map((u) => u.name)).toEqual(['wf', 'wf-stage-0-topics', 'wf-stage-1-answers']);
    expect(result.primary!.name).toBe('wf');
    expect(result.primary!.url).toBe(`https://github.com/o/r/actions/runs/9/artifacts/${result.primary!.id}`);
    expect(emulator.artifacts().map((a) => a.name)).toEqual(['wf', 'wf-stage-0-topics', 'wf-stage-1-answers']);
  });

  // One failed upload once dropped the ones before it from the outputs and stopped the ones after it.
  it('an artifact the client refuses is a warning; the others are uploaded and the dataset stays the primary', async () => {
    const bad = path.join(report.stages[0]!.stage_dir, 'callback-outputs', 'part:1.jsonl');
    fs.mkdirSync(path.dirname(bad), { recursive: true });
    fs.writeFileSync(bad, '{}\n');
    const out = captureStdout();
    let result;
    try {
      result = await uploadRunArtifacts(report, { upload: 'all', artifactName: 'wf', ifNoFilesFound: 'warn' });
    } finally {
      out.stop();
    }
    expect(result.uploaded.map((u) => u.name)).toEqual(['wf', 'wf-stage-1-answers']);
    expect(result.primary?.name).toBe('wf');
    expect(emulator.artifacts().map((a) => a.name)).toEqual(['wf', 'wf-stage-1-answers']);
    expect(out.text()).toMatch(/::warning::Uploading the artifact wf-stage-0-topics failed: .*part:1\.jsonl/);
    // The dataset refused: no primary (the outputs' artifact-id stays empty), the stages still uploaded.
    fs.renameSync(report.export_path!, path.join(runner.workspace, 'out/w:f.jsonl'));
    const planned = planUploads({ ...report, export_path: path.join(runner.workspace, 'out/w:f.jsonl') }, 'all', 'wf2');
    const out2 = captureStdout();
    let second;
    try {
      second = await uploadPlanned(new GitHubArtifactSink(), planned);
    } finally {
      out2.stop();
    }
    expect(second.failed.map((f) => f.name)).toEqual(['wf2', 'wf2-stage-0-topics']);
    expect(second.uploaded.map((u) => u.name)).toEqual(['wf2-stage-1-answers']);
    expect(second.primary).toBeUndefined();
  });

  it('says cache-hit only when every stage that ran was reused or restored', () => {
    expect(runOutputs(report)['cache-hit']).toBe('false');
    const allHit = { ...report, stages: report.stages.map((s) => (s.status === 'completed' ? { ...s, cache: 'reused' as const } : s)) };
    // The stage skipped for an empty upstream generates nothing by design and does not count.
    expect(runOutputs(allHit)['cache-hit']).toBe('true');
    expect(runOutputs({ ...allHit, status: 'failed' })['cache-hit']).toBe('false');
  });

  it('gives the artifact digest the real client computed (the SHA-256 of the uploaded zip)', async () => {
    const out = captureStdout();
    let uploaded;
    try {
      uploaded = await uploadRunArtifacts(report, { upload: 'final', artifactName: 'wf', ifNoFilesFound: 'warn' });
    } finally {
      out.stop();
    }
    const primary = uploaded.primary!;
    const bytes = emulator.artifactBytes(primary.id!)!;
    expect(runOutputs(report, primary)['artifact-digest']).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    expect(out.text()).toContain(`Uploaded the artifact wf (https://github.com/o/r/actions/runs/9/artifacts/${primary.id}), sha256 ${primary.digest}.`);
  });

  it('applies if-no-files-found when there is nothing to upload', async () => {
    const nothing = { ...report, export_path: path.join(runner.workspace, 'missing.jsonl') };
    const out = captureStdout();
    try {
      expect(await uploadRunArtifacts(nothing, { upload: 'final', artifactName: 'wf', ifNoFilesFound: 'warn' })).toEqual({ uploaded: [] });
      expect(await uploadRunArtifacts(nothing, { upload: 'final', artifactName: 'wf', ifNoFilesFound: 'ignore' })).toEqual({ uploaded: [] });
      const failing = await uploadRunArtifacts(nothing, { upload: 'final', artifactName: 'wf', ifNoFilesFound: 'error' });
      expect(failing.failure).toBe('No files were found to upload for upload: final (the exported dataset of this run). No artifact will be uploaded.');
    } finally {
      out.stop();
    }
    const lines = out.lines();
    expect(lines.filter((l) => l.startsWith('::warning::No files were found'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('No files were found'))).toHaveLength(1);
    expect(emulator.artifacts()).toEqual([]);
  });

  it('links every artifact in the job summary markdown', () => {
    const md = artifactsMarkdown([{ name: 'wf', id: 4, url: 'https://github.com/o/r/actions/runs/9/artifacts/4', size: 2048, digest: 'ab'.repeat(32) }]);
    expect(md).toContain('- [`wf`](https://github.com/o/r/actions/runs/9/artifacts/4) (2.0 KiB, sha256 `abababababab…`)');
    expect(artifactsMarkdown([])).toBe('');
  });
});
