/**
 * DuckDB's Node API is CommonJS and is loaded with require(): an ESM import() of it makes Node run its
 * CJS lexer over node-api's ~60 files (100 ms of `ddflow validate`'s cold start, issue 13). What the loader
 * hands out is therefore the package's own exports object — the one require() gives — not an ESM namespace.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DUCKDB_PACKAGE, forgetLoadedDuckDB, loadDuckDB } from '../../src/data/duckdb-loader.js';

describe('loading DuckDB', () => {
  it('is a require() of the CommonJS package (no ESM namespace, no lexer pass)', async () => {
    forgetLoadedDuckDB();
    const duckdb = await loadDuckDB();
    expect(Object.prototype.toString.call(duckdb)).not.toBe('[object Module]');
    expect(duckdb).toBe(createRequire(import.meta.url)(DUCKDB_PACKAGE));
    const instance = await duckdb.DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    expect((await connection.runAndReadAll('SELECT 41 + 1 AS x')).getRowObjects()[0]!.x).toBe(42);
    connection.closeSync();
  });
});
