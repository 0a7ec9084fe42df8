/**
 * How a tool's result becomes the content of a tool message: Data Designer's vectors from
 * packages/data-designer-engine/tests/engine/mcp/test_mcp_io.py (`_coerce_tool_result_content`), re-expressed.
 */
import { describe, expect, it } from 'vitest';
import { LlmError } from '../../src/llm/errors.js';
import { openAIToolSchema, toolResultContent } from '../../src/llm/mcp/tool-results.js';

const img = (url: string) => ({ type: 'image_url', image_url: { url } });

describe('toolResultContent (test_mcp_io.py)', () => {
  it.each([
    ['none', { content: null }, ''],
    ['string', { content: 'Hello, world!' }, 'Hello, world!'],
    ['dict', { content: { key: 'value' } }, '{"key": "value"}'],
    ['list of strings', { content: ['line1', 'line2', 'line3'] }, 'line1\nline2\nline3'],
    ['list of text items', { content: [{ type: 'text', text: 'First' }, { type: 'text', text: 'Second' }] }, 'First\nSecond'],
    ['list of non-text dicts', { content: [{ type: 'data', value: 1 }] }, '{"type": "data", "value": 1}'],
    ['list with None', { content: [null] }, 'None'],
    ['bare text object', { type: 'text', text: 'Object text' }, 'Object text'],
    ['fallback to str', { content: 12345 }, '12345'],
    ['non-image resource payload', { content: { type: 'resource', data: 'eyJrZXkiOiAidmFsdWUifQ==', mimeType: 'application/json' } }, '{"type": "resource", "data": "eyJrZXkiOiAidmFsdWUifQ==", "mimeType": "application/json"}'],
    ['non-image base64 payload', { content: [{ base64: 'JVBERi0xLjQ=', media_type: 'application/pdf' }] }, '{"base64": "JVBERi0xLjQ=", "media_type": "application/pdf"}'],
  ])('%s', (_name, result, expected) => {
    expect(toolResultContent(result)).toBe(expected);
  });

  it.each([
    ['image dict', [{ type: 'image', data: 'iVBORw0KGgo=', mimeType: 'image/png' }], [img('data:image/png;base64,iVBORw0KGgo=')]],
    ['b64_json dict', [{ b64_json: 'iVBORw0KGgo=', mime_type: 'image/png' }], [img('data:image/png;base64,iVBORw0KGgo=')]],
    ['base64 with media_type', [{ base64: 'YWJjMTIz', media_type: 'image/webp' }], [img('data:image/webp;base64,YWJjMTIz')]],
    ['data URI not double-prefixed', [{ type: 'image', data: 'data:image/png;base64,iVBORw0KGgo=' }], [img('data:image/png;base64,iVBORw0KGgo=')]],
    ['canonical image_url kept', [{ type: 'text', text: 'before' }, img('data:image/png;base64,iVBORw0KGgo=')], [{ type: 'text', text: 'before' }, img('data:image/png;base64,iVBORw0KGgo=')]],
    ['image_url string shorthand', [{ type: 'image_url', image_url: 'data:image/png;base64,iVBORw0KGgo=' }], [img('data:image/png;base64,iVBORw0KGgo=')]],
    ['image_url raw base64 (format from the bytes)', [{ type: 'image_url', image_url: { url: 'iVBORw0KGgo=' } }], [img('data:image/png;base64,iVBORw0KGgo=')]],
    [
      'mixed text and images keep their order',
      [{ type: 'text', text: 'before' }, { type: 'image', data: 'YWJjMTIz', mimeType: 'image/jpeg' }, { type: 'text', text: 'after' }, { type: 'image', data: 'ZGVmNDU2', mime_type: 'image/webp' }],
      [{ type: 'text', text: 'before' }, img('data:image/jpeg;base64,YWJjMTIz'), { type: 'text', text: 'after' }, img('data:image/webp;base64,ZGVmNDU2')],
    ],
  ])('%s', (_name, content, expected) => {
    expect(toolResultContent({ content })).toEqual(expected);
  });

  it('a bare image object is one image block', () => {
    expect(toolResultContent({ type: 'image', data: 'iVBORw0KGgo=', mimeType: 'image/png' })).toEqual([img('data:image/png;base64,iVBORw0KGgo=')]);
  });

  it.each([
    ['missing image_url', [{ type: 'image_url', image_url: null }], /image_url block/],
    ['non-dict image_url', [{ type: 'image_url', image_url: 123 }], /image_url block/],
    ['missing url', [{ type: 'image_url', image_url: {} }], /image_url block/],
    ['non-string url', [{ type: 'image_url', image_url: { url: 123 } }], /image_url block/],
    ['invalid base64 data URI', [{ type: 'image_url', image_url: { url: 'data:image/png;base64,not-base64!!!' } }], /invalid base64/],
    ['image without a MIME type', [{ type: 'image', data: 'abc123' }], /missing a MIME type/],
    ['image with invalid base64', [{ type: 'image', data: 'not-base64!!!', mimeType: 'image/png' }], /invalid base64/],
    ['image with a non-image MIME type', [{ type: 'image', data: 'iVBORw0KGgo=', mimeType: 'text/plain' }], /must use an image MIME type/],
  ])('refuses %s (MCPToolError)', (_name, content, message) => {
    let err: unknown;
    try {
      toolResultContent({ content });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LlmError);
    expect((err as LlmError).kind).toBe('tool_error');
    expect((err as LlmError).message).toMatch(message);
  });
});

describe('openAIToolSchema (engine/mcp/registry.py to_openai_tool_schema)', () => {
  it('wraps a tool as a function; no schema becomes an empty object schema, no description an empty one', () => {
    expect(openAIToolSchema({ name: 'lookup', description: 'Look up.', inputSchema: { type: 'object', properties: { q: { type: 'string' } } } })).toEqual({
      type: 'function',
      function: { name: 'lookup', description: 'Look up.', parameters: { type: 'object', properties: { q: { type: 'string' } } } },
    });
    expect(openAIToolSchema({ name: 'ping' })).toEqual({ type: 'function', function: { name: 'ping', description: '', parameters: { type: 'object', properties: {} } } });
  });
});
