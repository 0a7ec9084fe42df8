/**
 * The archive reader behind cache restores, on gzip archives (what the cache client writes on a runner
 * without zstd); zstd archives from the real client are covered in cache-store.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractArchive, memberPath, UnsafeArchiveError } from '../../src/action/safe-untar.js';
import { tarArchive, type TarMember } from './tar-fixture.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safe-untar-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function gz(members: TarMember[]): string {
  const file = path.join(dir, 'cache.tgz');
  fs.writeFileSync(file, zlib.gzipSync(tarArchive(members)));
  return file;
}

describe('extractArchive (gzip)', () => {
  it('extracts the files and directories below the prefix, without the prefix', async () => {
    const archive = gz([
      { name: '.ddflow-cache/entry/', type: '5' },
      { name: '.ddflow-cache/entry/parquet-files/', type: '5' },
      { name: '.ddflow-cache/entry/parquet-files/batch_00000.parquet', body: 'x'.repeat(1300) },
      { name: '.ddflow-cache/entry/metadata.json', body: '{}' },
    ]);
    const dest = path.join(dir, 'out');
    expect(await extractArchive(archive, 'gzip', '.ddflow-cache/entry', dest)).toEqual({ files: 2, bytes: 1302 });
    expect(fs.readFileSync(path.join(dest, 'parquet-files/batch_00000.parquet'), 'utf8')).toBe('x'.repeat(1300));
    expect(fs.readFileSync(path.join(dest, 'metadata.json'), 'utf8')).toBe('{}');
  });

  it('refuses a ../ member before writing it', async () => {
    const archive = gz([
      { name: '.ddflow-cache/entry/', type: '5' },
      { name: '.ddflow-cache/entry/../../escape', body: 'pwned' },
    ]);
    await expect(extractArchive(archive, 'gzip', '.ddflow-cache/entry', path.join(dir, 'out'))).rejects.toThrow(UnsafeArchiveError);
    expect(fs.existsSync(path.join(dir, 'escape'))).toBe(false);
  });

  it('refuses data that is not a tar archive', async () => {
    const file = path.join(dir, 'junk.tgz');
    fs.writeFileSync(file, zlib.gzipSync(Buffer.from('not a tar archive at all'.repeat(40))));
    await expect(extractArchive(file, 'gzip', '.ddflow-cache/entry', path.join(dir, 'out'))).rejects.toThrow(/fails its checksum/);
  });
});

describe('memberPath', () => {
  it('accepts names below the prefix and refuses the rest', () => {
    const prefix = ['.ddflow-cache', 'entry'];
    expect(memberPath('.ddflow-cache/entry/a/b.parquet', prefix)).toEqual(['a', 'b.parquet']);
    expect(memberPath('./.ddflow-cache//entry/./a', prefix)).toEqual(['a']);
    expect(memberPath('.ddflow-cache/entry/', prefix)).toEqual([]);
    expect(() => memberPath('/etc/passwd', prefix)).toThrow(/absolute/);
    expect(() => memberPath('C:/Windows/x', prefix)).toThrow(/absolute/);
    expect(() => memberPath('\\\\server\\share', prefix)).toThrow(/absolute/);
    expect(() => memberPath('.ddflow-cache/entry/..\\..\\x', prefix)).toThrow(/"\.\."/);
    expect(() => memberPath('.ddflow-cache/other/x', prefix)).toThrow(/not below/);
  });
});
