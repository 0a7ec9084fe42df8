/**
 * Image generation as Data Designer's ModelFacade.generate_image does it (engine/models/facade.py,
 * clients/parsing.py): a diffusion model (its name contains dall-e-, dalle, stable-diffusion, sd-, sd_,
 * imagen or gpt-image-) is asked through the images API (`POST /images/generations` with model and
 * prompt); any other image model through chat completions (one user message: the prompt's text and the
 * multi-modal context's images), its images read from `message.images`, else from a string content
 * holding a data URI or base64 image. Answers are base64 images, without a data-URI prefix.
 */
import { displayEndpoint } from '../shared/display-url.js';
import { LlmError } from './errors.js';
import type { MediaBlock } from './multimodal.js';
import type { ModelEndpoint } from './registry.js';

const DIFFUSION_MODEL_PATTERNS = ['dall-e-', 'dalle', 'stable-diffusion', 'sd-', 'sd_', 'imagen', 'gpt-image-'];

export function isDiffusionModel(model: string): boolean {
  const m = model.toLowerCase();
  return DIFFUSION_MODEL_PATTERNS.some((p) => m.includes(p));
}

export type ImageRoute = 'images' | 'chat';

/** The route and body of an image request (extra_body keys merged in, as for every request). */
export function imageRequestBody(endpoint: Pick<ModelEndpoint, 'model' | 'extraBody'>, prompt: string, images: readonly MediaBlock[] = []): { route: ImageRoute; body: Record<string, unknown> } {
  if (isDiffusionModel(endpoint.model)) return { route: 'images', body: { model: endpoint.model, prompt, ...endpoint.extraBody } };
  return {
    route: 'chat',
    body: { model: endpoint.model, messages: [{ role: 'user', content: [{ type: 'text', text: prompt }, ...images] }], ...endpoint.extraBody },
  };
}

const DATA_URI = /^data:image\/[^;]+;base64,(.+)$/s;
const BASE64 = /^[A-Za-z0-9+/\r\n]+={0,2}$/;

/** A base64 image when `value` is one (or a data URI of one), an http(s) URL to fetch, or undefined. */
function imageString(value: string): { b64: string } | { url: string } | undefined {
  const data = DATA_URI.exec(value);
  if (data) return { b64: data[1]! };
  if (/^https?:\/\//i.test(value)) return { url: value };
  // Long enough to be an image, and decodes to one of the formats the media store accepts.
  if (value.length >= 16 && BASE64.test(value) && imageFormatOf(Buffer.from(value.slice(0, 64), 'base64'))) return { b64: value };
  return undefined;
}

function candidate(raw: unknown): { b64: string } | { url: string } | undefined {
  if (typeof raw === 'string') return imageString(raw);
  if (raw && typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if (typeof o.b64_json === 'string') return { b64: o.b64_json };
    if ('image_url' in o) return candidate(o.image_url);
    if (typeof o.url === 'string') return imageString(o.url);
  }
  return undefined;
}

/** The images of an answer, fetching those given as URLs. */
export async function imagesOfAnswer(route: ImageRoute, response: unknown, fetchImage: (url: string) => Promise<string>): Promise<string[]> {
  const r = response as { data?: unknown[]; choices?: Array<{ message?: { images?: unknown; content?: unknown } }> } | null;
  let raw: unknown[];
  if (route === 'images') raw = Array.isArray(r?.data) ? r!.data! : [];
  else {
    const message = r?.choices?.[0]?.message;
    raw = Array.isArray(message?.images) ? message!.images : [];
    if (raw.length === 0 && typeof message?.content === 'string') raw = [message.content];
  }
  const out: string[] = [];
  for (const item of raw) {
    const c = candidate(item);
    if (!c) continue;
    out.push('b64' in c ? c.b64 : await fetchImage(c.url));
  }
  return out;
}

/** PNG, JPEG, GIF or WebP by their first bytes (Data Designer's detect_image_format), else undefined. */
export function imageFormatOf(bytes: Uint8Array): 'png' | 'jpg' | 'gif' | 'webp' | undefined {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'gif';
  if (b.length >= 12 && b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return 'webp';
  return undefined;
}

/** An image URL's bytes as base64 (an image model may answer with a link instead of the data). */
export async function fetchImageAsBase64(url: string, signal?: AbortSignal, timeoutMs = 60_000): Promise<string> {
  // The URL is shown without its query and credentials: a signed link (X-Amz-Signature, ?key=) is a secret.
  const shown = displayEndpoint(url);
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    if (!res.ok) {
      const kind = res.status === 429 ? 'rate_limit' : res.status >= 500 ? 'server_error' : 'malformed_response';
      throw new LlmError(kind, `The image at ${shown} could not be downloaded (HTTP ${res.status}).`);
    }
    return Buffer.from(await res.arrayBuffer()).toString('base64');
  } catch (err) {
    if (err instanceof LlmError || signal?.aborted) throw err;
    // fetch's own errors name neither the cause nor a safe URL: connection refused/reset, DNS, the timeout.
    const cause = timeout.aborted ? `no answer within ${timeoutMs / 1000} s` : String((err as { cause?: { code?: unknown } }).cause?.code ?? (err as Error).message);
    throw new LlmError(timeout.aborted ? 'timeout' : 'connection', `The image at ${shown} could not be downloaded (${cause}).`);
  }
}
