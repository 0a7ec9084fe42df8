/** multi_modal_context at validate time: images only, the referenced column is a dependency, no "same prompt" warning. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError, type Diagnostic } from '../../src/diagnostics.js';
import { columnDependencies } from '../../src/config/rules/graph.js';
import { loadWorkflow } from '../../src/workflow/load.js';

async function diagnostics(yaml: string): Promise<Diagnostic[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ddflow-mm-'));
  writeFileSync(path.join(dir, 'wf.yaml'), yaml);
  try {
    return (await loadWorkflow('wf.yaml', { cwd: dir })).warnings;
  } catch (err) {
    if (err instanceof ValidationError) return err.diagnostics;
    throw err;
  }
}

const workflow = (context: string, prompt = 'Describe the picture.') => `name: t
model_configs:
  - {alias: eyes, model: m, provider: nvidia}
stages:
  - name: s
    config:
      columns:
        - {name: picture, column_type: sampler, sampler_type: category, params: {values: ["https://example.test/a.png"]}}
        - name: caption
          column_type: llm-text
          model_alias: eyes
          prompt: "${prompt}"
          multi_modal_context:
${context}`;

describe('multi_modal_context validation', () => {
  it('an image context: valid, and a prompt without references gives no warning', async () => {
    const d = await diagnostics(workflow('            - {modality: image, column_name: picture, data_type: url}'));
    expect(d.filter((x) => x.severity === 'error')).toEqual([]);
    expect(d.map((x) => x.message).join('\n')).not.toMatch(/does not reference any columns/);
  });

  it('the same prompt without the context does warn', async () => {
    const d = await diagnostics(workflow('').replace(/\n\s*multi_modal_context:\n$/, '\n'));
    expect(d.some((x) => /The prompt template for 'caption' does not reference any columns/.test(x.message))).toBe(true);
  });

  it.each(['audio', 'video'])('modality %s is an error at validate time', async (modality) => {
    const d = await diagnostics(workflow(`            - {modality: ${modality}, column_name: picture}`));
    const errors = d.filter((x) => x.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain(`multi_modal_context of column 'caption': modality '${modality}' is not supported by ddflow`);
  });

  it('a context naming a missing column is an invalid reference', async () => {
    const d = await diagnostics(workflow('            - {column_name: photo}'));
    expect(d.some((x) => x.severity === 'error' && x.message.includes("references a column that does not exist: 'photo'"))).toBe(true);
  });

  it('the context column is a dependency of the LLM column', () => {
    const deps = columnDependencies({ name: 'c', column_type: 'llm-text', model_alias: 'a', prompt: 'x', multi_modal_context: [{ column_name: 'img' }] } as never);
    expect([...deps]).toEqual(['img']);
  });
});
