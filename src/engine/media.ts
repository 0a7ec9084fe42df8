/**
 * Generated images as Data Designer's MediaStorage keeps them (engine/storage/media_storage.py): one file
 * per image at `images/<column>/<uuid>.<ext>` under the stage directory, the cell holding that relative
 * path. The uuid comes from the cell's seeded stream, so a rerun or a resumed row group writes the same
 * names. Such paths in a later column's (or a later stage's) `multi_modal_context` are read back and sent
 * as data URIs.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DdflowError } from '../diagnostics.js';
import { imageFormatOf } from '../llm/images.js';
import { imageItems, type ImageContextLike } from '../llm/multimodal.js';
import type { Rng } from '../shared/random.js';

export const IMAGES_DIR = 'images';
const MEDIA_PATH = /^images\/[^/\\]+\/[^/\\]+\.(png|jpg|jpeg|gif|webp)$/i;

/** Data Designer's _sanitize_subfolder_name: no separators, no `..`. */
export function imageSubfolder(column: string): string {
  return column.replace(/[/\\]/g, '_').replace(/\.\./g, '_');
}

/** A version-4 uuid drawn from `rng` (16 draws). */
export function uuidFrom(rng: Rng): string {
  const b = Array.from({ length: 16 }, () => Math.floor(rng.next() * 256));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Writes one base64 image (a data URI prefix is allowed) and returns its path relative to the stage directory. */
export async function saveImage(stageDir: string, column: string, base64: string, id: string): Promise<string> {
  const data = Buffer.from(base64.replace(/^data:[^,]*,/, ''), 'base64');
  const format = imageFormatOf(data);
  if (!format) throw new DdflowError(`The image generated for column '${column}' is not a PNG, JPEG, GIF or WebP image.`);
  const rel = `${IMAGES_DIR}/${imageSubfolder(column)}/${id}.${format}`;
  const file = path.join(stageDir, rel);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, data);
  return rel;
}

/**
 * `row` with the image paths of the contexts' columns replaced by data URIs of the files, looked up
 * under `roots` (this stage's directory, then the upstream stages'); other values are left alone.
 */
export async function withMediaData(row: Record<string, unknown>, contexts: readonly ImageContextLike[], roots: readonly string[]): Promise<Record<string, unknown>> {
  let out: Record<string, unknown> | undefined;
  for (const context of contexts) {
    // Generated media are images; audio and video values are sent as they are (Data Designer reads no file for them).
    if ((context.modality ?? 'image') !== 'image') continue;
    const items = imageItems(row[context.column_name]);
    if (!items.some((i) => MEDIA_PATH.test(i))) continue;
    const resolved: string[] = [];
    for (const item of items) resolved.push(MEDIA_PATH.test(item) ? await dataUri(item, roots) : item);
    out ??= { ...row };
    out[context.column_name] = resolved;
  }
  return out ?? row;
}

async function dataUri(rel: string, roots: readonly string[]): Promise<string> {
  for (const root of roots) {
    const data = await fs.readFile(path.join(root, rel)).catch(() => undefined);
    if (data) return `data:image/${imageFormatOf(data) === 'jpg' ? 'jpeg' : (imageFormatOf(data) ?? 'png')};base64,${data.toString('base64')}`;
  }
  throw new DdflowError(`The image ${rel} is not in this stage's or an upstream stage's directory.`);
}

/** Directories image paths of a stage may be relative to: the stage's own, then its upstream's. */
export function mediaRoots(stageDir: string, upstreamFiles: readonly string[] = []): string[] {
  const roots = new Set<string>([stageDir]);
  for (const f of upstreamFiles) {
    // parquet-files/batch_*.parquet, or a processor's output directory one or two levels deeper.
    let dir = path.dirname(f);
    for (let up = 0; up < 2; up++) {
      dir = path.dirname(dir);
      roots.add(dir);
    }
  }
  return [...roots];
}
