// Stage column statistics: which columns are reported, and the approximate token statistics of LLM
// columns (ceil(chars / 4) standing in for tiktoken cl100k).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStage } from '../../src/engine/create.js';
import { approxTokens, summarize } from '../../src/engine/statistics.js';
import type { ModelRuntimeLike } from '../../src/engine/types.js';
import { stageInput } from './helpers.js';

/** An in-process model runtime: the reply is the letter "x" repeated by the prompt's length. */
const echoModels: ModelRuntimeLike = {
  async generate(req) {
    const text = 'x'.repeat(req.prompt.length * 2);
    return { value: text as never, raw: text, usage: { prompt: 0, completion: 0 }, calls: 1, corrections: 0, restarts: 0 } as never;
  },
  async embed() {
    throw new Error('unused');
  },
};

describe('token statistics', () => {
  it('approxTokens and summarize', () => {
    expect([0, 1, 4, 5].map((n) => approxTokens('a'.repeat(n)))).toEqual([0, 1, 1, 2]);
    expect(summarize([1, 2, 3, 4])).toEqual({ mean: 2.5, median: 2.5, stddev: Math.sqrt(5 / 3) });
    expect(summarize([7])).toEqual({ mean: 7, median: 7, stddev: 0 });
  });

  it('LLM columns report input/output token mean, median, stddev; seed/dropped columns are not reported', async () => {
    const input = stageInput(
      {
        columns: [
          { name: 'w', column_type: 'sampler', sampler_type: 'category', params: { values: ['aaaa', 'aaaaaaaaaaaa'] } },
          { name: 'hidden', column_type: 'sampler', sampler_type: 'uuid', params: {}, drop: true },
          { name: 'reply', column_type: 'llm-text', model_alias: 'm', prompt: 'Say {{ w }}' },
        ],
      },
      { numRecords: 20, models: echoModels },
    );
    await runStage(input);
    const meta = JSON.parse(readFileSync(path.join(input.stageDir, 'metadata.json'), 'utf8'));
    expect(meta.column_statistics.map((s: { column_name: string }) => s.column_name)).toEqual(['w', 'reply']);
    const reply = meta.column_statistics[1];
    // Prompts are "Say aaaa" (8 chars → 2 tokens) or "Say aaaaaaaaaaaa" (16 → 4); replies twice as long.
    const shortCount = (await import('./helpers.js')).readParquet;
    const rows = await shortCount(meta.file_paths['parquet-files'].map((f: string) => path.join(input.stageDir, f)));
    const inputs = rows.map((r) => (String(r.w).length === 4 ? 2 : 4));
    const outputs = rows.map((r) => (String(r.w).length === 4 ? 4 : 8));
    const round = (n: number) => Number(n.toFixed(2));
    const exp = (p: string, v: number[]) => {
      const s = summarize(v);
      return { [`${p}_mean`]: round(s.mean), [`${p}_median`]: round(s.median), [`${p}_stddev`]: round(s.stddev) };
    };
    expect(reply).toMatchObject({ column_type: 'llm-text', ...exp('input_tokens', inputs), ...exp('output_tokens', outputs) });
  });

  it('a prompt that no longer renders over the final dataset reports "--"', async () => {
    const input = stageInput(
      {
        columns: [
          { name: 'w', column_type: 'sampler', sampler_type: 'uuid', params: {}, drop: true },
          { name: 'reply', column_type: 'llm-text', model_alias: 'm', prompt: 'Say {{ w }}' },
        ],
      },
      { numRecords: 5, models: echoModels },
    );
    await runStage(input);
    const meta = JSON.parse(readFileSync(path.join(input.stageDir, 'metadata.json'), 'utf8'));
    expect(meta.column_statistics[0]).toMatchObject({ column_name: 'reply', input_tokens_mean: '--', input_tokens_stddev: '--' });
    expect(typeof meta.column_statistics[0].output_tokens_median).toBe('number');
  });
});
