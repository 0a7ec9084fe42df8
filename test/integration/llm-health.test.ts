/**
 * The model health check in a run: before the first stage that must generate, every model the remaining
 * selected stages use answers one tiny request; a failure stops the run before anything is generated.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../src/logger.js';
import { loadWorkflow } from '../../src/workflow/load.js';
import { runWorkflow, WorkflowRunError } from '../../src/workflow/run.js';
import { generationRequests, isHealthCheck, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { tempDir } from '../workflow/helpers.js';
import { KEY_VAR, SECRET, workflowYaml, writeWorkflow } from './llm-helpers.js';

let server: FakeOpenAI;
beforeAll(async () => {
  // Serves the chat model only: the embedding model of the workflows below is "not found".
  server = await startFakeOpenAI({ seed: 2, models: ['fake/chat-1'] });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.setFaults({});
  server.resetStats();
});

const env = { [KEY_VAR]: SECRET };

/** Two model stages after a sampler-only one: `note` (chat) in gen, `vec` (emb) in a later stage. */
function twoModelStages(embSkip = false): string {
  const base = workflowYaml({
    url: server.url,
    numRecords: 3,
    firstStageWithoutModels: true,
    columns: `
        - name: note
          column_type: llm-text
          model_alias: chat
          prompt: "A note about {{ base_id }}."`,
  });
  const withSkip = embSkip ? base.replace('  - alias: emb\n', '  - alias: emb\n    skip_health_check: true\n') : base;
  return `${withSkip}
  - name: embed
    config:
      columns:
        - name: vec
          column_type: embedding
          model_alias: emb
          target_column: note
`;
}

async function stageDirs(work: string, name: string): Promise<string[]> {
  const entries = await fs.readdir(path.join(work, 'artifacts', name)).catch(() => [] as string[]);
  return entries.filter((e) => e.startsWith('stage-'));
}

describe('model health check in a run', () => {
  it('a model of a later stage that the provider does not serve stops the run before the first stage', async () => {
    const work = await tempDir('ddflow-health-');
    const file = await writeWorkflow(work, twoModelStages());
    const err = await runWorkflow(await loadWorkflow(file), { log: memoryLogger(), env }).then(() => new Error("the run did not fail"), (e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(WorkflowRunError);
    expect(err.message).toBe(`Model health check failed for alias 'emb' (model 'fake/embed-1' at ${server.url}): model not found (404).`);
    // Only the two checks went out; nothing was generated, not even the sampler-only first stage.
    expect(server.requests.every(isHealthCheck)).toBe(true);
    expect(server.stats.requests).toBe(2);
    expect(await stageDirs(work, 'llm-e2e')).toEqual([]);
  });

  it('skip_health_check leaves a model unchecked; the others are checked once, in no stage usage', async () => {
    const work = await tempDir('ddflow-health-');
    const file = await writeWorkflow(work, twoModelStages(true));
    const log = memoryLogger();
    // The embedding model is not served, so the last stage fails: but only when it runs, after gen.
    const err = await runWorkflow(await loadWorkflow(file), { log, env }).then(() => new Error("the run did not fail"), (e: unknown) => e as Error);
    expect(err).toBeInstanceOf(WorkflowRunError);
    expect(err.message).toMatch(/^Stage 'embed' failed: .*Model 'fake\/embed-1' was not found at provider 'local' \(404\)/);
    const checks = server.requests.filter(isHealthCheck);
    expect(checks.map((r) => r.body.model)).toEqual(['fake/chat-1']);
    expect(generationRequests(server).filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(3);
    expect(log.lines.some((l) => l.level === 'info' && l.message.startsWith("Model health check passed for 'chat' (1 call,"))).toBe(true);
    const report = (err as WorkflowRunError).report;
    expect(report.stages[1]!.model_usage!.total.calls).toBe(3);
  });

  it('a 429 during the check waits and retries rather than failing', async () => {
    const work = await tempDir('ddflow-health-');
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, numRecords: 2, columns: `
        - name: note
          column_type: llm-text
          model_alias: chat
          prompt: "Say hi."` }));
    server.setFaults({ schedule: ['429', '429', 'ok'], retryAfterMs: 5 });
    const report = await runWorkflow(await loadWorkflow(file), { log: memoryLogger(), env, retryPolicy: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } });
    expect(report.status).toBe('completed');
    expect(server.requests.filter(isHealthCheck).map((r) => r.fault)).toEqual(['429', '429', 'ok']);
    // The check's 429s are not the stage's retries.
    expect(report.stages[0]!.model_usage!.total).toMatchObject({ calls: 2, retries: 0 });
  });

  it('DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS=true turns every check off', async () => {
    const work = await tempDir('ddflow-health-');
    const file = await writeWorkflow(work, twoModelStages());
    const err = await runWorkflow(await loadWorkflow(file), { log: memoryLogger(), env: { ...env, DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS: 'true' } }).then(() => new Error("the run did not fail"), (e: unknown) => e as Error);
    // No check: the missing model is found only by the stage that uses it.
    expect(err.message).toMatch(/^Stage 'embed' failed/);
    expect(server.requests.filter(isHealthCheck)).toEqual([]);
  });
});
