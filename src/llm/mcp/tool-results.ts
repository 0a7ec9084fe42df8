/**
 * What a tool call gives back to the model, as Data Designer builds it (engine/mcp/io.py,
 * `_coerce_tool_result_content`): the text items of an MCP result joined by "\n" — or, when the result
 * holds an image, its items as ordered content blocks with each image as a base64 `image_url` data URI.
 * Also the tool schemas in OpenAI's function-calling shape (engine/mcp/registry.py `to_openai_tool_schema`).
 */
import { LlmError } from '../errors.js';
import type { ImageUrlBlock } from '../multimodal.js';
import { imageFormatOf } from '../images.js';
import { pythonJsonDumps } from '../recipes.js';

export interface TextBlock {
  type: 'text';
  text: string;
}

export type ToolContent = string | Array<TextBlock | ImageUrlBlock>;

/** A tool as an MCP server lists it. */
export interface McpToolDefinition {
  name: string;
  description?: string;
  inputSchema?: Record<string, unknown>;
}

/** The tool offered to the model (OpenAI function calling): an absent schema becomes an empty object schema. */
export function openAIToolSchema(tool: McpToolDefinition): Record<string, unknown> {
  return {
    type: 'function',
    function: { name: tool.name, description: tool.description ?? '', parameters: tool.inputSchema ?? { type: 'object', properties: {} } },
  };
}

type Item = Record<string, unknown>;
const DATA_URI = /^data:(?<mime>[^;,]+)(?:;[^,]*)?,/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function field(item: Item, ...names: string[]): unknown {
  for (const n of names) if (n in item) return item[n];
  return undefined;
}

const isImageMime = (mime: string) => mime.toLowerCase().startsWith('image/');

/** The base64 of a data URI or of bare data, checked as Python's b64decode(validate=True) checks it. */
function base64Payload(data: string): string {
  const comma = data.startsWith('data:') ? data.indexOf(',') : -1;
  const b64 = comma >= 0 ? data.slice(comma + 1) : data;
  if (b64 === '' || b64.length % 4 !== 0 || !BASE64.test(b64)) throw new LlmError('tool_error', 'MCP image content has invalid base64 data.');
  return b64;
}

function hasBase64Image(item: Item): boolean {
  const data = field(item, 'data', 'b64_json', 'base64');
  if (typeof data !== 'string' || !data) return false;
  const mime = field(item, 'mimeType', 'mime_type', 'media_type');
  if (typeof mime === 'string' && mime) return isImageMime(mime);
  const m = DATA_URI.exec(data);
  return m !== null && isImageMime(m.groups!.mime!);
}

function imageBlock(item: Item): ImageUrlBlock {
  const data = field(item, 'data', 'b64_json', 'base64');
  if (typeof data !== 'string' || !data) throw new LlmError('tool_error', 'MCP image content is missing base64 data.');
  let mime = field(item, 'mimeType', 'mime_type', 'media_type');
  if (typeof mime === 'string' && mime) {
    if (!isImageMime(mime)) throw new LlmError('tool_error', `MCP image content must use an image MIME type, got '${mime}'.`);
  } else {
    const m = DATA_URI.exec(data);
    if (m) {
      mime = m.groups!.mime!;
      if (!isImageMime(mime as string)) throw new LlmError('tool_error', `MCP image content data URI must use an image MIME type, got '${mime}'.`);
    } else {
      // No MIME type given: recognised from the bytes, as Data Designer's detect_image_format does.
      let format: string | undefined;
      try {
        format = imageFormatOf(Buffer.from(base64Payload(data), 'base64'));
      } catch {
        format = undefined;
      }
      if (!format) throw new LlmError('tool_error', 'MCP image content is missing a MIME type.');
      mime = `image/${format}`;
    }
  }
  return { type: 'image_url', image_url: { url: `data:${mime as string};base64,${base64Payload(data)}` } };
}

function imageUrlBlock(item: Item): ImageUrlBlock {
  const raw = item.image_url;
  const spec = typeof raw === 'string' ? { url: raw } : raw && typeof raw === 'object' ? (raw as { url?: unknown }) : undefined;
  if (!spec) throw new LlmError('tool_error', 'MCP image_url block must contain an image_url dict or string.');
  const url = spec.url;
  if (typeof url !== 'string' || !url) throw new LlmError('tool_error', 'MCP image_url block must contain a non-empty string URL.');
  if (/^https?:\/\//.test(url)) return { type: 'image_url', image_url: { url } };
  if (url.startsWith('data:')) {
    base64Payload(url);
    return { type: 'image_url', image_url: { url } };
  }
  return imageBlock({ base64: url });
}

function block(item: unknown): TextBlock | ImageUrlBlock {
  if (typeof item === 'string') return { type: 'text', text: item };
  // Python's str() of what is left: None, numbers, booleans.
  if (item === null || item === undefined) return { type: 'text', text: 'None' };
  if (typeof item === 'boolean') return { type: 'text', text: item ? 'True' : 'False' };
  if (typeof item !== 'object') return { type: 'text', text: String(item) };
  const it = item as Item;
  if (it.type === 'image_url') return imageUrlBlock(it);
  if (it.type === 'image' || hasBase64Image(it)) return imageBlock(it);
  if (it.type === 'text') return { type: 'text', text: String(it.text ?? '') };
  // Resources, resource links, audio: Data Designer writes the item's string form; ddflow writes its JSON.
  return { type: 'text', text: pythonJsonDumps(it) };
}

/** The content of a tool message for an MCP `CallToolResult` (or anything a server answered). */
export function toolResultContent(result: unknown): ToolContent {
  const content = result && typeof result === 'object' && 'content' in result ? (result as { content: unknown }).content : result;
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    const blocks = content.map(block);
    if (blocks.some((b) => b.type === 'image_url')) return blocks;
    return blocks.map((b) => (b as TextBlock).text).join('\n');
  }
  const one = block(content);
  return one.type === 'text' ? one.text : [one];
}
