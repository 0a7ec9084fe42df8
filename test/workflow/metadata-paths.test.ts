/**
 * Issue 10 item 10: paths in workflow-metadata.json and in a restored stage's ddflow-stage.json are data
 * from disk (a downloaded artifact, a cache entry): one that resolves outside the workflow's artifact
 * directory — absolute, `..`, or through a symlink — is never read. The record is dropped with a
 * warning and the stage runs again; `export` refuses with a sentence; a cache entry holding one is a miss.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../src/logger.js';
import { fromMetadataPath, metadataPathProblem, UnsafeMetadataPathError } from '../../src/workflow/metadata.js';
import { runWorkflow } from '../../src/workflow/run.js';
import type { CacheStore } from '../../src/workflow/stores.js';
import { fakeEngine } from './fake-engine.js';
import { category, readFiles, tempDir, workflowOf, writeParquet } from './helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const LEAK = 'LEAKED-from-outside';

function cli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX, path.join(ROOT, 'src/cli/main.ts'), ...args], { cwd, env: { ...process.env, CI: 'true' }, timeout: 120_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    );
  });
}

describe('fromMetadataPath', () => {
  it('resolves paths inside the workflow directory and refuses absolute, climbing and symlinked ones', async () => {
    const dir = await tempDir('ddflow-mdp-');
    const wf = path.join(dir, 'artifacts', 'w');
    await fs.mkdir(path.join(wf, 'stage-0-s', 'parquet-files'), { recursive: true });
    await fs.mkdir(path.join(dir, 'outside'));
    await fs.symlink(path.join(dir, 'outside'), path.join(wf, 'link'));
    expect(fromMetadataPath(wf, 'stage-0-s/parquet-files')).toBe(path.join(wf, 'stage-0-s', 'parquet-files'));
    expect(fromMetadataPath(wf, 'stage-0-s/not-yet-there/x')).toBe(path.join(wf, 'stage-0-s', 'not-yet-there', 'x'));
    expect(metadataPathProblem(wf, 'stage-0-s/../stage-1-t')).toBeUndefined();
    expect(metadataPathProblem(wf, '/etc')).toMatch(/is absolute/);
    expect(metadataPathProblem(wf, path.join(wf, 'stage-0-s'))).toMatch(/is absolute/);
    expect(metadataPathProblem(wf, '../../outside')).toMatch(/leads outside the workflow's artifact directory$/);
    expect(metadataPathProblem(wf, '..')).toMatch(/leads outside/);
    expect(metadataPathProblem(wf, 'link')).toMatch(/through a symbolic link/);
    expect(metadataPathProblem(wf, 'link/parquet-files')).toMatch(/through a symbolic link/);
    expect(metadataPathProblem(wf, 'a\0b')).toMatch(/not a usable path/);
    expect(metadataPathProblem(wf, 42)).toMatch(/not a usable path/);
    expect(() => fromMetadataPath(wf, '../../outside')).toThrow(UnsafeMetadataPathError);
  });
});

describe('a tampered workflow-metadata.json (CLI)', () => {
  it.each([
    ['a .. path', (_work: string) => '../../outside/parquet-files'],
    ['an absolute path', (work: string) => path.join(work, 'outside', 'parquet-files')],
    ['a symlink out', (_work: string) => 'stage-0-s/escape'],
  ])('%s: run reruns the stage and export refuses, never reading the outside file', async (_name, target) => {
    const work = await tempDir('ddflow-mdp-');
    await fs.writeFile(
      path.join(work, 'workflow.yml'),
      'name: meta\nstages:\n  - name: s\n    num_records: 4\n    config:\n      columns:\n        - {name: word, column_type: sampler, sampler_type: category, params: {values: [inside]}}\n',
    );
    const first = await cli(['run', 'workflow.yml', '--artifact-path', 'a'], work);
    expect(first.code, first.stderr).toBe(0);
    // Outside the artifact directory: a dataset shaped exactly like the stage's (same file name, same rows).
    await writeParquet(path.join(work, 'outside', 'parquet-files', 'batch_00000.parquet'), Array.from({ length: 4 }, () => ({ word: LEAK })));
    await fs.symlink(path.join(work, 'outside', 'parquet-files'), path.join(work, 'a', 'meta', 'stage-0-s', 'escape'));
    const mdFile = path.join(work, 'a', 'meta', 'workflow-metadata.json');
    const md = JSON.parse(await fs.readFile(mdFile, 'utf8'));
    md.stages[0].stage_output_path = md.stages[0].output_seed_path = target(work);
    await fs.writeFile(mdFile, JSON.stringify(md));

    const exp = await cli(['export', 'workflow.yml', 'out.jsonl', '--artifact-path', 'a'], work);
    expect(exp.code).toBe(1);
    expect(exp.stderr).toMatch(/^Stage 's' cannot be exported: Workflow metadata for 'meta': the record of stage "s" is not used \(stage_output_path: the path .* (is absolute|leads outside the workflow's artifact directory)/m);
    expect(exp.stderr).not.toMatch(/internal error/);
    expect(await fs.stat(path.join(work, 'out.jsonl')).catch(() => undefined)).toBeUndefined();

    const again = await cli(['run', 'workflow.yml', '--artifact-path', 'a', '--export', 'out.jsonl'], work);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`the record of stage "s" is not used (stage_output_path: the path ${JSON.stringify(target(work))}`);
    expect(again.stderr).not.toMatch(/reused/);
    const rows = (await fs.readFile(path.join(work, 'out.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toEqual(Array.from({ length: 4 }, () => ({ word: 'inside' })));
    const fresh = JSON.parse(await fs.readFile(mdFile, 'utf8'));
    expect(fresh.stages[0].stage_output_path).toBe('stage-0-s/parquet-files');
  }, 240_000);
});

describe('export of a recorded override outside the artifact directory', () => {
  it('follows a relative .parquet override beside it, refuses an absolute, symlinked or non-parquet one', async () => {
    const work = await tempDir('ddflow-mdp-');
    await fs.writeFile(
      path.join(work, 'workflow.yml'),
      'name: meta\nstages:\n  - name: s\n    num_records: 2\n    config:\n      columns:\n        - {name: word, column_type: sampler, sampler_type: category, params: {values: [inside]}}\n',
    );
    await writeParquet(path.join(work, 'reviewed.parquet'), [{ word: 'reviewed' }]);
    const first = await cli(['run', 'workflow.yml', '--override', 's=reviewed.parquet'], work);
    expect(first.code, first.stderr).toBe(0);
    const mdFile = path.join(work, 'artifacts', 'meta', 'workflow-metadata.json');
    const md = JSON.parse(await fs.readFile(mdFile, 'utf8'));
    expect(md.stages[0].output_seed_path).toBe('../../reviewed.parquet');
    const ok = await cli(['export', 'workflow.yml', 'ok.jsonl'], work);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(await fs.readFile(path.join(work, 'ok.jsonl'), 'utf8'))).toEqual({ word: 'reviewed' });

    await fs.writeFile(path.join(work, 'secret.txt'), `${LEAK}\n`);
    await fs.symlink(path.join(work, 'reviewed.parquet'), path.join(work, 'link.parquet'));
    for (const forged of ['../../secret.txt', path.join(work, 'reviewed.parquet'), '../../link.parquet']) {
      md.stages[0].output_seed_path = md.stages[0].stage_output_override_path = forged;
      await fs.writeFile(mdFile, JSON.stringify(md));
      const r = await cli(['export', 'workflow.yml', 'bad.jsonl'], work);
      expect(r.code, forged).toBe(1);
      expect(r.stderr).toContain(`Stage 's' cannot be exported: its recorded output ${JSON.stringify(forged)} is not usable (the path ${JSON.stringify(forged)} `);
      expect(await fs.stat(path.join(work, 'bad.jsonl')).catch(() => undefined)).toBeUndefined();
    }
  }, 240_000);
});

describe('a cache entry whose ddflow-stage.json points outside', () => {
  function dirStore(root: string): CacheStore {
    return {
      kind: 'local-test',
      async restore(key, target) {
        const src = path.join(root, key);
        if (!(await fs.stat(src).catch(() => undefined))) return undefined;
        await fs.cp(src, target, { recursive: true });
        return key;
      },
      async save(key, source) {
        const dst = path.join(root, key);
        if (await fs.stat(dst).catch(() => undefined)) return false;
        await fs.cp(source, dst, { recursive: true });
        return true;
      },
    };
  }

  it('is not restored: the stage runs and its output is its own', async () => {
    const dir = await tempDir('ddflow-mdp-');
    const store = dirStore(path.join(dir, 'cache'));
    const wf = workflowOf('cached', dir, [{ name: 'base', numRecords: 3, config: { columns: [category()] } }]);
    const engine = fakeEngine();
    const first = await runWorkflow(wf, { log: memoryLogger(), engine, cacheStore: store, cacheKeyPrefix: 'pfx' });
    expect(first.stages[0]!.saved).toBe(true);
    const [entry] = await fs.readdir(path.join(dir, 'cache'));
    // The forged entry: its record names a same-shaped dataset outside the artifact directory.
    await writeParquet(path.join(dir, 'outside', 'batch_00000.parquet'), [{ category: LEAK }, { category: LEAK }, { category: LEAK }]);
    const recFile = path.join(dir, 'cache', entry!, 'ddflow-stage.json');
    const rec = JSON.parse(await fs.readFile(recFile, 'utf8'));
    rec.stage_output_path = rec.output_seed_path = '../../outside';
    await fs.writeFile(recFile, JSON.stringify(rec));
    await fs.rm(path.join(dir, 'artifacts'), { recursive: true });
    engine.reset();
    const log = memoryLogger();
    const second = await runWorkflow(wf, { log, engine, cacheStore: store, cacheKeyPrefix: 'pfx' });
    expect(second.stages[0]!.cache).not.toBe('restored');
    expect(engine.calls).toHaveLength(1);
    expect(log.lines.some((l) => l.level === 'warn' && /cache entry for stage 'base' is not usable/.test(l.message))).toBe(true);
    const rows = await readFiles(second.final_output_files!);
    expect(rows.map((r) => r.category)).toEqual(['alpha', 'alpha', 'alpha']);
  });
});
