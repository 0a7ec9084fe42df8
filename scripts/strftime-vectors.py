"""Writes test/fixtures/strftime-cpython.json: what CPython's datetime.strftime prints on Linux (glibc, C
locale) — pandas' dt.strftime, which formats Data Designer's datetime samplers — for random formats of
glibc flags, field widths, E/O modifiers and directives known and unknown. Run: python3 scripts/strftime-vectors.py
"""
import datetime, json, platform, random, sys

random.seed(7)
letters = list('aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZf%') + list('qQEiJKLNoOv')
cases = []
for _ in range(4000):
    parts = []
    for _ in range(random.randint(1, 3)):
        s = '%'
        for _ in range(random.choice([0, 0, 1, 1, 2])):
            s += random.choice('_-0^#')
        if random.random() < 0.6:
            s += str(random.choice([0, 1, 2, 3, 4, 5, 8, 10, 12, 15, 20]))
        if random.random() < 0.1:
            s += random.choice('EO')
        s += random.choice(letters)
        parts.append(s)
        if random.random() < 0.3:
            parts.append(random.choice(['-', ' ', 'x', '|']))
    if random.random() < 0.05:
        parts.append('%' + random.choice(['', '5', '_', '-3']))
    fmt = ''.join(parts)
    year = random.choice([random.randint(1970, 2060), random.randint(1, 2999)])
    dt = datetime.datetime(year, random.randint(1, 12), random.randint(1, 28), random.randint(0, 23), random.randint(0, 59), random.randint(0, 59))
    try:
        cases.append([dt.isoformat(), fmt, dt.strftime(fmt)])
    except ValueError:
        continue
random.seed(3)
out = {
    'generated_by': f'CPython {platform.python_version()} datetime.strftime on {platform.libc_ver()[0]} {platform.libc_ver()[1]}, C locale; scripts/strftime-vectors.py',
    'cases': random.sample(cases, 800),
}
with open('test/fixtures/strftime-cpython.json', 'w') as f:
    json.dump(out, f, indent=0)
print(len(out['cases']), 'cases', file=sys.stderr)
