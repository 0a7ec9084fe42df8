/**
 * examples/anthropic runs against the fake server's Messages API: every request goes to /v1/messages
 * with x-api-key, the system prompt as top-level `system`, and the judge's scores parsed as for any
 * provider.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { generationRequests, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { tempDir } from '../workflow/helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KEY = 'sk-ant-test-0123456789abcdef';

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ seed: 23 });
});
afterAll(async () => {
  await server.close();
});

describe('examples/anthropic', () => {
  it('runs Claude as writer and judge through the Messages API', async () => {
    const work = await tempDir('ddflow-ex-anthropic-');
    const dir = path.join(work, 'anthropic');
    await fs.cp(path.join(ROOT, 'examples/anthropic'), dir, { recursive: true });
    const file = path.join(dir, 'workflow.yml');
    const text = await fs.readFile(file, 'utf8');
    expect(text).toContain('endpoint: https://api.anthropic.com/v1');
    await fs.writeFile(file, text.replace('endpoint: https://api.anthropic.com/v1', `endpoint: ${server.url}`));
    const out = path.join(work, 'faq.jsonl');
    let stderr = '';
    let stdout = '';
    const code = await main(['run', file, '--artifact-path', path.join(work, 'artifacts'), '--export', out], {
      cwd: work,
      env: { ...process.env, CI: 'true', ANTHROPIC_API_KEY: KEY },
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
    });
    expect(code, stderr).toBe(0);
    expect(stdout + stderr).not.toContain(KEY);
    const rows = (await fs.readFile(out, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(8);
    for (const r of rows) {
      expect(r.answer).toMatch(/^Answer to: Answer in two sentences: /);
      const quality = typeof r.quality === 'string' ? JSON.parse(r.quality) : r.quality;
      expect(['1', '2', '3']).toContain(String(quality.accuracy.score));
    }
    const sent = generationRequests(server);
    expect(sent).toHaveLength(24);
    for (const q of sent) {
      expect(q.path).toBe('/v1/messages');
      expect(q.headers['x-api-key']).toBe(KEY);
      expect(q.body.max_tokens).toBeGreaterThan(0);
      expect(q.body.messages.every((m: { role: string }) => m.role !== 'system')).toBe(true);
    }
    expect(sent.filter((q) => q.body.system === 'You are a concise, accurate outdoor-gear expert.')).toHaveLength(8);
  });
});
