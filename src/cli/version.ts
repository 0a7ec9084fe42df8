/**
 * ddflow's version, read from its package.json. The file is found by walking up from this module: that
 * works from src/cli (tsx), from build output, and from the ncc bundle (dist/cli/index.js → the package
 * root), whichever directory depth the code ends up at. A build may also inject DDFLOW_VERSION.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __DDFLOW_VERSION__: string | undefined;

export function ddflowVersion(): string {
  if (typeof __DDFLOW_VERSION__ === 'string') return __DDFLOW_VERSION__;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = [dir, 'package.json'].join(path.sep);
    try {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      // ncc writes a dist/package.json holding only {"type": "module"}: keep walking up past it.
      if (pkg.name === 'ddflow-cli' && pkg.version) return pkg.version;
    } catch {
      // not here
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return 'unknown';
}
