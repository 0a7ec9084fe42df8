/**
 * Writes tar archives member by member (ustar headers), so tests can craft what no honest `tar -c`
 * would write: absolute and `../` names, links pointing out, devices. Compressed like the cache client
 * compresses (zstd with the `zstd` program, or gzip).
 */
import { spawnSync } from 'node:child_process';
import zlib from 'node:zlib';

export interface TarMember {
  name: string;
  /** '0' file (default), '5' directory, '1' hard link, '2' symlink, '3' char device, '6' FIFO. */
  type?: '0' | '1' | '2' | '3' | '5' | '6';
  body?: string | Buffer;
  linkname?: string;
}

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\0`;
}

function header(m: TarMember, size: number): Buffer {
  const h = Buffer.alloc(512);
  if (Buffer.byteLength(m.name) > 100) throw new Error(`tar-fixture: name over 100 bytes: ${m.name}`);
  h.write(m.name, 0, 100, 'utf8');
  h.write(octal(m.type === '5' ? 0o755 : 0o644, 8), 100, 'latin1');
  h.write(octal(0, 8), 108, 'latin1');
  h.write(octal(0, 8), 116, 'latin1');
  h.write(octal(size, 12), 124, 'latin1');
  h.write(octal(Math.floor(Date.now() / 1000), 12), 136, 'latin1');
  h.write('        ', 148, 'latin1');
  h.write(m.type ?? '0', 156, 'latin1');
  if (m.linkname) h.write(m.linkname, 157, 100, 'utf8');
  h.write('ustar\0', 257, 'latin1');
  h.write('00', 263, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

export function tarArchive(members: TarMember[]): Buffer {
  const parts: Buffer[] = [];
  for (const m of members) {
    const body = m.type === undefined || m.type === '0' ? Buffer.from(m.body ?? '') : Buffer.alloc(0);
    parts.push(header(m, body.length), body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** Compresses like the client: zstd when `like` (an archive the client wrote) is zstd, else gzip. */
export function compressLike(tar: Buffer, like: Buffer): Buffer {
  const zstdMagic = like.length >= 4 && like.readUInt32LE(0) === 0xfd2fb528;
  if (!zstdMagic) return zlib.gzipSync(tar);
  const r = spawnSync('zstd', ['-c', '-q'], { input: tar, maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`zstd failed: ${r.stderr.toString()}`);
  return r.stdout;
}
