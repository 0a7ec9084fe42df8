/**
 * The key is removed from provider text before anything is cut, and in every form a fragment of it
 * can take (12+ characters of the key, base64 at any alignment, hex, URL-encoded).
 */
import { APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { classifyError } from '../../src/llm/retry.js';
import { REDACTED, redactAnswer, redactSecret, serverText } from '../../src/llm/redact.js';

const KEY = 'nvapi-Zq8xW2pL0kR7vT4mN9bC3dF6gH1jK5sA+/=';
const ctx = { provider: 'p', model: 'm', keyVariable: 'K', secret: KEY };

function fragments(s: string, n = 12): string[] {
  return Array.from({ length: s.length - n + 1 }, (_, i) => s.slice(i, i + n));
}

describe('redaction', () => {
  it('a key straddling the 200-character cut of an error text leaves no fragment', () => {
    for (const before of [5, 12, 15, 30, KEY.length - 1]) {
      const text = `${'x'.repeat(200 - before)}${KEY} tail`;
      const err = APIError.generate(400, { error: { message: text } }, undefined, new Headers());
      const message = classifyError(err, ctx).message;
      expect(message).toContain(`rejected the request (400): ${'x'.repeat(20)}`);
      for (const f of fragments(KEY)) expect(message, `${before}: ${message}`).not.toContain(f);
    }
  });

  it('removes any fragment of 12+ characters, and only those', () => {
    expect(redactSecret(`a ${KEY.slice(3, 15)} b`, KEY)).toBe(`a ${REDACTED} b`);
    expect(redactSecret(`a ${KEY.slice(3, 14)} b`, KEY)).toBe(`a ${KEY.slice(3, 14)} b`);
    expect(redactSecret(`${KEY}${KEY}`, KEY)).toBe(REDACTED);
    expect(redactSecret(`x${KEY.slice(0, 20)}y${KEY.slice(-13)}z`, KEY)).toBe(`x${REDACTED}y${REDACTED}z`);
  });

  it('removes base64 at every byte alignment (standard and URL-safe), hex and URL-encoded forms', () => {
    for (const prefix of ['', 'u:', 'us:', 'user:']) {
      const b64 = Buffer.from(prefix + KEY).toString('base64');
      const out = redactSecret(`Basic ${b64}`, KEY);
      expect(out, prefix).toContain(REDACTED);
      // What is left is the prefix's own characters and at most a character or two at each edge.
      const rest = out.replace('Basic ', '').split(REDACTED).join('');
      expect(rest.length, prefix).toBeLessThanOrEqual(Math.ceil((4 * prefix.length) / 3) + 4);
      const url = Buffer.from(prefix + KEY).toString('base64url');
      expect(redactSecret(url, KEY), prefix).toContain(REDACTED);
    }
    expect(redactSecret(Buffer.from(KEY).toString('base64'), KEY)).toBe(REDACTED);
    expect(redactSecret(`h=${Buffer.from(KEY).toString('hex')}`, KEY)).toBe(`h=${REDACTED}`);
    expect(redactSecret(`h=${Buffer.from(KEY).toString('hex').toUpperCase()}`, KEY)).toBe(`h=${REDACTED}`);
    expect(redactSecret(`?key=${encodeURIComponent(KEY)}&x=1`, KEY)).toBe(`?key=${REDACTED}&x=1`);
  });

  it('a short key is removed whole from error text; placeholder keys are left in answers', () => {
    expect(redactSecret('bad key abc123', 'abc123')).toBe(`bad key ${REDACTED}`);
    expect(redactAnswer('The EMPTY set', 'EMPTY')).toEqual({ text: 'The EMPTY set', count: 0 });
    expect(redactAnswer(`say ${KEY}`, KEY)).toEqual({ text: `say ${REDACTED}`, count: 1 });
  });

  it('cuts to 200 characters after redacting', () => {
    const long = `${KEY} ${'y'.repeat(400)}`;
    const out = serverText(long, KEY);
    expect(out.startsWith(`${REDACTED} y`)).toBe(true);
    expect(out.length).toBe(201);
  });
});

describe('a key spelled with JSON \\u escapes in an answer', () => {
  it('is removed, the JSON staying the same JSON (quotes, backslashes and escaped backslashes untouched)', () => {
    const escaped = [...KEY].map((c, i) => (i % 3 === 1 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('');
    const answer = `{"note": "the key is ${escaped}", "q": "a \\u0022quoted\\u0022 word", "path": "C:\\\\u0041"}`;
    expect(JSON.parse(answer).note).toBe(`the key is ${KEY}`);
    const r = redactAnswer(answer, KEY);
    expect(r.count).toBeGreaterThan(0);
    const parsed = JSON.parse(r.text);
    expect(JSON.stringify(parsed)).not.toContain(KEY.slice(0, 12));
    expect(parsed.note).toContain(REDACTED);
    // Untouched: an escaped quote stays escaped, and `\\u0041` after an escaped backslash is text.
    expect(parsed.q).toBe('a "quoted" word');
    expect(parsed.path).toBe('C:\\u0041');
    // No escapes, no key: the text comes back as it was.
    expect(redactAnswer('{"a": "\\u00e9t\\u00e9"}', KEY)).toEqual({ text: '{"a": "\\u00e9t\\u00e9"}', count: 0 });
  });
});
