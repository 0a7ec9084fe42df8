/**
 * Renders per second for `{{ a + b }}` over 200k records, through the same path an expression column uses
 * (compile once, then prepare + render per row). Run: npx tsx bench/template-render.ts
 */
import { TemplateEngine } from '../src/template/index.js';

const N = 200_000;
const records = Array.from({ length: N }, (_, i) => ({ a: i, b: i % 7, name: `row ${i}`, flag: i % 2 === 0 }));
const engine = new TemplateEngine();

function bench(label: string, src: string): void {
  const t = engine.compile(src, { allowedReferences: ['a', 'b', 'name', 'flag'] });
  for (let i = 0; i < 5_000; i++) t.render(records[i]!); // warm-up
  const start = process.hrtime.bigint();
  let chars = 0;
  for (const r of records) chars += t.render(r).length;
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label.padEnd(40)} ${Math.round(N / secs).toLocaleString('en-US')} renders/s (${chars} chars)`);
}

bench('{{ a + b }}', '{{ a + b }}');
bench('{{ name | upper }} {{ a / 2 }}', '{{ name | upper }} {{ a / 2 }}');
bench('{% if flag %}even{% else %}odd{% endif %}', '{% if flag %}even{% else %}odd{% endif %}');
// Jinja grammar nunjucks lacks (jinja-parser.ts): a slice, a test with a bare argument, a Python method.
bench('{{ name[:3] }}{{ name[-2:] }}', '{{ name[:3] }}{{ name[-2:] }}');
bench('{{ a is divisibleby 3 }}', '{{ a is divisibleby 3 }}');
bench('{{ name.rsplit(" ", 1) }}', '{{ name.rsplit(" ", 1) }}');
