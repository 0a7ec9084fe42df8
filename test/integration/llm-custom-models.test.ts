/**
 * A custom column whose function declares model_aliases gets a `models` argument (Data Designer's third
 * parameter, custom.py `_build_models_dict`): `models[alias].generate(prompt, {system_prompt})` goes
 * through the stage's real model client to the loopback fake server, with the key checked up front and
 * the calls in the call store.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { loadWorkflow } from '../../src/workflow/load.js';
import { runWorkflow } from '../../src/workflow/run.js';
import { generationRequests, isHealthCheck, messageText, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { readFiles, tempDir } from '../workflow/helpers.js';
import { KEY_VAR, SECRET, workflowYaml, writeWorkflow } from './llm-helpers.js';

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ seed: 3 });
  process.env[KEY_VAR] = SECRET;
});
afterAll(async () => {
  await server.close();
  delete process.env[KEY_VAR];
});

const COLUMNS = `
        - name: topic
          column_type: sampler
          sampler_type: category
          params: {values: [tea, coffee]}
        - name: slogan
          column_type: custom
          generator_function: write_slogan
          generator_params: {style: short}`;

describe('custom columns calling models', () => {
  it('models[alias].generate sends the prompt through the model client and the answer lands in the row', async () => {
    const dir = await tempDir('ddflow-custom-llm-');
    await fs.writeFile(
      path.join(dir, 'slogan.mjs'),
      `export async function write_slogan(row, params, models) {
         const text = await models.chat.generate('Write a ' + params.style + ' slogan about ' + row.topic, { system_prompt: 'You write slogans.' });
         return { ...row, slogan: text };
       }
       write_slogan.custom_column_metadata = { required_columns: ['topic'], model_aliases: ['chat'] };`,
    );
    const yaml = workflowYaml({ url: server.url, columns: COLUMNS, numRecords: 6 }).replace('stages:', 'functions:\n  write_slogan: {module: ./slogan.mjs, version: "1"}\nstages:');
    const file = await writeWorkflow(dir, yaml);
    const report = await runWorkflow(await loadWorkflow(file), { log: silentLogger });
    const rows = await readFiles(report.final_output_files!);
    expect(rows).toHaveLength(6);
    const sent = generationRequests(server);
    expect(sent).toHaveLength(6);
    for (const r of sent) {
      expect(r.body.messages[0].role).toBe('system');
      expect(messageText(r.body.messages[0])).toBe('You write slogans.');
      expect(messageText(r.body.messages[1])).toMatch(/^Write a short slogan about (tea|coffee)$/);
    }
    for (const row of rows) expect(typeof row.slogan === 'string' && (row.slogan as string).length > 0).toBe(true);

    // The same calls again (a new fingerprint: version 2) are answered by the call store, not the server.
    server.resetStats();
    server.requests.length = 0;
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('version: "1"', 'version: "2"'));
    const again = await runWorkflow(await loadWorkflow(file), { log: silentLogger });
    expect(again.stages[0]!.decision).toBe('run');
    expect(generationRequests(server)).toHaveLength(0);
    expect((await readFiles(again.final_output_files!)).map((r) => r.slogan)).toEqual(rows.map((r) => r.slogan));
  });

  it('a model call of the function that fails for now (503s after the retries) drops no row: the stage stops, resumable, and a rerun completes it', async () => {
    const dir = await tempDir('ddflow-custom-llm-down-');
    const down = await startFakeOpenAI({ seed: 5 });
    try {
      await fs.writeFile(
        path.join(dir, 'slogan.mjs'),
        `export async function write_slogan(row, params, models) {
           return { ...row, slogan: await models.chat.generate('Slogan about ' + row.topic) };
         }
         write_slogan.custom_column_metadata = { required_columns: ['topic'], model_aliases: ['chat'] };`,
      );
      const yaml = workflowYaml({ url: down.url, columns: COLUMNS, numRecords: 8, bufferSize: 4 }).replace('stages:', 'functions:\n  write_slogan: {module: ./slogan.mjs, version: "1"}\nstages:');
      const file = await writeWorkflow(dir, yaml);
      // Healthy for the health checks, then every generation request answers 503.
      let n = 0;
      down.setFaults({ down: { from: 1, as: '503' } });
      const options = { log: silentLogger, retryPolicy: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 2 }, env: { [KEY_VAR]: SECRET, DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS: '1' } };
      const failed = await runWorkflow(await loadWorkflow(file), options).then(
        (r) => r,
        (err: Error) => err,
      );
      // Not "completed with rows dropped": the stage failed and kept nothing it could not finish.
      if (!(failed instanceof Error)) expect(failed.stages[0]!.status).not.toBe('completed');
      expect(generationRequests(down).length).toBeGreaterThan(0);
      n = generationRequests(down).length;
      down.setFaults({});
      const report = await runWorkflow(await loadWorkflow(file), options);
      expect(report.stages[0]!.status).toBe('completed');
      expect(report.stages[0]!.dropped_rows ?? {}).toEqual({});
      const rows = await readFiles(report.final_output_files!);
      expect(rows).toHaveLength(8);
      for (const r of rows) expect(String(r.slogan)).toContain(String(r.topic));
      expect(generationRequests(down).length).toBeGreaterThan(n);
      expect(down.requests.filter(isHealthCheck)).toHaveLength(0);
    } finally {
      await down.close();
    }
  });
});
