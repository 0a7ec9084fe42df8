/**
 * Providers and model configs as Data Designer defines them
 * (packages/data-designer-config/src/data_designer/config/models.py: `ModelProvider`, `GenerationType`
 * chat-completion / embedding / image, `ImageInferenceParams`), run through the CLI against the fake server.
 *
 * Overriding a built-in provider by name replaces only the fields given: `{name: nvidia, endpoint: ...}`
 * keeps the built-in's key variable NVIDIA_API_KEY (the schema's `api_key: null` default must not win).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { generationRequests, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { tempDir } from '../workflow/helpers.js';

const NVIDIA_KEY = 'nvapi-test-OVERRIDE-0123456789';

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ seed: 9 });
});
afterAll(async () => {
  await server.close();
});

async function run(providerLine: string, extraModels = ''): Promise<{ code: number; stderr: string }> {
  const work = await tempDir('ddflow-providers-');
  const file = path.join(work, 'workflow.yml');
  await fs.writeFile(
    file,
    `name: providers
model_providers:
  - ${providerLine}
model_configs:
  - {alias: writer, model: fake/chat, provider: nvidia}
${extraModels}stages:
  - name: s
    num_records: 2
    config:
      columns:
        - {name: topic, column_type: sampler, sampler_type: category, params: {values: [a, b]}}
        - {name: note, column_type: llm-text, model_alias: writer, prompt: "Write about {{ topic }}."}
`,
  );
  let stderr = '';
  const env = { ...process.env, CI: 'true', NVIDIA_API_KEY: NVIDIA_KEY };
  const code = await main(['run', file, '--artifact-path', path.join(work, 'artifacts')], { cwd: work, env, stdout: () => {}, stderr: (t) => void (stderr += t) });
  return { code, stderr };
}

describe('model providers', () => {
  it("overriding the built-in 'nvidia' with only an endpoint keeps its key variable NVIDIA_API_KEY", async () => {
    server.resetStats();
    server.requests.length = 0;
    const { code, stderr } = await run(`{name: nvidia, endpoint: ${server.url}}`);
    expect(code, stderr).toBe(0);
    const sent = generationRequests(server);
    expect(sent).toHaveLength(2);
    for (const r of server.requests) expect(r.headers.authorization).toBe(`Bearer ${NVIDIA_KEY}`);
  });

  it('a field given replaces the built-in one: api_key: null sends no key', async () => {
    server.requests.length = 0;
    const { code, stderr } = await run(`{name: nvidia, endpoint: ${server.url}, api_key: null}`);
    expect(code, stderr).toBe(0);
    expect(server.requests.length).toBeGreaterThan(0);
    for (const r of server.requests) expect(r.headers.authorization).toBeUndefined();
  });

  it('an unused model config with generation_type: image is accepted (Data Designer ImageInferenceParams)', async () => {
    server.requests.length = 0;
    const image = `  - alias: painter
    model: black-forest-labs/flux.1-schnell
    provider: nvidia
    inference_parameters: {generation_type: image, extra_body: {size: 1024x1024}}
`;
    const { code, stderr } = await run(`{name: nvidia, endpoint: ${server.url}}`, image);
    expect(code, stderr).toBe(0);
    // Only the model a column uses is called (its health check and two generations).
    expect(new Set(server.requests.map((r) => r.body.model))).toEqual(new Set(['fake/chat']));
  });
});
