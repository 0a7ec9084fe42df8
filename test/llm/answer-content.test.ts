// What the answer's content is, as Data Designer reads it (engine/models/clients/parsing.py,
// coerce_message_content), and an image link's download (src/llm/images.ts): never a secret in a message.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { messageContent } from '../../src/llm/facade.js';
import { fetchImageAsBase64 } from '../../src/llm/images.js';
import { LlmError } from '../../src/llm/errors.js';

describe('messageContent (coerce_message_content)', () => {
  it('text as is, content blocks as their texts joined by newlines, null for none', () => {
    expect(messageContent('plain')).toBe('plain');
    expect(messageContent([{ type: 'text', text: 'first' }, { type: 'image_url', image_url: {} }, { type: 'text', text: 'second' }])).toBe('first\nsecond');
    expect(messageContent([{ type: 'image_url' }])).toBeNull();
    expect(messageContent(null)).toBeNull();
    expect(messageContent(undefined)).toBeNull();
    expect(messageContent(42)).toBe('42');
  });
});

describe('downloading an image the model linked to', () => {
  async function serve(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
    const server = http.createServer(handler);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
  }

  it('a failure names the link without its query (a signed URL is a secret) and is a retryable loss', async () => {
    const s = await serve((_req, res) => {
      res.statusCode = 503;
      res.end();
    });
    try {
      const err = (await fetchImageAsBase64(`${s.url}/img.png?X-Amz-Signature=sk-SECRET-abcdef123456&key=sk-SECRET-abcdef123456`).then(
        () => undefined,
        (e: unknown) => e,
      )) as LlmError;
      expect(err).toBeInstanceOf(LlmError);
      expect(err.message).toBe(`The image at ${s.url}/img.png could not be downloaded (HTTP 503).`);
      expect(err.kind).toBe('server_error');
      expect(err.retryable).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('a link that never answers times out instead of hanging the stage', async () => {
    const s = await serve(() => {
      // never answers
    });
    try {
      const t0 = Date.now();
      const err = (await fetchImageAsBase64(`${s.url}/slow.png?token=abc`, undefined, 300).then(
        () => undefined,
        (e: unknown) => e,
      )) as LlmError;
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(err).toBeInstanceOf(LlmError);
      expect(err.kind).toBe('timeout');
      expect(err.message).not.toContain('token');
    } finally {
      s.close().catch(() => undefined);
    }
  });
});

describe('a provider that reports no usage', () => {
  it('has its tokens counted as characters ÷ 4, not as 0 (budgets and cost reports rely on them)', async () => {
    const { facadeFor } = await import('./helpers.js');
    const { textRecipe } = await import('../../src/llm/recipes.js');
    const { cellRng } = await import('../../src/shared/random.js');
    const answer = 'x'.repeat(400);
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ id: 'c', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
      const llm = facadeFor({ url } as never);
      const r = await llm.generate({ alias: 'm', prompt: 'p'.repeat(200), recipe: textRecipe(), rng: cellRng(1, 's', 'c', 0), recordKey: 0, column: 'c' });
      expect(r.value).toBe(answer);
      const t = llm.usage.totals();
      expect(t.completionTokens).toBe(100);
      expect(t.promptTokens).toBeGreaterThanOrEqual(50);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
