/**
 * Judge option key types reach the stage fingerprint: Data Designer's `Score.options: dict[int | str, str]`
 * (packages/data-designer-config/src/data_designer/config/column_configs.py) stores 1 for `1:` and "1"
 * for `'1':`, so a cached stage of one must not be reused for the other.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageFingerprint } from '../../src/workflow/fingerprint.js';
import { loadWorkflow } from '../../src/workflow/load.js';

async function fingerprintOf(options: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ddflow-fpj-'));
  writeFileSync(
    path.join(dir, 'wf.yaml'),
    `name: t\nmodel_configs:\n  - {alias: judge, model: m, provider: nvidia}\nstages:\n  - name: s\n    config:\n      columns:\n        - {name: topic, column_type: sampler, sampler_type: category, params: {values: [a]}}\n        - {name: review, column_type: llm-judge, model_alias: judge, prompt: "{{ topic }}", scores: [{name: q, description: d, options: ${options}}]}\n`,
  );
  const wf = await loadWorkflow('wf.yaml', { cwd: dir });
  const stage = wf.stages[0]!;
  return stageFingerprint({
    config: stage.config,
    modelConfigs: wf.modelConfigs,
    modelProviders: wf.modelProviders,
    seededFromUpstream: false,
    numRecords: 5,
    samplingStrategy: 'ordered',
    selectionStrategy: null,
    outputProcessors: [],
    output: 'final',
    allowEmpty: false,
    seed: 1,
    upstreamFingerprint: null,
  });
}

describe('judge option keys in the fingerprint', () => {
  it('integer and string keys (and their order) give different fingerprints; the same file the same one', async () => {
    const ints = await fingerprintOf('{1: Poor, 2: Good}');
    const strings = await fingerprintOf("{'1': Poor, '2': Good}");
    const reversed = await fingerprintOf("{'2': Good, '1': Poor}");
    expect(ints).not.toBe(strings);
    expect(strings).not.toBe(reversed);
    expect(await fingerprintOf('{1: Poor, 2: Good}')).toBe(ints);
  });
});
