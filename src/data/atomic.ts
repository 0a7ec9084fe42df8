/**
 * Atomic file writes: every artifact ddflow writes (metadata, parquet batches, exports) must be either
 * the old content or the new content, never half a file — a run can be cancelled at any moment (CI
 * timeouts, Ctrl-C) and resume reads whatever is on disk. The write goes to a temporary name in the
 * SAME directory (rename is only atomic within one filesystem) and is renamed over the target.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** A temporary sibling of `filePath`; hidden (leading dot) so globs like `*.parquet` never match it. */
export function tempPathFor(filePath: string): string {
  const dir = path.dirname(filePath);
  const base = path.basename(filePath);
  return path.join(dir, `.${base}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Runs `write(tmpPath)` and renames the result onto `filePath`. On failure the temporary file is removed
 * and the target is left untouched. The parent directory is created if needed.
 */
export async function replaceAtomically(filePath: string, write: (tmpPath: string) => Promise<void>): Promise<void> {
  await fs.mkdir(path.dirname(filePath), { recursive: true });
  const tmp = tempPathFor(filePath);
  try {
    await write(tmp);
    await fs.rename(tmp, filePath);
  } catch (err) {
    await fs.rm(tmp, { force: true, recursive: true }).catch(() => undefined);
    throw err;
  }
}

export async function writeFileAtomic(filePath: string, data: string | Uint8Array): Promise<void> {
  await replaceAtomically(filePath, async (tmp) => {
    const handle = await fs.open(tmp, 'w');
    try {
      await handle.writeFile(data);
      // fsync before rename: otherwise a power loss can leave the renamed file empty on some filesystems.
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
}

export interface JsonWriteOptions {
  /** Sort object keys recursively (Data Designer writes metadata.json with sorted keys). */
  sortKeys?: boolean;
}

/** 2-space indented JSON with a trailing newline. */
export function stringifyJson(value: unknown, options: JsonWriteOptions = {}): string {
  const v = options.sortKeys ? sortKeysDeep(value) : value;
  return `${JSON.stringify(v, jsonReplacer, 2)}\n`;
}

export async function writeJsonAtomic(filePath: string, value: unknown, options: JsonWriteOptions = {}): Promise<void> {
  await writeFileAtomic(filePath, stringifyJson(value, options));
}

/** bigint is not JSON-serialisable by default; counts from DuckDB may arrive as bigint. */
function jsonReplacer(_key: string, v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  return v;
}

export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeysDeep((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}
