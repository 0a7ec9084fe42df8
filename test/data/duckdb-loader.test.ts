import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/data/database.js';
import { DUCKDB_VERSION, forgetLoadedDuckDB, installMarkerPath, loadDuckDB } from '../../src/data/duckdb-loader.js';
import { tempDir } from './helpers.js';

describe('loadDuckDB', () => {
  it('loads the pinned version from node_modules', async () => {
    const duckdb = await loadDuckDB();
    expect(typeof duckdb.DuckDBInstance.create).toBe('function');
    const pkg = (await import('@duckdb/node-api/package.json', { with: { type: 'json' } })).default as { version: string };
    expect(pkg.version).toBe(DUCKDB_VERSION);
    const project = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    expect(project.dependencies['@duckdb/node-api']).toBe(DUCKDB_VERSION);
  });

  it('fails with one sentence when node_modules is skipped and no install directory is given', async () => {
    await expect(loadDuckDB({ skipLocal: true })).rejects.toThrow(
      `DuckDB (@duckdb/node-api@${DUCKDB_VERSION}) could not be loaded from node_modules and no install directory was given.`,
    );
  });

  // Real `npm install` from the registry (about 3-10 s): the path the bundled Action takes on a runner.
  it('installs the pinned version into an install directory once and loads it from there', { timeout: 180_000 }, async () => {
    const dir = tempDir('ddflow-duckdb-install-');
    const logs: string[] = [];
    const duckdb = await loadDuckDB({ installDir: dir, skipLocal: true, log: (m) => logs.push(m) });
    expect(logs).toEqual([`Installing DuckDB ${DUCKDB_VERSION} (@duckdb/node-api, ${process.platform}-${process.arch}) with npm into ${dir}`]);
    expect(existsSync(installMarkerPath(dir))).toBe(true);
    expect(readdirSync(path.join(dir, 'node_modules', '@duckdb')).sort()).toContain('node-api');
    // The loaded module really is the installed copy and works.
    const instance = await duckdb.DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const reader = await conn.runAndReadAll('SELECT version() AS v, 40 + 2 AS x');
    expect(reader.getRowObjectsJS()[0]!.x).toBe(42);
    conn.closeSync();
    instance.closeSync();
    // It is the installed copy, not the project's node_modules one.
    expect(duckdb).not.toBe(await loadDuckDB());
    // The same installDir is reused without a second install (marker present; no log line).
    forgetLoadedDuckDB();
    const again = await loadDuckDB({ installDir: dir, skipLocal: true, log: (m) => logs.push(m) });
    expect(again).toBe(duckdb);
    expect(logs).toHaveLength(1);
  });

  it('opens a database through the loader', async () => {
    const db = await openDatabase();
    expect(await db.all('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    db.close();
  });
});
