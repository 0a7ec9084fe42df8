/** multi_modal_context at validate time: image, audio and video contexts, their format fields, the referenced column is a dependency, no "same prompt" warning. */
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

  it.each([
    ['audio', 'url', ''],
    ['audio', 'base64', ', audio_format: wav'],
    ['video', null, ', video_format: webm'],
  ])('a %s context (data_type %s) is valid', async (modality, dataType, format) => {
    const d = await diagnostics(workflow(`            - {modality: ${modality}, column_name: picture, data_type: ${dataType}${format}}`));
    expect(d.filter((x) => x.severity === 'error')).toEqual([]);
  });

  // packages/data-designer-config/tests/config/test_models.py: test_audio_context_validate_audio_format / test_video_context_validate_video_format
  it.each(['audio', 'video'])('base64 %s without its format: Data Designer\'s ValueError, located', async (modality) => {
    const d = await diagnostics(workflow(`            - {modality: ${modality}, column_name: picture, data_type: base64}`));
    const errors = d.filter((x) => x.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe(`multi_modal_context of column 'caption': ${modality}_format is required when data_type is base64.`);
    expect(errors[0]!.location?.line).toBe(14);
  });

  it('a format outside Data Designer\'s AudioFormat, and a format field of another modality, are errors', async () => {
    const bad = await diagnostics(workflow('            - {modality: audio, column_name: picture, audio_format: flac}'));
    expect(bad.filter((x) => x.severity === 'error').map((x) => x.message).join('\n')).toMatch(/audio_format/);
    const other = await diagnostics(workflow('            - {modality: video, column_name: picture, audio_format: mp3}'));
    expect(other.filter((x) => x.severity === 'error').map((x) => x.message)).toEqual(["multi_modal_context of column 'caption': audio_format is not a field of a video context (use video_format)."]);
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
