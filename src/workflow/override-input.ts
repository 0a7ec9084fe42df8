/**
 * A stage output override as a reviewer hands it over: parquet (a file or a directory of files), or
 * JSON lines / CSV (what a reviewer edits). JSON lines and CSV are converted once with DuckDB into
 * `<workflow dir>/overrides/<stage>-<hash>/override.parquet`, keyed by the hash of the file as given:
 * the override's content hash is that of the reviewed file itself (its format included), so the same
 * file always hands down the same fingerprint, and an edited one a new one.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { replaceAtomically } from '../data/atomic.js';
import { errorMessage, quoteLiteral, type Database } from '../data/database.js';
import { DdflowError } from '../diagnostics.js';
import { canonicalJson, filesHash, sha256 } from './fingerprint.js';
import { parquetFilesAt } from './outputs.js';

export const OVERRIDES_DIR = 'overrides';

export interface OverrideSource {
  /** A parquet file or a directory of parquet files: what the stage hands down. */
  path: string;
  contentHash: string;
}

const TEXT_FORMATS: Record<string, { name: string; reader: (file: string) => string }> = {
  '.jsonl': { name: 'jsonl', reader: (f) => `read_json(${quoteLiteral(f)}, format = 'newline_delimited')` },
  '.ndjson': { name: 'jsonl', reader: (f) => `read_json(${quoteLiteral(f)}, format = 'newline_delimited')` },
  '.csv': { name: 'csv', reader: (f) => `read_csv(${quoteLiteral(f)}, header = true)` },
};

export async function overrideSource(db: Database, file: string, workflowDir: string, stage: string): Promise<OverrideSource> {
  const format = TEXT_FORMATS[path.extname(file).toLowerCase()];
  if (!format) return { path: file, contentHash: await filesHash(await parquetFilesAt(file)) };
  if (!existsSync(file)) throw new DdflowError(`No such file: ${file}.`);
  const contentHash = sha256(canonicalJson({ format: format.name, files: await filesHash([file]) }));
  const dir = path.join(workflowDir, OVERRIDES_DIR, `${stage}-${contentHash.slice(0, 16)}`);
  const out = path.join(dir, 'override.parquet');
  if (!existsSync(out)) {
    try {
      await replaceAtomically(out, (tmp) => db.run(`COPY (SELECT * FROM ${format.reader(file)}) TO ${quoteLiteral(tmp)} (FORMAT parquet)`));
    } catch (err) {
      throw new DdflowError(`Cannot read ${file} as ${format.name === 'csv' ? 'CSV with a header line' : 'JSON lines'}: ${errorMessage(err).split('\n')[0]}`, { cause: err });
    }
  }
  return { path: dir, contentHash };
}
