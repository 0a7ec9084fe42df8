import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cellRng } from '../../src/shared/random.js';
import { CallCache, callKey } from '../../src/llm/call-cache.js';
import { codeRecipe, textRecipe } from '../../src/llm/recipes.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { facadeFor, SECRET } from './helpers.js';

let server: FakeOpenAI | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ddflow-callcache-'));
  dirs.push(d);
  return d;
}

const params = { temperature: { distribution_type: 'uniform' as const, params: { low: 0.1, high: 1.0 } } };

async function runStage(dir: string, prompts: string[], enabled = true) {
  const cache = CallCache.open(dir, { enabled });
  const llm = facadeFor(server!, params, { callCache: cache });
  const values = await Promise.all(
    prompts.map((p, i) => llm.generate({ alias: 'm', prompt: p, systemPrompt: 'sys', recipe: textRecipe(), rng: cellRng(5, 'stage', 'col', i), recordKey: i, column: 'col' })),
  );
  cache.close();
  return { values: values.map((v) => v.value), cache, llm };
}

describe('per-call response cache', () => {
  it('answers a re-run from the store with zero HTTP calls; an edited prompt misses only for itself', async () => {
    server = await startFakeOpenAI({ seed: 3 });
    const dir = tmp();
    const prompts = Array.from({ length: 20 }, (_, i) => `Summarize passage ${i}`);
    const first = await runStage(dir, prompts);
    expect(server.stats.chat).toBe(20);
    expect(first.cache.stats).toMatchObject({ misses: 20, hits: 0, writes: 20 });
    // One compact segment, not one file per call; no secret in it.
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    const text = fs.readFileSync(path.join(dir, files[0]!), 'utf8');
    expect(text.trim().split('\n')).toHaveLength(20);
    expect(text).not.toContain(SECRET);

    const second = await runStage(dir, prompts);
    expect(server.stats.chat).toBe(20);
    expect(second.values).toEqual(first.values);
    expect(second.cache.stats).toMatchObject({ hits: 20, misses: 0, writes: 0 });
    expect(second.llm.usage.totals()).toMatchObject({ calls: 20, cachedCalls: 20, promptTokens: 0 });

    const edited = [...prompts];
    edited[7] = 'Summarize passage seven, briefly';
    const third = await runStage(dir, edited);
    expect(server.stats.chat).toBe(21);
    expect(third.cache.stats).toMatchObject({ hits: 19, misses: 1 });
    expect(third.values[7]).toBe('Answer to: Summarize passage seven, briefly');
    expect(server.requests.at(-1)!.body.messages[1].content[0].text).toBe('Summarize passage seven, briefly');
  });

  it('two columns (or stages) sending the same request for a record are two samples, not one stored answer', async () => {
    // Data Designer calls the model once per cell: `answer_a` and `answer_b` with the same prompt and a
    // fixed temperature are independent samples. The store keys on the stage and the column too.
    let n = 0;
    server = await startFakeOpenAI({ respond: () => `sample ${n++}` });
    const dir = tmp();
    const cache = CallCache.open(dir);
    const ask = (stage: string, column: string) =>
      facadeFor(server!, { temperature: 1 }, { callCache: cache, stage }).generate({ alias: 'm', prompt: 'Same prompt', recipe: textRecipe(), rng: cellRng(1, stage, column, 0), recordKey: 0, column });
    const answers = [await ask('s1', 'answer_a'), await ask('s1', 'answer_b'), await ask('s2', 'answer_a')].map((r) => r.value);
    expect(server.stats.chat).toBe(3);
    expect(new Set(answers).size).toBe(3);
    // The same cell asked again is still answered from the store.
    expect((await ask('s1', 'answer_b')).value).toBe(answers[1]);
    expect(server.stats.chat).toBe(3);
    cache.close();
  });

  it('replays restarts from the store too (the attempt is part of the key)', async () => {
    let n = 0;
    server = await startFakeOpenAI({ respond: () => (n++ % 2 === 0 ? 'no code' : undefined) });
    const dir = tmp();
    const go = async () => {
      const cache = CallCache.open(dir);
      const r = await facadeFor(server!, params, { callCache: cache }).generate({ alias: 'm', prompt: 'code', recipe: codeRecipe('python'), rng: cellRng(1, 's', 'c', 0), recordKey: 0 });
      cache.close();
      return r;
    };
    const a = await go();
    expect(a).toMatchObject({ calls: 2, restarts: 1, cacheHits: 0 });
    const b = await go();
    expect(b).toMatchObject({ value: a.value, calls: 2, restarts: 1, cacheHits: 2 });
    expect(server.stats.chat).toBe(2);
  });

  it('ignores a torn last line and can be turned off', async () => {
    server = await startFakeOpenAI();
    const dir = tmp();
    await runStage(dir, ['a', 'b']);
    const seg = path.join(dir, fs.readdirSync(dir)[0]!);
    fs.appendFileSync(seg, '{"k":"abc","v":{"content":"tor');
    const reopened = CallCache.open(dir);
    expect(reopened.stats.entries).toBe(2);
    await runStage(dir, ['a', 'b']);
    expect(server.stats.chat).toBe(2);
    const off = await runStage(dir, ['a', 'b'], false);
    expect(server.stats.chat).toBe(4);
    expect(off.cache.stats.writes).toBe(0);
    expect(fs.readdirSync(dir)).toHaveLength(1);
  });

  it('keys on endpoint, model, body, stage and column, record and attempt — not on key order', () => {
    const base = { identity: 'http://x/v1|m', body: { model: 'm', temperature: 0.5, messages: [] }, cell: '["s","a"]', recordKey: 1, attempt: 0 };
    const k = callKey(base);
    expect(callKey({ ...base, body: { messages: [], temperature: 0.5, model: 'm' } })).toBe(k);
    expect(callKey({ ...base, identity: 'http://y/v1|m' })).not.toBe(k);
    expect(callKey({ ...base, body: { ...base.body, temperature: 0.6 } })).not.toBe(k);
    expect(callKey({ ...base, recordKey: 2 })).not.toBe(k);
    expect(callKey({ ...base, attempt: 1 })).not.toBe(k);
    expect(callKey({ ...base, cell: '["s","b"]' })).not.toBe(k);
  });
});
