/**
 * Data Designer's third generation type, `image` (packages/data-designer-config/src/data_designer/config/
 * models.py: `GenerationType.IMAGE`, `ImageInferenceParams` with only the common fields; model-specific
 * options in `extra_body`), is accepted at validate; a text or embedding column naming such a model gets a
 * sentence at its `model_alias`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError, type Diagnostic } from '../../src/diagnostics.js';
import { loadWorkflow } from '../../src/workflow/load.js';

async function diagnostics(text: string): Promise<Diagnostic[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ddflow-image-'));
  writeFileSync(path.join(dir, 'wf.yaml'), text);
  try {
    return (await loadWorkflow('wf.yaml', { cwd: dir })).warnings;
  } catch (err) {
    if (err instanceof ValidationError) return err.diagnostics;
    throw err;
  }
}

const workflow = (columns: string, params = '{generation_type: image, max_parallel_requests: 2, timeout: 120, extra_body: {size: 1024x1024}}') => `name: img
model_configs:
  - alias: painter
    model: black-forest-labs/flux.1-schnell
    provider: nvidia
    inference_parameters: ${params}
stages:
  - name: s
    num_records: 2
    config:
      columns:
        - {name: a, column_type: sampler, sampler_type: category, params: {values: [x]}}
${columns}`;

describe('image-generation model configs', () => {
  it('an unused image model config validates', async () => {
    expect(await diagnostics(workflow(''))).toEqual([]);
  });
  it('a chat-only parameter on an image model is an unknown key (ImageInferenceParams has none)', async () => {
    const d = await diagnostics(workflow('', '{generation_type: image, temperature: 0.5}'));
    expect(d.map((x) => x.message)).toEqual(["unknown key 'temperature' in 'inference_parameters' of model config 'painter'"]);
  });
  it('a text or embedding column using an image model gets one sentence each, at its model_alias', async () => {
    const d = await diagnostics(
      workflow(`        - {name: b, column_type: llm-text, model_alias: painter, prompt: "{{ a }}"}
        - {name: c, column_type: embedding, model_alias: painter, target_column: b}
`),
    );
    expect(d.map((x) => [x.message, x.location?.line])).toEqual([
      ["Column 'b' uses model alias 'painter', which is an image-generation model (generation_type: image); LLM columns need a chat-completion model.", 13],
      ["Embedding column 'c' uses model alias 'painter', which is not an embedding model (its inference_parameters need generation_type: embedding).", 14],
    ]);
  });
});
