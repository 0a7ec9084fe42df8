/**
 * Image columns end to end against the fake server: a diffusion model through the images API and an
 * autoregressive one through chat completions (Data Designer's facade.py generate_image routing), images
 * stored as Data Designer's MediaStorage does (images/<column>/<uuid>.<ext> under the stage directory,
 * the cell holding the relative paths), and fed back through multi_modal_context to a later column of
 * the same stage and to a later stage.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { loadWorkflow } from '../../src/workflow/load.js';
import { runWorkflow } from '../../src/workflow/run.js';
import { FAKE_PNG_BASE64, generationRequests, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { readFiles, tempDir } from '../workflow/helpers.js';
import { KEY_VAR, SECRET } from './llm-helpers.js';

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ seed: 4 });
  process.env[KEY_VAR] = SECRET;
});
afterAll(async () => {
  await server.close();
  delete process.env[KEY_VAR];
});

const workflow = (url: string, artifacts: string) => `name: pictures
seed: 8
artifact_path: ${JSON.stringify(artifacts)}
model_providers:
  - {name: local, endpoint: ${url}, api_key: ${KEY_VAR}}
model_configs:
  - {alias: painter, model: fake/gpt-image-1, provider: local, inference_parameters: {generation_type: image}}
  - {alias: sketcher, model: fake/flash-image, provider: local, inference_parameters: {generation_type: image}}
  - {alias: writer, model: fake/chat-1, provider: local}
stages:
  - name: draw
    num_records: 3
    config:
      columns:
        - {name: animal, column_type: sampler, sampler_type: category, params: {values: [cat, owl, fox]}}
        - {name: photo, column_type: image, model_alias: painter, prompt: "A photo of a {{ animal }}"}
        - name: sketch
          column_type: image
          model_alias: sketcher
          prompt: "A pencil sketch of this {{ animal }}"
          multi_modal_context: [{modality: image, column_name: photo}]
  - name: describe
    config:
      columns:
        - name: caption
          column_type: llm-text
          model_alias: writer
          prompt: "Describe the {{ animal }} in the picture."
          multi_modal_context: [{column_name: photo}]
`;

describe('image columns', () => {
  it('generate files under the stage directory and feed them to later columns and stages', async () => {
    const dir = await tempDir('ddflow-images-');
    const artifacts = path.join(dir, 'artifacts');
    const file = path.join(dir, 'workflow.yml');
    await fs.writeFile(file, workflow(server.url, artifacts));
    const report = await runWorkflow(await loadWorkflow(file), { log: silentLogger });
    expect(report.final_records).toBe(3);

    const stageDir = path.join(artifacts, 'pictures', 'stage-0-draw');
    const drawn = await readFiles(report.stages[0]!.output_files ?? (await fs.readdir(path.join(stageDir, 'parquet-files'))).map((f) => path.join(stageDir, 'parquet-files', f)));
    for (const row of drawn) {
      const photos = typeof row.photo === 'string' ? JSON.parse(row.photo) : row.photo;
      const sketches = typeof row.sketch === 'string' ? JSON.parse(row.sketch) : row.sketch;
      expect(photos).toEqual([expect.stringMatching(/^images\/photo\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.png$/)]);
      expect(sketches).toEqual([expect.stringMatching(/^images\/sketch\/.+\.png$/)]);
      expect((await fs.readFile(path.join(stageDir, photos[0]))).toString('base64')).toBe(FAKE_PNG_BASE64);
      expect(existsSync(path.join(stageDir, sketches[0]))).toBe(true);
    }

    const sent = generationRequests(server);
    const toImages = sent.filter((q) => q.path === '/v1/images/generations');
    expect(toImages.map((q) => q.body).sort((a, b) => a.prompt.localeCompare(b.prompt))).toEqual(
      drawn.map((r) => ({ model: 'fake/gpt-image-1', prompt: `A photo of a ${r.animal}` })).sort((a, b) => a.prompt.localeCompare(b.prompt)),
    );
    const image = { type: 'image_url', image_url: { url: `data:image/png;base64,${FAKE_PNG_BASE64}` } };
    const sketchCalls = sent.filter((q) => q.body.model === 'fake/flash-image');
    expect(sketchCalls).toHaveLength(3);
    for (const q of sketchCalls) expect(q.body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: expect.stringMatching(/^A pencil sketch of this /) }, image] }]);
    // The next stage reads the upstream's image paths and sends the files.
    const captions = sent.filter((q) => q.body.model === 'fake/chat-1');
    expect(captions).toHaveLength(3);
    for (const q of captions) expect(q.body.messages.at(-1).content).toContainEqual(image);

    // Same seed and record: the same file names after the stage is generated again (answers from the call store).
    const before = drawn.map((r) => r.photo);
    server.resetStats();
    await fs.rm(stageDir, { recursive: true });
    const again = await runWorkflow(await loadWorkflow(file), { log: silentLogger });
    const redrawn = await readFiles((await fs.readdir(path.join(stageDir, 'parquet-files'))).map((f) => path.join(stageDir, 'parquet-files', f)));
    expect(redrawn.map((r) => r.photo)).toEqual(before);
    expect(generationRequests(server)).toHaveLength(0);
    expect(again.final_records).toBe(3);
  });

  it('an image column needs an image model: a located validation sentence', async () => {
    const dir = await tempDir('ddflow-images-bad-');
    const file = path.join(dir, 'workflow.yml');
    await fs.writeFile(file, workflow(server.url, path.join(dir, 'a')).replace('model_alias: painter', 'model_alias: writer'));
    const err = (await loadWorkflow(file).catch((e: unknown) => e)) as { diagnostics?: { message: string; location?: { line: number } }[] };
    expect(err.diagnostics?.map((d) => `${d.location?.line}: ${d.message}`)).toEqual([
      "16: Image column 'photo' uses model alias 'writer', which is not an image-generation model (its inference_parameters need generation_type: image).",
    ]);
  });
});
