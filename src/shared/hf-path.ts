/**
 * The path of an `hf` seed source, as Data Designer's HfFileSystem reads it:
 * `datasets/<org>/<dataset>[@<revision>]/<file or glob>`. Shared by validation (its shape) and the
 * Hub reader (src/data/hf-hub.ts).
 */
import { DdflowError } from '../diagnostics.js';

export interface HfPath {
  repo: string;
  revision: string;
  /** The file or glob inside the repository ('' for the whole repository). */
  pattern: string;
}

/** Splits `datasets/<org>/<repo>[@rev]/<pattern>`; throws a sentence for any other shape. */
export function parseHfPath(userPath: string): HfPath {
  const m = /^datasets\/([^/@]+)\/([^/@]+)(?:@([^/]+))?(?:\/(.*))?$/.exec(userPath.trim());
  if (!m) {
    throw new DdflowError(
      `The hf seed path '${userPath}' is not of the form datasets/<org>/<dataset>/<file or glob> (for example datasets/my-org/my-dataset/data/*.parquet).`,
    );
  }
  let revision = 'main';
  if (m[3] !== undefined) {
    try {
      revision = decodeURIComponent(m[3]);
    } catch {
      revision = m[3];
    }
  }
  return { repo: `${m[1]}/${m[2]}`, revision, pattern: m[4] ?? '' };
}

