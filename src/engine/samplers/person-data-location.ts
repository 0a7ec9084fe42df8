/**
 * Where the Nemotron-Personas data of a locale is (an hf dataset or a local parquet) and what it adds to
 * a stage fingerprint. Apart from the sampler itself so that the fingerprint (loaded by every command)
 * does not load the sampler's dependencies (Faker).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DdflowError } from '../../diagnostics.js';
import { downloadHfFiles, resolveHfSource } from '../../data/hf-hub.js';
import { localSeedFiles } from '../../shared/seed-files.js';
import { PERSON_LOCALES } from '../../config/schema.js';

export interface PersonDataLocation {
  kind: 'hf' | 'local';
  path: string;
}

/** The env variable naming a locale's data (`DDFLOW_PERSONAS_en_US`). */
export const personasEnvName = (locale: string): string => `DDFLOW_PERSONAS_${locale}`;

/** Data Designer's MANAGED_ASSETS_PATH (config/utils/constants.py). */
export function managedAssetsPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env['DATA_DESIGNER_MANAGED_ASSETS_PATH']) return env['DATA_DESIGNER_MANAGED_ASSETS_PATH'];
  return path.join(env['DATA_DESIGNER_HOME'] || path.join(os.homedir(), '.data-designer'), 'managed-assets');
}

export function personDataLocation(locale: string, env: NodeJS.ProcessEnv = process.env): PersonDataLocation {
  if (!(PERSON_LOCALES as readonly string[]).includes(locale)) {
    throw new DdflowError(`Person sampling from managed datasets is only supported for the following locales: ${PERSON_LOCALES.join(', ')}.`);
  }
  const given = env[personasEnvName(locale)];
  if (given && given.trim() !== '') return { kind: given.startsWith('datasets/') ? 'hf' : 'local', path: given.trim() };
  const managed = path.join(managedAssetsPath(env), 'datasets', `${locale}.parquet`);
  if (existsSync(managed)) return { kind: 'local', path: managed };
  throw new DdflowError(
    `No Nemotron-Personas data for locale ${locale}: set ${personasEnvName(locale)} to a Hugging Face dataset path (datasets/<org>/<dataset>/<glob>, downloaded and cached like an hf seed) or to a local parquet file, or put Data Designer's managed dataset at ${managed} (DATA_DESIGNER_MANAGED_ASSETS_PATH).`,
  );
}

/** The parquet files of a location, downloading hf ones into the cache. */
export async function locationFiles(loc: PersonDataLocation): Promise<string[]> {
  if (loc.kind === 'local') return localSeedFiles(loc.path, process.cwd());
  const resolved = await resolveHfSource({ path: loc.path });
  return downloadHfFiles(resolved, { path: loc.path });
}

/** What the person data contributes to a stage fingerprint: the Hub commit and files, or the local files' paths, sizes and times. */
export async function personDataIdentity(locale: string): Promise<unknown> {
  const loc = personDataLocation(locale);
  if (loc.kind === 'hf') {
    const r = await resolveHfSource({ path: loc.path });
    return { locale, hf: r.repo, sha: r.sha, files: r.files };
  }
  const { statSync } = await import('node:fs');
  return { locale, files: localSeedFiles(loc.path, process.cwd()).map((f) => ({ f, size: statSync(f).size, mtime: statSync(f).mtimeMs })) };
}

