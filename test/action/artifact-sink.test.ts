import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DefaultArtifactClient } from '@actions/artifact';
import { GitHubArtifactSink, artifactName, artifactUrl } from '../../src/action/artifact-sink.js';
import { DdflowError } from '../../src/diagnostics.js';
import { startActionsEmulator, type ActionsEmulator } from '../support/actions-emulator.js';
import { captureStdout, setRunnerEnv, type RunnerEnv } from './env.js';

let emulator: ActionsEmulator;
let runner: RunnerEnv;
let files: string[];
let root: string;

beforeEach(async () => {
  emulator = await startActionsEmulator();
  runner = setRunnerEnv({ ...emulator.env(), GITHUB_REPOSITORY: 'octo/data', GITHUB_RUN_ID: '4242' });
  root = path.join(runner.workspace, 'out');
  fs.mkdirSync(path.join(root, 'stage-0-a'), { recursive: true });
  fs.writeFileSync(path.join(root, 'dataset.jsonl'), '{"x":1}\n');
  fs.writeFileSync(path.join(root, 'stage-0-a', 'metadata.json'), '{}');
  files = [path.join(root, 'dataset.jsonl'), path.join(root, 'stage-0-a', 'metadata.json')];
});

afterEach(async () => {
  runner.restore();
  await emulator.close();
});

async function quietly<T>(fn: () => Promise<T>): Promise<{ value: T; log: string }> {
  const out = captureStdout();
  try {
    return { value: await fn(), log: out.text() };
  } finally {
    out.stop();
  }
}

describe('GitHubArtifactSink', () => {
  it('uploads files under their root and returns id, size and the run URL', async () => {
    const { value, log } = await quietly(() => new GitHubArtifactSink().upload('qa-dataset', files, root));
    expect(value.name).toBe('qa-dataset');
    expect(value.id).toBe(emulator.artifacts()[0]!.id);
    expect(value.size).toBeGreaterThan(0);
    expect(value.url).toBe(`https://github.com/octo/data/actions/runs/4242/artifacts/${value.id}`);
    expect(log).toContain(`Artifact qa-dataset successfully finalized. Artifact ID ${value.id}`);
    // The zip keeps paths relative to the root directory.
    const target = path.join(runner.temp, 'dl');
    await quietly(() => new DefaultArtifactClient().downloadArtifact(value.id!, { path: target }));
    expect(fs.readFileSync(path.join(target, 'stage-0-a/metadata.json'), 'utf8')).toBe('{}');
  });

  it('makes names valid and unique within the run', async () => {
    const sink = new GitHubArtifactSink();
    const a = await quietly(() => sink.upload('my: "data"/set?', files, root));
    const b = await quietly(() => sink.upload('my: "data"/set?', files, root));
    expect(a.value.name).toBe('my- -data--set-');
    expect(b.value.name).toBe('my- -data--set--2');
    // A second sink in the same run (the post step) learns the taken names from the service's 409.
    const c = await quietly(() => new GitHubArtifactSink().upload('my: "data"/set?', files, root));
    expect(c.value.name).toBe('my- -data--set--3');
    expect(emulator.artifacts().filter((x) => x.finalized).map((x) => x.name)).toEqual([a.value.name, b.value.name, c.value.name]);
  });

  it('sets the retention period, per sink or per upload', async () => {
    const before = Date.now();
    await quietly(() => new GitHubArtifactSink({ retentionDays: 5 }).upload('r5', files, root));
    await quietly(() => new GitHubArtifactSink({ retentionDays: 5 }).upload('r2', files, root, { retentionDays: 2 }));
    const days = (name: string) => (Date.parse(emulator.artifacts().find((x) => x.name === name)!.expiresAt!) - before) / 86_400_000;
    expect(Math.round(days('r5'))).toBe(5);
    expect(Math.round(days('r2'))).toBe(2);
    expect(() => new GitHubArtifactSink({ retentionDays: 0 })).toThrow(/1 to 90/);
  });

  it('fails with one sentence when the service refuses', async () => {
    emulator.setDown(true);
    const err = await quietly(() => new GitHubArtifactSink().upload('down', files, root)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DdflowError);
    expect((err as Error).message).toMatch(/^Could not upload the artifact down: .*\.$/);
    expect((err as Error).message).not.toContain('\n');
  });

  it('refuses an empty file list', async () => {
    await expect(new GitHubArtifactSink().upload('empty', [], root)).rejects.toThrow(/no files to upload/);
  });
});

describe('artifact names and URLs', () => {
  it('replaces every character the service refuses', () => {
    expect(artifactName('a"b:c<d>e|f*g?h\ri\nj\\k/l')).toBe('a-b-c-d-e-f-g-h-i-j-k-l');
    expect(artifactName('  ..  ')).toBe('ddflow');
    expect(artifactName('x'.repeat(300))).toHaveLength(200);
  });

  it('builds the URL only when repository and run are known', () => {
    expect(artifactUrl(7, { GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '1', GITHUB_SERVER_URL: 'https://ghe.example/' })).toBe(
      'https://ghe.example/o/r/actions/runs/1/artifacts/7',
    );
    expect(artifactUrl(7, { GITHUB_RUN_ID: '1' })).toBeUndefined();
  });
});
