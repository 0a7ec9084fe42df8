// Python's str.format in templates, against Jinja2 3.1.6's ImmutableSandboxedEnvironment (the expected
// strings were rendered by it with the record below): Data Designer renders expressions with it.
import { describe, expect, it } from 'vitest';
import { TemplateEngine } from '../../src/template/index.js';

const record = {"i": 1234567, "n": -42, "f": 0.125, "g": 2.675, "h": 1234.5678, "s": "héllo", "z": 0, "b": true, "big": 12345678.9, "tiny": 1.2345e-05};
const engine = new TemplateEngine();
const render = (src: string) => engine.compile(src, { allowedReferences: Object.keys(record) }).render(record);

describe("'…'.format(...) as Jinja2 renders it", () => {
  it.each([
    ["{{ '{}'.format(i) }}", "1234567"],
    ["{{ '{:+}'.format(i) }}", "+1234567"],
    ["{{ '{:.3g}'.format(i) }}", "1.23e+06"],
    ["{{ '{:n}'.format(i) }}", "1234567"],
    ["{{ '{:05}'.format(i) }}", "1234567"],
    ["{{ '{:*^11}'.format(n) }}", "****-42****"],
    ["{{ '{:%}'.format(n) }}", "-4200.000000%"],
    ["{{ '{:e}'.format(n) }}", "-4.200000e+01"],
    ["{{ '{:#g}'.format(n) }}", "-42.0000"],
    ["{{ '{:*^11}'.format(f) }}", "***0.125***"],
    ["{{ '{:%}'.format(f) }}", "12.500000%"],
    ["{{ '{:010}'.format(f) }}", "000000.125"],
    ["{{ '{!r}'.format(g) }}", "2.675"],
    ["{{ '{:08}'.format(g) }}", "0002.675"],
    ["{{ '{:.3}'.format(g) }}", "2.67"],
    ["{{ '{:E}'.format(g) }}", "2.675000E+00"],
    ["{{ '{:>10}'.format(h) }}", " 1234.5678"],
    ["{{ '{:.0f}'.format(h) }}", "1235"],
    ["{{ '{:,.2f}'.format(h) }}", "1,234.57"],
    ["{{ '{:#g}'.format(h) }}", "1234.57"],
    ["{{ '{:.3}'.format(s) }}", "hél"],
    ["{{ '{:d}'.format(z) }}", "0"],
    ["{{ '{:08}'.format(z) }}", "00000000"],
    ["{{ '{:#x}'.format(z) }}", "0x0"],
    ["{{ '{:=+10d}'.format(z) }}", "+        0"],
    ["{{ '{}'.format(b) }}", "True"],
    ["{{ '{:+}'.format(b) }}", "+1"],
    ["{{ '{:.3g}'.format(b) }}", "1"],
    ["{{ '{:n}'.format(b) }}", "1"],
    ["{{ '{:#g}'.format(b) }}", "1.00000"],
    ["{{ '{:*^11}'.format(big) }}", "12345678.9*"],
    ["{{ '{:%}'.format(big) }}", "1234567890.000000%"],
    ["{{ '{:010}'.format(big) }}", "12345678.9"],
    ["{{ '{!r}'.format(tiny) }}", "1.2345e-05"],
    ["{{ '{:08}'.format(tiny) }}", "1.2345e-05"],
    ["{{ '{:.3}'.format(tiny) }}", "1.23e-05"],
    ["{{ '{:E}'.format(tiny) }}", "1.234500E-05"],
    ["{{ '{0}-{1}-{0}'.format(s, i) }}", "héllo-1234567-héllo"],
    ["{{ '{a}:{b:.1f}'.format(a=s, b=f) }}", "héllo:0.1"],
    ["{{ '{{}}{}'.format(i) }}", "{}1234567"],
    ["{{ '{:.2f}'.format(f) }}|{{ '{:,}'.format(1234567) }}|{{ '{!r}'.format('a') }}", "0.12|1,234,567|'a'"],
  ])('%s → %s', (src, expected) => expect(render(src)).toBe(expected));

  it.each([
    "{{ '{:d}'.format(s) }}",
    "{{ '{:,}'.format(s) }}",
    "{{ '{:_}'.format(s) }}",
    "{{ '{:+}'.format(s) }}",
    "{{ '{: }'.format(s) }}",
    "{{ '{:08.2f}'.format(s) }}",
  ])('%s is an error, as in Python', (src) => expect(() => render(src)).toThrow());
});
