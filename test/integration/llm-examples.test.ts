/**
 * The LLM examples run end to end against the fake server: each example directory is copied, and the
 * built-in providers it uses (nvidia, openai) are pointed at the fake by adding a `model_providers`
 * entry of the same name — the same merge-by-name a user relies on to use a local server.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { generationRequests, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { tempDir } from '../workflow/helpers.js';
import { KEY_VAR, SECRET } from './llm-helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ seed: 17 });
});
afterAll(async () => {
  await server.close();
});

async function runExample(name: string): Promise<{ rows: any[]; stderr: string }> {
  const work = await tempDir(`ddflow-ex-${name}-`);
  const dir = path.join(work, name);
  await fs.cp(path.join(ROOT, 'examples', name), dir, { recursive: true });
  const file = path.join(dir, 'workflow.yml');
  const text = await fs.readFile(file, 'utf8');
  expect(text).not.toMatch(/^model_providers:/m);
  const providers = ['nvidia', 'openai'].map((p) => `  - {name: ${p}, endpoint: ${server.url}, api_key: ${KEY_VAR}}`).join('\n');
  await fs.writeFile(file, text.replace(/^(name: .*)$/m, `$1\nmodel_providers:\n${providers}`));
  const out = path.join(work, 'out.jsonl');
  let stderr = '';
  const code = await main(['run', file, '--artifact-path', path.join(work, 'artifacts'), '--export', out], {
    cwd: work,
    env: { ...process.env, CI: 'true', [KEY_VAR]: SECRET },
    stdout: () => {},
    stderr: (t) => void (stderr += t),
  });
  expect(code, stderr).toBe(0);
  const rows = (await fs.readFile(out, 'utf8')).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return { rows, stderr };
}

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

describe('LLM examples', () => {
  it('doc-qa: passages -> summary, question, answer -> chat messages, exported as jsonl', async () => {
    server.resetStats();
    const { rows } = await runExample('doc-qa');
    expect(rows).toHaveLength(6);
    // 18 generation calls plus the health check of the one model.
    expect(generationRequests(server)).toHaveLength(18);
    expect(server.stats.chat).toBe(18 + 1);
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual(['messages', 'source']);
      expect(r.source).toMatch(/^handbook-0\d$/);
      const messages = parse(r.messages);
      expect(messages.map((m: any) => m.role)).toEqual(['user', 'assistant']);
      expect(messages[1].content).toMatch(/^Answer to: Answer the question using only/);
    }
    // The system prompt was sent with every summary request.
    expect(generationRequests(server).filter((q) => q.body.messages[0].role === 'system')).toHaveLength(6);
  });

  it('images: a diffusion model draws files, a vision model reads them back in the next stage', async () => {
    server.resetStats();
    const { rows } = await runExample('images');
    expect(rows).toHaveLength(4);
    const sent = generationRequests(server);
    expect(sent.filter((q) => q.path === '/v1/images/generations')).toHaveLength(4);
    const described = sent.filter((q) => q.body.model === 'gpt-4.1-mini');
    expect(described).toHaveLength(4);
    for (const q of described) expect(JSON.stringify(q.body.messages)).toContain('data:image/png;base64,');
    for (const r of rows) {
      expect(parse(r.photo)).toEqual([expect.stringMatching(/^images\/photo\/[0-9a-f-]{36}\.png$/)]);
      expect(r.alt).toMatch(/^Answer to: Write one sentence of alt text/);
    }
  });

  it('judge: generate, judge on two rubrics, keep the replies that score 2 or more', async () => {
    server.resetStats();
    const { rows } = await runExample('judge');
    // 60 generation calls plus the health checks of the two models (writer and judge).
    expect(generationRequests(server)).toHaveLength(60);
    expect(server.stats.chat).toBe(60 + 2);
    expect(rows.length).toBeLessThan(20);
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual(['customer_question', 'helpfulness', 'product', 'reply', 'tone']);
      expect(r.helpfulness).toBeGreaterThanOrEqual(2);
      expect(r.tone).toBeGreaterThanOrEqual(2);
    }
  });

  it('text-to-sql: llm-code sql and llm-structured metadata', async () => {
    server.resetStats();
    const { rows } = await runExample('text-to-sql');
    expect(rows).toHaveLength(25);
    for (const r of rows) {
      expect(r.sql).toBe('SELECT 1 AS answer;');
      expect(r.schema_ddl).toBe('SELECT 1 AS answer;');
      const meta = parse(r.sql_metadata);
      expect(Object.keys(meta).sort()).toEqual(['difficulty', 'tables', 'uses_aggregation', 'uses_join']);
      expect(['easy', 'medium', 'hard']).toContain(meta.difficulty);
    }
  });
});
