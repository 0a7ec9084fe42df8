/**
 * A name we own (issue 14 item 7). The GitHub repository `ddflow/ddflow` and the npm package `ddflow`
 * belong to someone else: a user who copies `uses: <that>@v1` from our docs runs someone else's code.
 * No file of the repository may say so; every example references the Action the one way we document
 * (the repository it is published from, pinned to a full commit SHA, with a placeholder owner).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..');
// Spelled in two parts so that this file does not contain what it looks for.
const FOREIGN_ACTION = ['ddflow', 'ddflow@'].join('/');
const TEXT = /\.(md|ya?ml|json|ts|mts|mjs|cjs|js|txt|sh)$|^(LICENSE|run)$/;
const SKIP_DIRS = new Set(['node_modules', '.git', 'coverage', 'artifacts', '.ddflow-cache', '.ddflow-tmp']);

function repositoryFiles(dir = root): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) out.push(...repositoryFiles(path.join(dir, e.name)));
    } else if (e.isFile() && TEXT.test(e.name)) out.push(path.join(dir, e.name));
  }
  return out;
}

/** The reference form the README documents for the Action. */
const ACTION_REFERENCE = /^YOUR-ORG\/ddflow@<full-commit-sha>$/;

describe('references to the Action and the package', () => {
  it(`no file says uses: ${FOREIGN_ACTION}… (a repository this project does not own)`, () => {
    const files = repositoryFiles();
    expect(files.some((f) => f.endsWith('README.md'))).toBe(true);
    expect(files.some((f) => f.endsWith('action.yml'))).toBe(true);
    const offenders = files.filter((f) => fs.readFileSync(f, 'utf8').includes(FOREIGN_ACTION)).map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
  });

  it('every example references the Action by its repository pinned to a full commit SHA', () => {
    const dir = path.join(root, 'examples/github');
    let steps = 0;
    for (const file of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const wf = parse(text) as { jobs: Record<string, { steps?: { uses?: string }[] }> };
      for (const step of Object.values(wf.jobs).flatMap((j) => j.steps ?? [])) {
        if (!step.uses || !/ddflow/.test(step.uses)) continue;
        steps++;
        expect(step.uses, file).toMatch(ACTION_REFERENCE);
      }
      // The comment next to each reference says what to put there.
      for (const line of text.split('\n').filter((l) => /uses: YOUR-ORG\/ddflow@/.test(l))) expect(line, file).toMatch(/# pin the commit you reviewed/);
    }
    expect(steps).toBeGreaterThan(0);
  });

  it('the published JSON Schema names the same placeholder repository in its $id', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'schema/ddflow.schema.json'), 'utf8')) as { $id: string };
    expect(schema.$id).toMatch(/^https:\/\/raw\.githubusercontent\.com\/YOUR-ORG\/ddflow\/[^/]+\/schema\/ddflow\.schema\.json$/);
  });
});
