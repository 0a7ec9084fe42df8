/**
 * LLM columns end to end: `runWorkflow` (and the CLI) on workflow files whose provider is a loopback
 * fake OpenAI server, through the real `openai` client — every LLM column kind and embeddings, side-effect
 * columns, row drops by reason, early shutdown with salvage, the fail-fast key check, token accounting.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../src/logger.js';
import { loadWorkflow } from '../../src/workflow/load.js';
import { buildPlan } from '../../src/workflow/plan.js';
import type { CacheStore } from '../../src/workflow/stores.js';
import { runWorkflow, WorkflowRunError } from '../../src/workflow/run.js';
import { generationRequests, isHealthCheck, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { readParquet, tempDir } from '../workflow/helpers.js';
import { KEY_VAR, SECRET, workflowYaml, writeWorkflow } from './llm-helpers.js';

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ seed: 7, reasoningField: 'reasoning_content' });
  process.env[KEY_VAR] = SECRET;
  process.env.DDFLOW_RETRY_BASE_DELAY_MS = '5';
  process.env.DDFLOW_RETRY_MAX_DELAY_MS = '20';
});
afterAll(async () => {
  await server.close();
  delete process.env[KEY_VAR];
  delete process.env.DDFLOW_RETRY_BASE_DELAY_MS;
  delete process.env.DDFLOW_RETRY_MAX_DELAY_MS;
});
afterEach(() => {
  server.setFaults({});
  server.resetStats();
});

const ALL_COLUMNS = `
        - name: topic
          column_type: sampler
          sampler_type: category
          params: {values: [orders, refunds, shipping]}
        - name: note
          column_type: llm-text
          model_alias: chat
          system_prompt: "You write short notes about {{ topic }}."
          prompt: "Write a note about {{ topic }}."
          with_trace: all_messages
          extract_reasoning_content: true
        - name: query
          column_type: llm-code
          model_alias: chat
          code_lang: "sql:postgres"
          prompt: "Write a SQL query about {{ topic }}."
        - name: meta
          column_type: llm-structured
          model_alias: chat
          prompt: "Describe the note: {{ note }}"
          output_format:
            type: object
            properties:
              title: {type: string}
              priority: {type: integer, minimum: 1}
            required: [title, priority]
        - name: grade
          column_type: llm-judge
          model_alias: chat
          prompt: "Judge the note: {{ note }}"
          scores:
            - name: clarity
              description: How clear is it?
              options: {"1": unclear, "2": fine, "3": crisp}
        - name: note_vec
          column_type: embedding
          model_alias: emb
          target_column: note
`;

describe('LLM workflow end to end', () => {
  it('runs llm-text, llm-code, llm-structured, llm-judge and embedding columns through the real client', async () => {
    const work = await tempDir('ddflow-llm-');
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns: ALL_COLUMNS, numRecords: 6, bufferSize: 4 }));
    const log = memoryLogger();
    const report = await runWorkflow(await loadWorkflow(file), { log });
    expect(report.status).toBe('completed');
    const stage = report.stages[0]!;
    expect(stage.output_records).toBe(6);
    const rows = await readParquet(path.dirname(stage.output_files![0]!));
    expect(rows).toHaveLength(6);
    for (const row of rows as any[]) {
      expect(String(row.note)).toMatch(/^Answer to: Write a note about/);
      expect(row.query).toBe('SELECT 1 AS answer;');
      const meta = typeof row.meta === 'string' ? JSON.parse(row.meta) : row.meta;
      expect(Object.keys(meta).sort()).toEqual(['priority', 'title']);
      const grade = typeof row.grade === 'string' ? JSON.parse(row.grade) : row.grade;
      expect(grade.clarity).toBeDefined();
      const vec = typeof row.note_vec === 'string' ? JSON.parse(row.note_vec) : row.note_vec;
      expect(vec.num_embeddings).toBe(1);
      expect(vec.dimension).toBe(8);
      const trace = typeof row.note__trace === 'string' ? JSON.parse(row.note__trace) : row.note__trace;
      expect(trace.map((m: any) => m.role)).toEqual(['system', 'user', 'assistant']);
      expect(trace[0].content[0].text).toBe(`You write short notes about ${row.topic}.`);
      expect(row.note__reasoning_content).toBe('thinking about fake/chat-1');
    }
    // The system prompt went over the wire only for the column that has one.
    const chats = generationRequests(server).filter((r) => r.path.endsWith('/chat/completions'));
    expect(chats.length).toBe(6 * 4);
    expect(chats.filter((r) => r.body.messages[0].role === 'system').length).toBe(6);
    // Plus one health check of each model before the stage, in no stage's usage.
    expect(server.requests.filter(isHealthCheck).map((r) => r.body.model).sort()).toEqual(['fake/chat-1', 'fake/embed-1']);
    expect(server.stats.chat).toBe(6 * 4 + 1);
    expect(server.stats.embeddings).toBe(6 + 1);
    expect(stage.model_usage!.total.calls).toBe(6 * 5);
    // Tokens: per stage in the report and in both metadata files, per column in the stage metadata.
    expect(stage.tokens.prompt).toBeGreaterThan(0);
    expect(stage.tokens.completion).toBeGreaterThan(0);
    const wf = JSON.parse(await fs.readFile(path.join(report.workflow_dir, 'workflow-metadata.json'), 'utf8'));
    expect(wf.stages[0].tokens).toEqual(stage.tokens);
    const md = JSON.parse(await fs.readFile(path.join(stage.stage_dir, 'metadata.json'), 'utf8'));
    expect(md.token_usage).toEqual(stage.tokens);
    expect(Object.keys(md.model_usage.columns).sort()).toEqual(['grade', 'meta', 'note', 'note_vec', 'query']);
    const cols = Object.values(md.model_usage.columns) as any[];
    expect(cols.reduce((a, c) => a + c.prompt_tokens, 0)).toBe(stage.tokens.prompt);
    expect(md.model_usage.columns.note.calls).toBe(6);
    expect(md.model_usage.columns.note_vec.completion_tokens).toBe(0);
  });

  it('drops rows that fail for good, counted by reason, and keeps the rest', async () => {
    const work = await tempDir('ddflow-llm-');
    // Rows whose prompt mentions "refunds" get an unparseable answer every time: llm-code fails for good.
    const columns = `
        - name: topic
          column_type: sampler
          sampler_type: category
          params: {values: [orders, refunds, shipping]}
        - name: query
          column_type: llm-code
          model_alias: chat
          code_lang: python
          prompt: "Write code about {{ topic }}."
`;
    const bad = await startFakeOpenAI({ seed: 3, respond: (body) => (JSON.stringify(body.messages).includes('refunds') ? 'no code here' : undefined) });
    try {
      const file = await writeWorkflow(work, workflowYaml({ url: bad.url, columns, numRecords: 12, bufferSize: 12, runConfig: 'max_conversation_restarts: 1\n  disable_early_shutdown: true' }));
      const report = await runWorkflow(await loadWorkflow(file), { log: memoryLogger() });
      const stage = report.stages[0]!;
      const rows = (await readParquet(path.dirname(stage.output_files![0]!))) as any[];
      const refunds = bad.requests.filter((r) => r.rawBody.includes('refunds')).length / 2; // 2 calls each (1 restart)
      expect(refunds).toBeGreaterThan(0);
      expect(rows.every((r) => r.topic !== 'refunds')).toBe(true);
      expect(rows.length).toBe(12 - refunds);
      expect(stage.dropped_rows).toEqual({ generation_validation: refunds });
      const md = JSON.parse(await fs.readFile(path.join(stage.stage_dir, 'metadata.json'), 'utf8'));
      expect(md.dropped_rows).toEqual({ generation_validation: refunds });
    } finally {
      await bad.close();
    }
  });

  it('stops early at shutdown_error_rate, salvaging the completed rows of the in-flight row group', async () => {
    const work = await tempDir('ddflow-llm-');
    const columns = `
        - name: n
          column_type: sampler
          sampler_type: uniform
          params: {low: 0, high: 1000}
        - name: text
          column_type: llm-text
          model_alias: chat
          prompt: "Say something about {{ n }}."
`;
    // One in-flight call at a time, so the order of outcomes is the order of the schedule: the health
    // check, 6 successes, then 400s (non-retryable) until the window of 4 holds 2 failures.
    server.setFaults({ schedule: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', '400', '400', '400', '400', '400', '400'] });
    const file = await writeWorkflow(
      work,
      workflowYaml({ url: server.url, columns, numRecords: 20, bufferSize: 10, parallel: 1, runConfig: 'shutdown_error_rate: 0.5\n  shutdown_error_window: 4\n  max_in_flight_tasks: 1' }),
    );
    const log = memoryLogger();
    const report = await runWorkflow(await loadWorkflow(file), { log });
    const stage = report.stages[0]!;
    // ok×6 then 400×2 → window [ok, ok, 400, 400] = 0.5: stop. The six finished rows are written.
    expect(stage.output_records).toBe(6);
    expect(server.stats.chat).toBe(1 + 8);
    const md = JSON.parse(await fs.readFile(path.join(stage.stage_dir, 'metadata.json'), 'utf8'));
    expect(md.early_shutdown).toBe(true);
    expect(md.dropped_rows.bad_request).toBe(2);
    expect(log.lines.some((l) => l.level === 'warn' && /stopped early/i.test(l.message))).toBe(true);

    // Row groups were never attempted: the next run continues the stage instead of reusing 6 rows for
    // good (the fingerprint leaves the shutdown settings out, so nothing else would ever rerun it).
    server.setFaults({});
    const workflow = await loadWorkflow(file);
    const plan = await buildPlan(workflow, { log: memoryLogger() });
    expect(plan.stages[0]).toMatchObject({ decision: 'resume' });
    expect(plan.stages[0]!.reason).toMatch(/^generation stopped early last time .*; 6 rows on disk are kept$/);
    const again = await runWorkflow(workflow, { log: memoryLogger() });
    expect(again.stages[0]).toMatchObject({ status: 'completed', cache: 'miss' });
    // The 6 kept rows, the 2 permanent failures of the salvaged group stay dropped, the second group is made.
    expect(again.stages[0]!.output_records).toBe(6 + 10);
    const after = JSON.parse(await fs.readFile(path.join(stage.stage_dir, 'metadata.json'), 'utf8'));
    expect(after.early_shutdown).toBeUndefined();
    // Complete now: reused as it is.
    expect((await buildPlan(workflow, { log: memoryLogger() })).stages[0]).toMatchObject({ decision: 'cached' });
  });

  // Cache entries cannot be replaced: a stopped-early stage saved under its key was refused by every
  // fresh runner ("not usable") and regenerated from row 0, forever.
  it('a stage that stopped early is not saved to the cache store; an entry saved so before is continued, not refused', async () => {
    const storeDir = await tempDir('ddflow-store-');
    const saved: string[] = [];
    const store: CacheStore = {
      kind: 'dir',
      async restore(key, dir) {
        const from = path.join(storeDir, encodeURIComponent(key));
        if (!(await fs.stat(from).catch(() => undefined))) return undefined;
        await fs.cp(from, dir, { recursive: true });
        return key;
      },
      async save(key, dir) {
        const to = path.join(storeDir, encodeURIComponent(key));
        if (await fs.stat(to).catch(() => undefined)) return false;
        await fs.cp(dir, to, { recursive: true });
        saved.push(key);
        return true;
      },
    };
    const work = await tempDir('ddflow-llm-');
    const columns = `
        - {name: n, column_type: sampler, sampler_type: uniform, params: {low: 0, high: 1000}}
        - {name: text, column_type: llm-text, model_alias: chat, prompt: "Say something about {{ n }}."}
`;
    server.setFaults({ schedule: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', '400', '400', '400', '400', '400', '400'] });
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns, numRecords: 20, bufferSize: 10, parallel: 1, runConfig: 'shutdown_error_rate: 0.5\n  shutdown_error_window: 4\n  max_in_flight_tasks: 1' }));
    const first = await runWorkflow(await loadWorkflow(file), { log: memoryLogger(), cacheStore: store });
    expect(first.stages[0]!.output_records).toBe(6);
    expect(saved.filter((k) => k.includes('-gen-'))).toEqual([]);

    // An entry an earlier version saved: the stopped-early stage directory under the stage's key.
    const stageDir = first.stages[0]!.stage_dir;
    const key = `ddflow-llm-e2e-gen-${first.stages[0]!.fingerprint}`;
    await fs.cp(stageDir, path.join(storeDir, encodeURIComponent(key)), { recursive: true });
    server.setFaults({});
    await fs.rm(path.join(work, 'artifacts'), { recursive: true, force: true });
    const log = memoryLogger();
    const plan = await buildPlan(await loadWorkflow(file), { log, cacheStore: store });
    expect(plan.stages[0]).toMatchObject({ decision: 'resume' });
    expect(plan.stages[0]!.reason).toMatch(/^the cache store holds it, stopped early .*6 rows are kept/);
    const again = await runWorkflow(await loadWorkflow(file), { log: memoryLogger(), cacheStore: store });
    expect(again.stages[0]).toMatchObject({ status: 'completed', output_records: 16 });
  });

  it('early shutdown cancels the calls still waiting for admission', async () => {
    const work = await tempDir('ddflow-llm-');
    const columns = `
        - name: n
          column_type: sampler
          sampler_type: uniform
          params: {low: 0, high: 1000}
        - name: text
          column_type: llm-text
          model_alias: chat
          prompt: "Say something about {{ n }}."
`;
    // 20 rows in flight, one request at a time at the endpoint, every answer a 400: the window of 4
    // fills with failures after 4 requests, and the 16 rows queued behind them never call.
    server.setFaults({ schedule: ['ok', ...Array.from({ length: 40 }, () => '400' as const)] });
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns, numRecords: 20, bufferSize: 20, parallel: 1, runConfig: 'shutdown_error_rate: 0.5\n  shutdown_error_window: 4' }));
    const err = await runWorkflow(await loadWorkflow(file), { log: memoryLogger() }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(WorkflowRunError);
    expect((err as Error).message).toMatch(/stopped early.*no records were produced\. First failure: provider 'local' \(model 'fake\/chat-1'\) rejected the request \(400\)/);
    // The health check, then 4 generation calls.
    expect(server.stats.chat).toBe(1 + 4);
  });

  // The failed stage's record took its usage from the engine's metadata.json, written before the last
  // calls of the stopped group were booked: the table said 53 calls of the 60 the provider answered.
  it('a stage stopped early with no rows records every call the provider answered (the cost line and the table agree)', async () => {
    const work = await tempDir('ddflow-llm-');
    const columns = `
        - {name: topic, column_type: sampler, sampler_type: category, params: {values: [a, b, c]}}
        - name: person
          column_type: llm-structured
          model_alias: chat
          prompt: "Make a person about {{ topic }}."
          output_format: {type: object, properties: {name: {type: string}}, required: [name]}
`;
    server.setFaults({ rateMalformedContent: 1 });
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns, numRecords: 10, bufferSize: 5, parallel: 4, runConfig: 'max_conversation_restarts: 2' }));
    const before = generationRequests(server).length;
    const err = await runWorkflow(await loadWorkflow(file), { log: memoryLogger() }).catch((e: unknown) => e as WorkflowRunError);
    expect(err).toBeInstanceOf(WorkflowRunError);
    const answered = generationRequests(server).length - before;
    expect(answered).toBeGreaterThan(0);
    const stage = (err as WorkflowRunError).report.stages[0]!;
    expect(stage.status).toBe('failed');
    expect(stage.model_usage?.total.calls).toBe(answered);
    expect((err as WorkflowRunError).report.cost?.calls).toBe(answered);
    const recorded = JSON.parse(await fs.readFile(path.join(work, 'artifacts/llm-e2e/workflow-metadata.json'), 'utf8')) as { stages: { model_usage?: { total: { calls: number } } }[] };
    expect(recorded.stages[0]!.model_usage?.total.calls).toBe(answered);
  });

  it('transient failures whose retry budget ran out count toward early shutdown and leave the stage resumable', async () => {
    const work = await tempDir('ddflow-llm-');
    const columns = `
        - name: n
          column_type: sampler
          sampler_type: uniform
          params: {low: 0, high: 1000}
        - name: text
          column_type: llm-text
          model_alias: chat
          prompt: "Say something about {{ n }}."
`;
    // Every call fails with a 5xx until the retry budget is spent: a provider that is down must stop the
    // stage early (as the README says), and its rows are lost for now, not dropped: the stage fails,
    // resumable. (The health check would stop the run first: DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS turns it off.)
    server.setFaults({ rate5xx: 1 });
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns, numRecords: 6, bufferSize: 3, runConfig: 'shutdown_error_rate: 0.5\n  shutdown_error_window: 2' }));
    const env = { ...process.env, DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS: '1' };
    await expect(runWorkflow(await loadWorkflow(file), { log: memoryLogger(), env, retryPolicy: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 } })).rejects.toThrow(
      /^Stage 'gen': 6 of 6 rows could not be generated because the provider at \S+ \(model 'fake\/chat-1'\) failed \(HTTP 50[03] after 2 retries\); completed row groups are kept — run again to generate the rest\.$/,
    );
    // Stopped in the first row group (3 rows × (1 + 2 retries) at most), and no health check went out.
    expect(server.stats.chat).toBeLessThanOrEqual(3 * 3);
    expect(server.requests.filter(isHealthCheck)).toEqual([]);
    const md = JSON.parse(await fs.readFile(path.join(work, 'artifacts', 'llm-e2e', 'workflow-metadata.json'), 'utf8'));
    expect(md.stages[0]).toMatchObject({ status: 'failed', resumable: true });
  });

  it('a missing key variable is one error before any stage runs, naming the variable and provider', async () => {
    const work = await tempDir('ddflow-llm-');
    const yaml = workflowYaml({ url: server.url, columns: ALL_COLUMNS, numRecords: 2, keyVar: 'DDFLOW_TEST_MISSING_KEY', firstStageWithoutModels: true });
    const file = await writeWorkflow(work, yaml);
    let error: unknown;
    try {
      await runWorkflow(await loadWorkflow(file), { log: memoryLogger() });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(WorkflowRunError);
    expect((error as Error).message).toBe("Provider 'local' needs an API key: the environment variable DDFLOW_TEST_MISSING_KEY is not set or is empty.");
    expect(server.stats.requests).toBe(0);
    // Nothing was generated: not even the first stage, which needs no model.
    const entries = await fs.readdir(path.join(work, 'artifacts', 'llm-e2e')).catch(() => []);
    expect(entries.filter((e) => e.startsWith('stage-'))).toEqual([]);
  });

  it('a fully reused run needs no key; a run that must generate checks it before generating', async () => {
    const work = await tempDir('ddflow-llm-');
    const keyVar = 'DDFLOW_TEST_SOMETIMES_KEY';
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns: ALL_COLUMNS, numRecords: 2, keyVar, firstStageWithoutModels: true }));
    process.env[keyVar] = SECRET;
    try {
      await runWorkflow(await loadWorkflow(file), { log: memoryLogger() });
    } finally {
      delete process.env[keyVar];
    }
    const requests = server.stats.requests;
    expect(requests).toBeGreaterThan(0);
    // Everything matches: reused without the key (a nightly job restoring every stage needs no secret).
    const again = await runWorkflow(await loadWorkflow(file), { log: memoryLogger() });
    expect(again.stages.map((s) => s.cache)).toEqual(again.stages.map(() => 'reused'));
    expect(server.stats.requests).toBe(requests);
    // Forcing the model stage to run without the key fails before anything is generated.
    const modelStage = again.stages[again.stages.length - 1]!.name;
    await expect(runWorkflow(await loadWorkflow(file), { log: memoryLogger(), rerunFrom: modelStage })).rejects.toThrow(`the environment variable ${keyVar} is not set`);
    expect(server.stats.requests).toBe(requests);
  });

  it('a workflow without model columns never needs a key, even with providers declared', async () => {
    const work = await tempDir('ddflow-llm-');
    const columns = `
        - name: n
          column_type: sampler
          sampler_type: uniform
          params: {low: 0, high: 10}
`;
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns, numRecords: 3, keyVar: 'DDFLOW_TEST_MISSING_KEY' }));
    const report = await runWorkflow(await loadWorkflow(file), { log: memoryLogger() });
    expect(report.stages[0]!.output_records).toBe(3);
  });

  it("Data Designer's default aliases work without model_configs; a model config of the same alias wins", async () => {
    const work = await tempDir('ddflow-llm-');
    const yaml = (models: string) => `name: defaults
artifact_path: ${JSON.stringify(path.join(work, 'artifacts'))}
model_providers:
  - {name: nvidia, endpoint: ${server.url}, api_key: ${KEY_VAR}}
${models}stages:
  - name: gen
    num_records: 2
    config:
      columns:
        - {name: topic, column_type: sampler, sampler_type: category, params: {values: [a, b]}}
        - {name: line, column_type: llm-text, model_alias: nvidia-text, prompt: "A line about {{ topic }}."}
        - {name: vec, column_type: embedding, model_alias: nvidia-embedding, target_column: line}
`;
    const file = path.join(work, 'workflow.yml');
    await fs.writeFile(file, yaml(''));
    const report = await runWorkflow(await loadWorkflow(file), { log: memoryLogger() });
    expect(report.stages[0]!.output_records).toBe(2);
    const chat = generationRequests(server).find((r) => r.path.endsWith('/chat/completions'))!;
    expect(chat.body).toMatchObject({ model: 'nvidia/nemotron-3-nano-30b-a3b', temperature: 1, top_p: 1 });
    const emb = generationRequests(server).find((r) => r.path.endsWith('/embeddings'))!;
    expect(emb.body).toMatchObject({ model: 'nvidia/llama-nemotron-embed-1b-v2', input_type: 'query' });

    server.resetStats();
    await fs.writeFile(file, yaml('model_configs:\n  - {alias: nvidia-text, model: my/own-model, provider: nvidia}\n'));
    await runWorkflow(await loadWorkflow(file), { log: memoryLogger(), callCache: false });
    expect(generationRequests(server).find((r) => r.path.endsWith('/chat/completions'))!.body.model).toBe('my/own-model');

    // Without the provider override, the built-in provider's key variable is what is missing.
    await fs.writeFile(file, yaml('').replace(/model_providers:\n.*\n/, ''));
    await expect(runWorkflow(await loadWorkflow(file), { log: memoryLogger(), env: {} })).rejects.toThrow(
      "Provider 'nvidia' needs an API key: the environment variable NVIDIA_API_KEY is not set or is empty.",
    );
  });
});
