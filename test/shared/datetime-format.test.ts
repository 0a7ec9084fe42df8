// strftime as Python prints it on Linux (glibc, C locale) — what pandas' dt.strftime gives Data Designer's
// datetime samplers (sampling_gen/data_sources/base.py DatetimeFormatMixin.postproc). The expected strings
// were printed by CPython 3.11's datetime.strftime on glibc; and the date forms pandas' to_datetime reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDatetime, strftime } from '../../src/shared/datetime-format.js';

/** 800 random formats printed by CPython on glibc (scripts/strftime-vectors.py writes them). */
const CPYTHON = JSON.parse(readFileSync(new URL('../fixtures/strftime-cpython.json', import.meta.url), 'utf8')) as { cases: [string, string, string][] };

describe('strftime: glibc directives and flags', () => {
  it.each([
    ["2011-04-15T09:13:16", "%a %A %b %B %h", "Fri Friday Apr April Apr"],
    ["2001-06-20T03:07:58", "%D", "06/20/01"],
    ["2008-08-15T03:02:11", "%C", "20"],
    ["2027-10-10T15:35:18", "%p", "PM"],
    ["2031-12-02T18:34:57", "%R", "18:34"],
    ["2037-01-01T05:59:16", "%_d|%_H|%-I", " 1| 5|5"],
    ["2008-12-31T13:05:07", "%W", "52"],
    ["2017-12-14T01:57:18", "%W", "50"],
    ["2017-05-20T02:53:16", "%W", "20"],
    ["2004-11-22T20:57:08", "%j %-j", "327 327"],
    ["2021-05-05T20:19:41", "%Y-%m-%dT%H:%M:%S", "2021-05-05T20:19:41"],
    ["2011-04-15T09:13:16", "%w %u", "5 5"],
    ["2010-12-31T13:05:07", "%g", "10"],
    ["2001-06-20T03:07:58", "%k", " 3"],
    ["2016-12-12T05:41:47", "%w %u", "1 1"],
    ["2004-11-22T20:57:08", "%U", "47"],
    ["2012-05-12T09:34:46", "%p", "AM"],
    ["2021-01-04T13:05:07", "%U", "01"],
    ["2024-07-30T10:11:17", "%X", "10:11:17"],
    ["2022-08-01T06:54:44", "%e", " 1"],
    ["2036-01-26T05:05:22", "%s", "2084936722"],
    ["2039-11-20T14:52:55", "%l", " 2"],
    ["2008-08-15T03:02:11", "%j %-j", "228 228"],
    ["2025-11-28T18:56:39", "%G", "2025"],
    ["2022-08-01T06:54:44", "%U", "31"],
    ["2011-04-15T09:13:16", "%x", "04/15/11"],
    ["2039-11-20T14:52:55", "%c", "Sun Nov 20 14:52:55 2039"],
    ["2000-05-12T01:24:41", "%w %u", "5 5"],
    ["2016-10-11T14:25:24", "%W", "41"],
    ["2025-11-28T18:56:39", "%C", "20"],
    ["2000-11-21T22:55:08", "%V", "47"],
    ["2001-12-21T22:17:27", "%Y-%m-%dT%H:%M:%S", "2001-12-21T22:17:27"],
    ["2007-09-14T17:59:23", "%R", "17:59"],
    ["2025-04-19T23:22:39", "%#b %#p", "APR pm"],
    ["2013-07-14T10:06:12", "%c", "Sun Jul 14 10:06:12 2013"],
    ["2009-01-03T13:05:07", "%U", "00"],
    ["2020-12-29T13:05:07", "%G-%V-%u", "2020-53-2"],
    ["2020-05-01T10:31:20", "%e", " 1"],
    ["2031-09-08T02:43:57", "%_d|%_H|%-I", " 8| 2|2"],
    ["2004-06-28T23:55:31", "%_d|%_H|%-I", "28|23|11"],
    ["2004-06-07T01:21:04", "%g", "04"],
    ["2008-12-30T20:44:44", "%x", "12/30/08"],
    ["2021-02-03T01:06:27", "%Y-%m-%dT%H:%M:%S", "2021-02-03T01:06:27"],
    ["2000-03-25T02:06:30", "%-d/%-m/%Y", "25/3/2000"],
    ["2010-01-03T13:05:07", "%U", "01"],
  ])('%s with %j → %j', (iso, format, expected) => expect(strftime(parseDatetime(iso), format)).toBe(expected));
});

describe('strftime: field widths, repeated flags, E/O modifiers, unknown directives, years before 100', () => {
  it.each([
    ['2024-03-05T07:08:09', '%05d|%5d|%_5d|%-5d|%1d', '00005|00005|    5|    5|05'],
    ['2024-03-05T07:08:09', '%10Y|%-10Y|%3Y|%5C|%020G', '0000002024|      2024|2024|00020|00000000000000002024'],
    ['2024-03-05T07:08:09', '%8B|%08B|%^8b|%#8b|%6p|%10P', '   March|000March|     MAR|     MAR|    AM|        am'],
    ['2024-03-05T07:08:09', '%4e|%-3e|%0e|%03e|%_j|%-j', '   5|  5|05|005| 65|65'],
    ['2024-03-05T07:08:09', '%0_5d|%_05d|%^_8B', '    5|00005|   MARCH'],
    ['2024-03-05T07:08:09', '%12F|%10R|%30c', '  2024-03-05|     07:08|      Tue Mar  5 07:08:09 2024'],
    ['2024-03-05T07:08:09', '%Ey|%EY|%Od|%OB|%Ed|%OY|%5Ed|%E5d', '24|2024|05|March|%Ed|%OY| %5Ed|%E5d'],
    ['2024-03-05T07:08:09', '%#c|%^c|%#p|%^P|%#Eb|%#Oa', 'Tue Mar  5 07:08:09 2024|TUE MAR  5 07:08:09 2024|am|am|%#EB|%#Oa'],
    ['2024-03-05T07:08:09', '%15s|%015s|%5q|%^5q|%5%|%5', '     1709622489|000001709622489|  %5q| %^5Q|    %|   %5'],
    // Python replaces %f, %z, %Z only right after a `%` (pairs from the left), glibc the rest.
    ['2024-03-05T07:08:09', '%f|%5f|%-f|%%f|%3%%fx|%z|%Z|%5Z|%05Z|%5z', '000000|  %5f|%-f|%f|  %%fx|||     |00000|'],
    ['0092-09-06T21:00:16', '%g %G %C %Y %j %U %V %F', '92 92 0 92 250 35 36 92-09-06'],
  ])('%s with %j → %j', (iso, format, expected) => expect(strftime(new Date(`${iso}Z`).getTime(), format)).toBe(expected));

  it(`equals CPython's datetime.strftime on glibc for ${CPYTHON.cases.length} random formats`, () => {
    const differ = CPYTHON.cases.filter(([iso, format, expected]) => strftime(new Date(`${iso}Z`).getTime(), format) !== expected);
    expect(differ).toEqual([]);
  });
});

describe('parseDatetime: the forms pandas reads in a config', () => {
  it.each([
    ['01/15/2024', '2024-01-15T00:00:00.000Z'],
    ['Jan 1, 2024', '2024-01-01T00:00:00.000Z'],
    ['1 January 2024', '2024-01-01T00:00:00.000Z'],
    ['2024-01-01T10:30:00+00:00', '2024-01-01T10:30:00.000Z'],
    ['2024-01-01 10:30 UTC', '2024-01-01T10:30:00.000Z'],
    ['2024-03', '2024-03-01T00:00:00.000Z'],
  ])('%s', (text, iso) => expect(new Date(parseDatetime(text)).toISOString()).toBe(iso));

  it.each(['2024-02-30', 'Foo 1, 2024', 'yesterday'])('%s is an error', (text) => expect(() => parseDatetime(text)).toThrow(`Invalid datetime format: ${text}`));
});

describe('convert_to formats with glibc flags validate', () => {
  it('%-d/%-m/%Y is a format (Data Designer checks it by formatting 2012-12-21 on Linux: 21/12/2012)', async () => {
    const { isValidStrftime } = await import('../../src/config/rules/samplers.js');
    expect(isValidStrftime('%-d/%-m/%Y')).toBe(true);
    expect(isValidStrftime('%x %R')).toBe(true);
    expect(isValidStrftime('%Q')).toBe(false);
    expect(isValidStrftime('%05d.%_3m.%Ey %^10B')).toBe(true);
    expect(isValidStrftime('%L')).toBe(false);
    expect(strftime(parseDatetime('2012-12-21'), '%-d/%-m/%Y')).toBe('21/12/2012');
  });
});
