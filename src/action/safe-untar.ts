/**
 * Extracts a cache archive (tar, gzip- or zstd-compressed) into a private directory, checking every
 * member first — what `@actions/cache` does not do: it runs `tar -xf ... -P -C <workspace>`, so an
 * entry holding an absolute or `../` member writes anywhere the runner user can.
 *
 * The tar stream is parsed here (ustar, POSIX pax and GNU long-name headers), so nothing but this code
 * decides where bytes go. A member is accepted only when it is a regular file or a directory whose name
 * is relative, has no `..` component, and lies below `prefix` (the one path ddflow saves entries at).
 * Links of any kind, devices, FIFOs and anything else make the whole archive unsafe. Since no link is
 * ever created, no write can leave `dest`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { PassThrough } from 'node:stream';

/** The archive is not one ddflow would have written: refused as a whole. */
export class UnsafeArchiveError extends Error {
  override name = 'UnsafeArchiveError';
}

export type ArchiveCompression = 'gzip' | 'zstd';

const BLOCK = 512;

/** Pulls exact byte counts out of a stream of chunks. */
class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private ended = false;
  private readonly it: AsyncIterator<Buffer>;

  constructor(stream: AsyncIterable<Buffer>) {
    this.it = stream[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<void> {
    while (this.buf.length < n && !this.ended) {
      const next = await this.it.next();
      if (next.done) this.ended = true;
      else this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : next.value;
    }
  }

  /** Exactly `n` bytes, or null at a clean end of stream (nothing left). */
  async take(n: number): Promise<Buffer | null> {
    await this.fill(n);
    if (this.buf.length === 0) return null;
    if (this.buf.length < n) throw new UnsafeArchiveError('the archive is truncated');
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }

  /** `n` bytes as they arrive (for file bodies, which may be large). */
  async *pieces(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (this.buf.length === 0) await this.fill(1);
      if (this.buf.length === 0) throw new UnsafeArchiveError('the archive is truncated');
      const k = Math.min(left, this.buf.length);
      yield this.buf.subarray(0, k);
      this.buf = this.buf.subarray(k);
      left -= k;
    }
  }

  async skip(n: number): Promise<void> {
    for await (const _ of this.pieces(n)) void _;
  }

  async drain(): Promise<void> {
    this.buf = Buffer.alloc(0);
    while (!this.ended) if ((await this.it.next()).done) this.ended = true;
  }

  async close(): Promise<void> {
    await this.it.return?.();
  }
}

function cstring(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const nul = field.indexOf(0);
  return (nul < 0 ? field : field.subarray(0, nul)).toString('utf8');
}

/** A numeric header field: octal text, or base-256 when the high bit of the first byte is set. */
function numeric(block: Buffer, start: number, length: number): number {
  const field = block.subarray(start, start + length);
  if (field[0]! & 0x80) {
    if (field[0] !== 0x80) throw new UnsafeArchiveError('a member has a negative or oversized size');
    let n = 0;
    for (const byte of field.subarray(1)) n = n * 256 + byte;
    if (!Number.isSafeInteger(n)) throw new UnsafeArchiveError('a member has an oversized size');
    return n;
  }
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new UnsafeArchiveError('a header holds a malformed number');
  return parseInt(text, 8);
}

function checksumOk(block: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  try {
    return sum === numeric(block, 148, 8);
  } catch {
    return false;
  }
}

/** POSIX pax records: `<length> <key>=<value>\n`. */
function paxRecords(body: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let pos = 0;
  while (pos < body.length) {
    const space = body.indexOf(0x20, pos);
    if (space < 0) break;
    const len = Number(body.subarray(pos, space).toString('latin1'));
    if (!Number.isSafeInteger(len) || len <= 0 || pos + len > body.length) throw new UnsafeArchiveError('a pax header is malformed');
    const record = body.subarray(space + 1, pos + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    pos += len;
  }
  return out;
}

const describe = (name: string) => JSON.stringify(name.length > 200 ? `${name.slice(0, 200)}…` : name);

/** The path components of `name` below `prefix`, or an UnsafeArchiveError saying why not. */
export function memberPath(name: string, prefix: string[]): string[] {
  if (name.includes('\0')) throw new UnsafeArchiveError(`the member ${describe(name)} has a NUL character in its name`);
  if (/^[/\\]/.test(name) || /^[A-Za-z]:/.test(name)) throw new UnsafeArchiveError(`the member ${describe(name)} has an absolute path`);
  const parts = name.split(/[/\\]/).filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new UnsafeArchiveError(`the member ${describe(name)} has a ".." component`);
  // On Windows a ':' names a drive or an alternate data stream.
  if (process.platform === 'win32' && parts.some((p) => p.includes(':'))) throw new UnsafeArchiveError(`the member ${describe(name)} has a ':' in its path`);
  if (parts.length < prefix.length || prefix.some((p, i) => parts[i] !== p)) {
    throw new UnsafeArchiveError(`the member ${describe(name)} is not below ${prefix.join('/')}`);
  }
  return parts.slice(prefix.length);
}

const TYPE_NAMES: Record<string, string> = {
  '1': 'a hard link',
  '2': 'a symbolic link',
  '3': 'a character device',
  '4': 'a block device',
  '6': 'a FIFO',
};

/**
 * Reads the tar stream and writes what it holds below `prefix` into `dest` (created, must not exist).
 * Throws UnsafeArchiveError for a member that is not a plain file or directory inside `prefix`.
 */
export async function extractTarStream(stream: AsyncIterable<Buffer>, prefix: string, dest: string): Promise<{ files: number; bytes: number }> {
  const prefixParts = prefix.split('/').filter(Boolean);
  const reader = new ByteReader(stream);
  await fsp.mkdir(dest, { recursive: false });
  let files = 0;
  let bytes = 0;
  let sawPrefix = false;
  // Overrides for the next header (pax 'x' and GNU 'L' entries).
  let nextPath: string | undefined;
  let nextSize: number | undefined;
  try {
    for (;;) {
      const header = await reader.take(BLOCK);
      if (header === null) throw new UnsafeArchiveError('the archive ends without an end-of-archive marker');
      if (header.every((b) => b === 0)) break; // end of archive
      if (!checksumOk(header)) throw new UnsafeArchiveError('a header fails its checksum (not a tar archive, or damaged)');
      const type = String.fromCharCode(header[156]!);
      let size = numeric(header, 124, 12);
      const magic = header.subarray(257, 263).toString('latin1');
      let name = cstring(header, 0, 100);
      if (magic === 'ustar\0') {
        const pre = cstring(header, 345, 155);
        if (pre) name = `${pre}/${name}`;
      }
      const padded = Math.ceil(size / BLOCK) * BLOCK;
      if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
        if (size > 1024 * 1024) throw new UnsafeArchiveError('an extended header is too large');
        const body = (await reader.take(padded)) ?? Buffer.alloc(0);
        if (body.length < padded) throw new UnsafeArchiveError('the archive is truncated');
        const content = body.subarray(0, size);
        if (type === 'x') {
          const records = paxRecords(content);
          if (records.has('path')) nextPath = records.get('path');
          if (records.has('size')) {
            const n = Number(records.get('size'));
            if (!Number.isSafeInteger(n) || n < 0) throw new UnsafeArchiveError('a pax header holds a malformed size');
            nextSize = n;
          }
          if (records.has('linkpath')) throw new UnsafeArchiveError('the archive holds a link');
        } else if (type === 'L') {
          nextPath = cstring(content, 0, content.length);
        } else if (type === 'K') {
          throw new UnsafeArchiveError('the archive holds a link');
        }
        // 'g' (global pax header): nothing in it changes where a member goes; ignored.
        continue;
      }
      if (nextPath !== undefined) name = nextPath;
      if (nextSize !== undefined) size = nextSize;
      nextPath = undefined;
      nextSize = undefined;
      const parts = memberPath(name, prefixParts);
      if (parts.length === 0) sawPrefix = true;
      const target = path.join(dest, ...parts);
      if (type === '5') {
        await fsp.mkdir(target, { recursive: true });
        await reader.skip(Math.ceil(size / BLOCK) * BLOCK);
      } else if (type === '0' || type === '\0' || type === '7') {
        if (parts.length === 0) throw new UnsafeArchiveError(`the member ${describe(name)} is a file where the entry's directory should be`);
        await fsp.mkdir(path.dirname(target), { recursive: true });
        const existing = await fsp.lstat(target).catch(() => undefined);
        if (existing && !existing.isFile()) throw new UnsafeArchiveError(`the member ${describe(name)} would replace a directory`);
        const fh = await fsp.open(target, 'w');
        try {
          for await (const piece of reader.pieces(size)) await fh.write(piece);
        } finally {
          await fh.close();
        }
        await reader.skip(Math.ceil(size / BLOCK) * BLOCK - size);
        files++;
        bytes += size;
      } else {
        throw new UnsafeArchiveError(`the member ${describe(name)} is ${TYPE_NAMES[type] ?? `of tar type ${JSON.stringify(type)}`}, not a file or directory`);
      }
    }
    if (!sawPrefix && files === 0) throw new UnsafeArchiveError(`the archive holds nothing below ${prefix}`);
    // What follows the end marker is padding: read it, so the producer finishes writing.
    await reader.drain();
    return { files, bytes };
  } catch (err) {
    await reader.close();
    throw err;
  }
}

/**
 * Decompresses `archive` and extracts it with the checks above into `dest`. zstd archives need the
 * `zstd` program (as `@actions/cache` itself does to write them).
 */
export async function extractArchive(archive: string, compression: ArchiveCompression, prefix: string, dest: string): Promise<{ files: number; bytes: number }> {
  if (compression === 'gzip') {
    const input = fs.createReadStream(archive);
    const gunzip = zlib.createGunzip();
    input.pipe(gunzip);
    try {
      return await extractTarStream(gunzip as AsyncIterable<Buffer>, prefix, dest);
    } finally {
      input.destroy();
      gunzip.destroy();
    }
  }
  const child = spawn('zstd', ['-d', '-c', '--long=30', archive], { stdio: ['ignore', 'pipe', 'pipe'] });
  // Consume stdout from the start: when a child exits before its stdout is read, Node resumes the
  // stream and the unread output is lost (a fast zstd on a small archive).
  const output = new PassThrough();
  child.stdout.pipe(output);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  exited.catch(() => undefined);
  try {
    const result = await extractTarStream(output, prefix, dest);
    const code = await exited;
    if (code !== 0) throw new Error(`zstd could not decompress the archive (exit ${code}${stderr.trim() ? `: ${stderr.trim().split('\n')[0]}` : ''})`);
    return result;
  } catch (err) {
    child.kill();
    output.destroy();
    const spawnError = await exited.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (spawnError) throw new Error(`zstd is needed to read the cache entry: ${(spawnError as Error).message}`);
    throw err;
  }
}
