// Python's float formatting and round(), against vectors printed by CPython 3.11 (the one-liner per row:
// `'%.*f' % (n, x)`, `'%.*e' % (n, x)`, `'%.*g' % (p, x)`, `'%#.*g' % (p, x)`, `round(x, n)`, `round(x, -n)`).
// Data Designer formats and rounds in Python: Jinja's `%` and `round`, the statistics' round(v, 2)
// (data_designer/config/utils/numerical_helpers.py, prepare_number_for_reporting).
import { describe, expect, it } from 'vitest';
import { formatExponent, formatFixed, formatGeneral, pythonRound } from '../../src/shared/python-float.js';

describe('Python float formatting (exact value, ties to even)', () => {
  it.each([
    // exact ties: JavaScript's toFixed/toExponential/toPrecision round them up, Python to even
    [0.125, 2, '0.12'],
    [0.375, 2, '0.38'],
    [2.5, 0, '2'],
    [3.5, 0, '4'],
    [-0.125, 2, '-0.12'],
    [12.5, 0, '12'],
    // near-ties are not ties: 2.675 is 2.67499999999999982236431605997495353221893310546875
    [2.675, 2, '2.67'],
    [1.005, 2, '1.00'],
  ])('%%.nf of %d with %d places → %s', (x, n, out) => expect(formatFixed(x, n)).toBe(out));

  it('exponent and general forms round ties to even too', () => {
    expect(formatExponent(1.25, 1)).toBe('1.2e+00');
    expect(formatExponent(2.5, 0)).toBe('2e+00');
    expect(formatGeneral(0.125, 2)).toBe('0.12');
    expect(formatGeneral(0.0001, 3)).toBe('0.0001');
    expect(formatGeneral(0.00001, 3)).toBe('1e-05');
    expect(pythonRound(0.125, 2)).toBe(0.12);
    expect(pythonRound(2.675, 2)).toBe(2.67);
    expect(pythonRound(1250, -2)).toBe(1200);
    expect(pythonRound(1350, -2)).toBe(1400);
  });

  // [x, n, p, '%.nf', '%.ne', '%.pg', '%#.pg', round(x, n), round(x, -n)]
  it.each([
    [0.125, 3, 2, '0.125', '1.250e-01', '0.12', '0.12', 0.125, 0.0],
    [0.375, 0, 7, '0', '4e-01', '0.375', '0.3750000', 0.0, 0.0],
    [2.675, 2, 2, '2.67', '2.67e+00', '2.7', '2.7', 2.67, 0.0],
    [1.115, 0, 0, '1', '1e+00', '1', '1.', 1.0, 1.0],
    [2.5, 4, 6, '2.5000', '2.5000e+00', '2.5', '2.50000', 2.5, 0.0],
    [-2.5, 3, 2, '-2.500', '-2.500e+00', '-2.5', '-2.5', -2.5, -0.0],
    [0.5, 4, 0, '0.5000', '5.0000e-01', '0.5', '0.5', 0.5, 0.0],
    [9.995, 4, 1, '9.9950', '9.9950e+00', '1e+01', '1.e+01', 9.995, 0.0],
    [9.96, 0, 0, '10', '1e+01', '1e+01', '1.e+01', 10.0, 10.0],
    [0.045, 1, 3, '0.0', '4.5e-02', '0.045', '0.0450', 0.0, 0.0],
    [1.005, 4, 0, '1.0050', '1.0050e+00', '1', '1.', 1.005, 0.0],
    [1234.5, 3, 5, '1234.500', '1.234e+03', '1234.5', '1234.5', 1234.5, 1000.0],
    [5e-324, 3, 3, '0.000', '4.941e-324', '4.94e-324', '4.94e-324', 0.0, 0.0],
    [1e+22, 4, 3, '10000000000000000000000.0000', '1.0000e+22', '1e+22', '1.00e+22', 1e+22, 1e+22],
    [-0.0, 2, 7, '-0.00', '-0.00e+00', '-0', '-0.000000', -0.0, -0.0],
    [0.0001234, 0, 1, '0', '1e-04', '0.0001', '0.0001', 0.0, 0.0],
    [123456789.98765433, 3, 4, '123456789.988', '1.235e+08', '1.235e+08', '1.235e+08', 123456789.988, 123457000.0],
    [1.0000000000000002e+16, 3, 1, '10000000000000002.000', '1.000e+16', '1e+16', '1.e+16', 1.0000000000000002e+16, 1e+16],
    [-100.1796875, 2, 5, '-100.18', '-1.00e+02', '-100.18', '-100.18', -100.18, -100.0],
    [3113.16796875, 1, 4, '3113.2', '3.1e+03', '3113', '3113.', 3113.2, 3110.0],
    [-102.419921875, 0, 1, '-102', '-1e+02', '-1e+02', '-1.e+02', -102.0, -102.0],
    [774.5703125, 4, 1, '774.5703', '7.7457e+02', '8e+02', '8.e+02', 774.5703, 0.0],
    [-75218.375, 3, 1, '-75218.375', '-7.522e+04', '-8e+04', '-8.e+04', -75218.375, -75000.0],
    [1339.650390625, 2, 6, '1339.65', '1.34e+03', '1339.65', '1339.65', 1339.65, 1300.0],
  ] as const)('%d (n=%d, p=%d) as CPython prints it', (x, n, p, f, e, g, alt, r, rNeg) => {
    expect(formatFixed(x, n)).toBe(f);
    expect(formatExponent(x, n)).toBe(e);
    expect(formatGeneral(x, p)).toBe(g);
    expect(formatGeneral(x, p, true)).toBe(alt);
    expect(Object.is(pythonRound(x, n), r) || pythonRound(x, n) === r).toBe(true);
    expect(pythonRound(x, -n)).toBe(rNeg);
  });
});
