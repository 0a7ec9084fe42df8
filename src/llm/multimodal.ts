/**
 * `multi_modal_context` of LLM columns (Data Designer §2.3): images from other columns of the row, sent
 * as `image_url` blocks before the prompt's text block in the user message (Data Designer's prompt_to_messages). A URL (http(s):// or an
 * existing data: URI) is sent as it is; base64 data becomes a data URI. Only images: audio and video
 * contexts are rejected when the config is validated.
 */
import { DdflowError } from '../diagnostics.js';
import { cellItems } from './list-values.js';

export interface ImageUrlBlock {
  type: 'image_url';
  image_url: { url: string };
}

/** One entry of `multi_modal_context` (the fields read here). */
export interface ImageContextLike {
  modality?: string | null;
  column_name: string;
  data_type?: 'url' | 'base64' | null;
  image_format?: string | null;
}

const URL_LIKE = /^(https?:\/\/|data:)/i;

/** Media subtypes for the names Data Designer's ImageFormat uses (`jpg` is not a MIME subtype). */
const MIME_SUBTYPE: Record<string, string> = { jpg: 'jpeg', jpeg: 'jpeg', png: 'png', gif: 'gif', webp: 'webp' };

/** The format of base64 image data from its first bytes, when it is one of the common ones. */
function sniffFormat(base64: string): string | undefined {
  if (base64.startsWith('iVBORw0KGgo')) return 'png';
  if (base64.startsWith('/9j/')) return 'jpeg';
  if (base64.startsWith('R0lGOD')) return 'gif';
  if (base64.startsWith('UklGR')) return 'webp';
  return undefined;
}

/**
 * The images one cell holds: a list (a JSON array, or a string holding one) gives one image per item;
 * null and empty strings give none (that row's prompt goes without an image).
 */
export function imageItems(value: unknown): string[] {
  const items = cellItems(value);
  const out: string[] = [];
  for (const item of items) {
    if (item === null || item === undefined) continue;
    // A `{url: ...}` object (as an image_url block holds it) is taken as its url.
    const text = typeof item === 'object' && typeof (item as { url?: unknown }).url === 'string' ? (item as { url: string }).url : String(item);
    if (text.trim() !== '') out.push(text.trim());
  }
  return out;
}

/** The URL sent for one image, by `data_type` (null: inferred from the value). */
export function imageUrl(item: string, context: Pick<ImageContextLike, 'data_type' | 'image_format'>): string {
  const dataType = context.data_type ?? (URL_LIKE.test(item) ? 'url' : 'base64');
  if (dataType === 'url' || /^data:/i.test(item)) return item;
  const data = item.replace(/\s+/g, '');
  const given = context.image_format?.trim().toLowerCase();
  const format = given ? (MIME_SUBTYPE[given] ?? given) : (sniffFormat(data) ?? 'png');
  return `data:image/${format};base64,${data}`;
}

/** The image blocks of one row, in the order of the contexts and of each cell's items. */
export function imageBlocks(contexts: readonly ImageContextLike[] | null | undefined, row: Record<string, unknown>): ImageUrlBlock[] {
  const out: ImageUrlBlock[] = [];
  for (const context of contexts ?? []) {
    const modality = context.modality ?? 'image';
    // Validation rejects these; a config built in code must not silently lose its context.
    if (modality !== 'image') throw new DdflowError(`multi_modal_context modality '${modality}' is not supported by ddflow (only image).`);
    for (const item of imageItems(row[context.column_name])) out.push({ type: 'image_url', image_url: { url: imageUrl(item, context) } });
  }
  return out;
}
