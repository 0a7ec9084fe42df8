/** Shard arithmetic and names (src/workflow/shard.ts), and what the Action does with them (src/action/shard-job.ts). */
import { describe, expect, it } from 'vitest';
import { MAX_SHARDS, parseShard, shardCacheKey, shardCachePrefix, shardMatrix, shardOfKey, shardRange } from '../../src/workflow/shard.js';
import { stageCacheKey, partialStageCachePrefix } from '../../src/workflow/cache-keys.js';
import { shardSaveDelayMs, SHARD_SAVES_PER_MINUTE } from '../../src/action/shard-job.js';
import { inputsFrom } from '../../src/action/inputs.js';

describe('shardRange', () => {
  it('cuts the row groups into N contiguous balanced blocks that cover every record exactly once', () => {
    for (const [records, buffer] of [
      [22, 4],
      [1000, 7],
      [5, 1],
      [257, 1],
    ] as const) {
      const groups = Math.ceil(records / buffer);
      for (const n of [1, 2, 3, Math.min(groups, 256)]) {
        const blocks = Array.from({ length: n }, (_, i) => shardRange('s', records, buffer, i + 1, n));
        expect(blocks[0]!.firstRecord).toBe(0);
        expect(blocks.at(-1)!.endRecord).toBe(records);
        for (let i = 1; i < n; i++) expect(blocks[i]!.firstRecord).toBe(blocks[i - 1]!.endRecord);
        for (const b of blocks) {
          expect(b.firstRecord % buffer).toBe(0); // on the row-group grid
          expect(b.endGroup - b.firstGroup).toBeGreaterThanOrEqual(Math.floor(groups / n));
          expect(b.endGroup - b.firstGroup).toBeLessThanOrEqual(Math.ceil(groups / n));
        }
      }
    }
  });

  it('refuses more shards than row groups with one sentence saying how many fit', () => {
    expect(() => shardRange('answers', 10, 4, 1, 4)).toThrow("Stage 'answers' cannot be split into 4 shards: its 10 records make 3 row groups of buffer_size 4, and a shard is at least one row group (use at most 3 shards, or a smaller run_config.buffer_size).");
  });
});

describe('parseShard and the matrix', () => {
  it('accepts i/N with 1 <= i <= N <= 256 and names what is wrong otherwise', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(parseShard('256/256')).toEqual({ index: 256, count: 256 });
    expect(parseShard('1/257')).toBe("needs a shard count of at most 256 (GitHub's limit of jobs per matrix), not 257");
    expect(parseShard('0/3')).toBe('must name a shard from 1 to 3, not 0');
    expect(parseShard('4/3')).toBe('must name a shard from 1 to 3, not 4');
    expect(parseShard('two')).toBe("must look like i/N (for example 2/8), not 'two'");
  });

  it('prints GitHub matrix JSON with one include per shard', () => {
    expect(JSON.stringify(shardMatrix(3))).toBe('{"include":[{"shard":"1/3"},{"shard":"2/3"},{"shard":"3/3"}]}');
    expect(shardMatrix(MAX_SHARDS).include).toHaveLength(256);
  });
});

describe('shard cache keys', () => {
  it('never begin with a stage key or a partial-stage prefix, and give back i and N', () => {
    const fp = 'a'.repeat(64);
    const key = shardCacheKey('ddflow', 'wf', 'answers', fp, 3, 8);
    expect(key.startsWith(stageCacheKey('ddflow', 'wf', 'answers', fp))).toBe(false);
    expect(key.startsWith(partialStageCachePrefix('ddflow', 'wf', 'answers', fp))).toBe(false);
    expect(key.startsWith(shardCachePrefix('ddflow', 'wf', 'answers', fp))).toBe(true);
    expect(shardOfKey(key)).toEqual({ index: 3, count: 8 });
  });
});

describe('a 256-shard matrix and the cache upload limit (200 a minute)', () => {
  it('holds back the saves of shards beyond the first 150 by a minute per 150', () => {
    const perMinute = new Map<number, number>();
    for (let i = 1; i <= 256; i++) perMinute.set(shardSaveDelayMs(i), (perMinute.get(shardSaveDelayMs(i)) ?? 0) + 1);
    for (const n of perMinute.values()) expect(n).toBeLessThanOrEqual(SHARD_SAVES_PER_MINUTE);
    expect(SHARD_SAVES_PER_MINUTE).toBeLessThan(200);
    expect(shardSaveDelayMs(1)).toBe(0);
    expect(shardSaveDelayMs(151)).toBe(60_000);
  });
});

describe('Action inputs stage, shard, from', () => {
  it('read a shard run and a merge', () => {
    expect(inputsFrom({ workflow: 'w.yml', stage: 'answers', shard: '2/3' })).toMatchObject({ command: 'run', stage: 'answers', shard: { index: 2, count: 3 } });
    expect(inputsFrom({ workflow: 'w.yml', command: 'merge', stage: 'answers', from: 'shards' })).toMatchObject({ command: 'merge', stage: 'answers', from: 'shards' });
  });

  it.each([
    [{ shard: '2/3' }, 'The input "stage" is required with shard: name the stage to generate a shard of.'],
    [{ stage: 'answers', shard: '3' }, "The input \"shard\" must look like i/N (for example 2/8), not '3'."],
    [{ stage: 'answers', shard: '1/300' }, 'The input "shard" needs a shard count of at most 256 (GitHub\'s limit of jobs per matrix), not 300.'],
    [{ command: 'merge' }, 'The input "stage" is required with command merge: name the sharded stage.'],
    [{ command: 'plan', stage: 'answers', shard: '1/2' }, 'The input "shard" is for command run, not plan.'],
    [{ stage: 'answers' }, 'The input "stage" needs shard (i/N) with command run.'],
    [{ from: 'x' }, 'The input "from" is for command merge, not run.'],
    [{ stage: 'answers', shard: '1/2', targets: 'a' }, 'The input "targets" cannot be combined with shard, which stops at the stage.'],
    [{ stage: 'answers', shard: '1/2', batch: 'true', cache: 'true' }, 'The input "batch" cannot be combined with shard yet: a shard job must finish its block in one run, and a batch round ends pending.'],
  ])('refuse %j with one sentence', (values, message) => {
    expect(() => inputsFrom({ workflow: 'w.yml', ...values })).toThrow(message);
  });
});
