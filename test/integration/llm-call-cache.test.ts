/**
 * The per-call response store through `ddflow run`: a finished LLM workflow whose stage outputs are
 * deleted re-runs with zero model calls; an edited prompt pays only for its own column; `--no-call-cache`
 * neither reads nor writes the store. Also the end-of-run table's calls and tokens.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { generationRequests, isHealthCheck, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { readParquet, tempDir } from '../workflow/helpers.js';
import { KEY_VAR, SECRET, workflowYaml, writeWorkflow } from './llm-helpers.js';

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ seed: 5 });
});
afterAll(async () => {
  await server.close();
});

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const env = { ...process.env, CI: 'true', [KEY_VAR]: SECRET };
  const code = await main(args, { cwd, env, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const COLUMNS = (codePrompt: string) => `
        - name: topic
          column_type: sampler
          sampler_type: category
          params: {values: [billing, delivery, returns]}
        - name: note
          column_type: llm-text
          model_alias: chat
          prompt: "Write a note about {{ topic }}."
        - name: snippet
          column_type: llm-code
          model_alias: chat
          code_lang: python
          prompt: "${codePrompt} {{ topic }}."
        - name: vec
          column_type: embedding
          model_alias: emb
          target_column: note
`;

async function removeStageDirs(workflowDir: string): Promise<void> {
  for (const e of await fs.readdir(workflowDir)) if (e.startsWith('stage-')) await fs.rm(path.join(workflowDir, e), { recursive: true });
}

describe('per-call response store', () => {
  it('a re-run after deleting stage outputs makes zero calls; an edited prompt calls for its column only', async () => {
    // The key variable is only in the env handed to the CLI.
    expect(process.env[KEY_VAR]).toBeUndefined();
    {
      const work = await tempDir('ddflow-callcache-');
      const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns: COLUMNS('Write Python about'), numRecords: 8, bufferSize: 4, name: 'cc' }));
      const workflowDir = path.join(work, 'artifacts', 'cc');
      server.resetStats();
      const first = await cli(['run', file], work);
      expect(first.code, first.stderr).toBe(0);
      // 16 chat and 8 embedding calls, plus one health check of each model (in no stage's usage).
      expect(server.stats.chat).toBe(16 + 1);
      expect(server.stats.embeddings).toBe(8 + 1);
      expect(server.requests.filter(isHealthCheck)).toHaveLength(2);
      // The end-of-run table shows the calls and the tokens of the stage.
      expect(first.stderr).toMatch(/calls\s+tokens \(prompt\+completion\)/);
      expect(first.stderr).toMatch(/gen\s+completed\s+miss\s+8\s+\S+\s+24\s+\d+\+\d+/);
      const firstRows = await readParquet(path.join(workflowDir, 'stage-0-gen', 'parquet-files'));
      const store = (await fs.readdir(path.join(workflowDir, 'call-cache'))).filter((f) => f.endsWith('.jsonl'));
      expect(store.length).toBe(1);

      // 1. Stage outputs gone, call store kept: the stage runs again, answered entirely from the store,
      //    and the plan says so (no model call expected).
      await removeStageDirs(workflowDir);
      const plan = JSON.parse((await cli(['plan', file, '--json'], work)).stdout);
      expect(plan[0]).toMatchObject({ stage: 'gen', decision: 'run', rows: 8, calls: 0 });
      expect(plan[0].reason).toMatch(/; the call store holds its model answers$/);
      server.resetStats();
      const second = await cli(['run', file], work);
      expect(second.code, second.stderr).toBe(0);
      // Only the health checks go out: they are never answered from the store.
      expect(server.stats.requests).toBe(2);
      expect(server.requests.every(isHealthCheck)).toBe(true);
      expect(second.stderr).toMatch(/24 \(24 cached\)/);
      expect(await readParquet(path.join(workflowDir, 'stage-0-gen', 'parquet-files'))).toEqual(firstRows);
      const md = JSON.parse(await fs.readFile(path.join(workflowDir, 'stage-0-gen', 'metadata.json'), 'utf8'));
      expect(md.model_usage.total).toMatchObject({ calls: 24, cached_calls: 24, retries: 0, prompt_tokens: 0, completion_tokens: 0 });

      // 2. One column's prompt edited: only that column's calls go out.
      await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('Write Python about', 'Write a Python function about'));
      // The plan cannot tell which calls of a changed stage the store answers: it counts them all.
      expect(JSON.parse((await cli(['plan', file, '--json'], work)).stdout)[0]).toMatchObject({ decision: 'run', calls: 24 });
      server.resetStats();
      const third = await cli(['run', file], work);
      expect(third.code, third.stderr).toBe(0);
      expect(generationRequests(server)).toHaveLength(8);
      expect(server.stats.requests).toBe(8 + 2);
      expect(generationRequests(server).every((r) => r.rawBody.includes('Write a Python function about'))).toBe(true);

      // 3. --no-call-cache: every call goes out again, and the store is left as it was.
      const before = await fs.readdir(path.join(workflowDir, 'call-cache'));
      await removeStageDirs(workflowDir);
      server.resetStats();
      const fourth = await cli(['run', file, '--no-call-cache'], work);
      expect(fourth.code, fourth.stderr).toBe(0);
      expect(server.stats.requests).toBe(24 + 2);
      expect(await fs.readdir(path.join(workflowDir, 'call-cache'))).toEqual(before);
    }
  });

  // The fingerprint counts a provider's extra_headers (a header may select a model variant); the store's
  // key once did not, so the rerun stage was answered with the old variant's texts.
  it('a changed provider extra_headers reruns the stage and asks the model again (the store does not answer for the old headers)', async () => {
    const work = await tempDir('ddflow-callcache-headers-');
    const columns = `
        - {name: topic, column_type: sampler, sampler_type: category, params: {values: [billing, delivery]}}
        - {name: note, column_type: llm-text, model_alias: chat, prompt: "Write a note about {{ topic }}."}
`;
    const withHeader = (variant: string) => workflowYaml({ url: server.url, columns, numRecords: 4, name: 'hdr' }).replace(`endpoint: ${server.url}`, `endpoint: ${server.url}\n    extra_headers: {X-Variant: ${variant}}`);
    const file = await writeWorkflow(work, withHeader('A'));
    server.resetStats();
    expect((await cli(['run', file], work)).code).toBe(0);
    const sent = () => generationRequests(server).map((r) => r.headers['x-variant']);
    expect(sent()).toEqual(['A', 'A', 'A', 'A']);

    await fs.writeFile(file, withHeader('B'));
    const plan = JSON.parse((await cli(['plan', file, '--json'], work)).stdout);
    expect(plan[0]).toMatchObject({ stage: 'gen', decision: 'run', calls: 4 });
    const second = await cli(['run', file], work);
    expect(second.code, second.stderr).toBe(0);
    expect(sent()).toEqual(['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B']);
    // Unchanged again: the store answers every call.
    await removeStageDirs(path.join(work, 'artifacts', 'hdr'));
    expect((await cli(['run', file], work)).code).toBe(0);
    expect(sent()).toHaveLength(8);
  });
});
