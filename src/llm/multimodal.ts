/**
 * `multi_modal_context` of LLM columns (Data Designer §2.3): media from other columns of the row, sent
 * before the prompt's text block in the user message (Data Designer's prompt_to_messages), in config order.
 * Images: a URL (http(s):// or an existing data: URI) is sent as it is; base64 data becomes a data URI.
 * Audio and video follow Data Designer's AudioContext/VideoContext (config/models.py, media_helpers.py):
 * the row's values become canonical blocks, which become the OpenAI-compatible request blocks as
 * Data Designer's adapter translates them (openai_compatible.py: audio_url / input_audio / video_url).
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
  audio_format?: string | null;
  video_format?: string | null;
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

/** `audio_url`: an OpenAI-compatible extension (vLLM/NVIDIA) for an audio URL or a local path. */
export interface AudioUrlBlock {
  type: 'audio_url';
  audio_url: { url: string };
}

/** `input_audio`: OpenAI's block for base64 audio. */
export interface InputAudioBlock {
  type: 'input_audio';
  input_audio: { data: string; format: string };
}

/** `video_url`: an OpenAI-compatible extension for a video URL, a local path or a base64 data URI. */
export interface VideoUrlBlock {
  type: 'video_url';
  video_url: { url: string };
}

/** A block of the multi-modal context as the OpenAI-compatible request carries it. */
export type MediaBlock = ImageUrlBlock | AudioUrlBlock | InputAudioBlock | VideoUrlBlock;

/** Data Designer's canonical media block (media_helpers.get_media_url_context / get_media_base64_context). */
export type CanonicalMediaBlock =
  | { type: 'audio' | 'video'; source: { type: 'url'; url: string } }
  | { type: 'audio' | 'video'; source: { type: 'base64'; media_type: string; data: string } };

type AvModality = 'audio' | 'video';

/** Data Designer's AudioFormat / VideoFormat and their MIME types (media_helpers.py). */
const FORMAT_MIME: Record<AvModality, Record<string, string>> = {
  audio: { mp3: 'audio/mpeg', wav: 'audio/wav' },
  video: { mp4: 'video/mp4', mov: 'video/quicktime', webm: 'video/webm' },
};
const MIME_FORMAT: Record<AvModality, Record<string, string>> = {
  audio: { 'audio/mpeg': 'mp3', 'audio/mp3': 'mp3', 'audio/wav': 'wav', 'audio/wave': 'wav', 'audio/x-wav': 'wav', 'audio/vnd.wave': 'wav' },
  video: { 'video/mp4': 'mp4', 'video/quicktime': 'mov', 'video/webm': 'webm' },
};
export const AUDIO_FORMATS = Object.keys(FORMAT_MIME.audio);
export const VIDEO_FORMATS = Object.keys(FORMAT_MIME.video);

/** media_helpers._DATA_URI_RE. */
const DATA_URI_RE = /^data:([^;]+);base64,(.+)$/;

/** media_helpers.is_media_url: an HTTP(S) URL. */
function isMediaUrl(value: string): boolean {
  return value.startsWith('http://') || value.startsWith('https://');
}

/** media_helpers.is_audio_path / is_video_path: not an HTTP(S) URL and ends with a supported extension. */
function looksLikePath(value: string, modality: AvModality): boolean {
  const lower = value.toLowerCase();
  return !isMediaUrl(value) && Object.keys(FORMAT_MIME[modality]).some((ext) => lower.endsWith(`.${ext}`));
}

/**
 * One audio or video value as Data Designer's AudioContext/VideoContext._build_context gives it. Throws
 * Data Designer's ValueError sentence (without the column; the caller adds where it comes from).
 */
export function canonicalMediaBlock(value: string, context: Pick<ImageContextLike, 'data_type' | 'audio_format' | 'video_format'>, modality: AvModality): CanonicalMediaBlock {
  if (context.data_type === 'url') {
    if (!isMediaUrl(value) && !looksLikePath(value, modality)) throw new Error(`${modality} URL context values must be HTTP(S) URLs or local ${modality} paths`);
    return { type: modality, source: { type: 'url', url: value } };
  }
  if ((context.data_type ?? null) === null && isMediaUrl(value)) return { type: modality, source: { type: 'url', url: value } };
  const formatField = modality === 'audio' ? 'audio_format' : 'video_format';
  const format = context[formatField] ?? null;
  const parsed = DATA_URI_RE.exec(value);
  if (parsed) {
    const [, mediaType, data] = parsed as unknown as [string, string, string];
    const detected = MIME_FORMAT[modality][mediaType.toLowerCase()];
    if (detected === undefined) throw new Error(`Unsupported ${modality} media type '${mediaType}'`);
    if (format !== null && format !== detected) throw new Error(`${formatField} '${format}' does not match data URI media type '${mediaType}'`);
    return { type: modality, source: { type: 'base64', media_type: mediaType, data } };
  }
  if (looksLikePath(value, modality)) {
    throw new Error(`${modality} context values that look like local paths must use data_type=url; otherwise provide base64 ${modality} data`);
  }
  if (format === null) throw new Error(`${formatField} is required for base64 ${modality} context values`);
  const mime = FORMAT_MIME[modality][format];
  if (mime === undefined) throw new Error(`${formatField} '${format}' is not one of ${Object.keys(FORMAT_MIME[modality]).join(', ')}`);
  return { type: modality, source: { type: 'base64', media_type: mime, data: value } };
}

/** A canonical audio/video block as Data Designer's OpenAI-compatible adapter sends it (_translate_canonical_*_block). */
export function openAICompatibleBlock(block: CanonicalMediaBlock): MediaBlock {
  const { source } = block;
  if (block.type === 'audio') {
    if (source.type === 'url') return { type: 'audio_url', audio_url: { url: source.url } };
    const format = MIME_FORMAT.audio[source.media_type.toLowerCase()];
    if (format === undefined) throw new Error(`Unsupported canonical audio media type '${source.media_type}'`);
    return { type: 'input_audio', input_audio: { data: source.data, format } };
  }
  if (source.type === 'url') return { type: 'video_url', video_url: { url: source.url } };
  // No widely supported input_video block exists: the data URI goes in video_url (as Data Designer sends it).
  return { type: 'video_url', video_url: { url: `data:${source.media_type};base64,${source.data}` } };
}

/**
 * The blocks of one row's multi-modal context, in the order of the contexts and of each cell's items:
 * images as `image_url`, audio as `audio_url`/`input_audio`, video as `video_url`. A value Data Designer
 * refuses is one sentence naming the context and its column.
 */
export function contextBlocks(contexts: readonly ImageContextLike[] | null | undefined, row: Record<string, unknown>, owner?: string): MediaBlock[] {
  const out: MediaBlock[] = [];
  (contexts ?? []).forEach((context, j) => {
    const modality = context.modality ?? 'image';
    const items = imageItems(row[context.column_name]);
    if (modality === 'image') {
      for (const item of items) out.push({ type: 'image_url', image_url: { url: imageUrl(item, context) } });
      return;
    }
    if (modality !== 'audio' && modality !== 'video') throw new DdflowError(`multi_modal_context modality '${modality}' is not one of image, audio, video.`);
    for (const item of items) {
      try {
        out.push(openAICompatibleBlock(canonicalMediaBlock(item, context, modality)));
      } catch (err) {
        const where = `${owner ? `Column '${owner}': ` : ''}multi_modal_context[${j}] (${modality} from column '${context.column_name}')`;
        throw new DdflowError(`${where}: ${(err as Error).message}.`);
      }
    }
  });
  return out;
}
