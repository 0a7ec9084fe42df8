/** Reading the expectation each invalid fixture declares: `# expect: [file:]line: message fragment`. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Expectation {
  /** The fixture (workflow file) to validate. */
  workflow: string;
  /** The file the diagnostic must point at (the workflow, or a config file it names). */
  file: string;
  line: number;
  fragment: string;
}

const EXPECT = /^(?:(.+?):)?(\d+): (.+)$/;

export function readExpectations(dir: string): Expectation[] {
  return readdirSync(dir)
    .filter((n) => /\.(ya?ml|json)$/.test(n))
    .sort()
    .map((name) => {
      const workflow = path.join(dir, name);
      const sidecar = `${workflow}.expect`;
      const raw = existsSync(sidecar) ? readFileSync(sidecar, 'utf8').trim() : readFileSync(workflow, 'utf8').split('\n')[0]!.replace(/^#\s*expect:\s*/, '');
      const m = EXPECT.exec(raw);
      if (!m) throw new Error(`${name}: no '# expect: <line>: <message>' header`);
      return { workflow, file: m[1] ? path.join(dir, m[1]) : workflow, line: Number(m[2]), fragment: m[3]! };
    });
}
