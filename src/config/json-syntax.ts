/**
 * Strict JSON syntax checking with positions. A `.json` workflow or config must be JSON, not the YAML
 * superset the YAML parser would accept (trailing commas, comments, single quotes, bare words), and a
 * broken one deserves a JSON message at the offending character — JSON.parse's own messages carry a
 * position only sometimes, and differently between Node versions, so the first error is found here.
 */

export interface JsonSyntaxError {
  /** Character offset of the offending character (an unclosed string/object/array: where it opens). */
  offset: number;
  message: string;
}

const MAX_DEPTH = 1000;

class Fail extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** The first syntax error of `text` as JSON, or undefined when JSON.parse would accept it. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const describe = (at: number): string => (at >= text.length ? 'the end of the file' : `'${text[at]}'`);
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };

  const string = () => {
    const open = i++;
    for (;;) {
      if (i >= text.length) throw new Fail(open, 'string is never closed (missing ")');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) throw new Fail(c === 0x0a || c === 0x0d ? open : i, c === 0x0a || c === 0x0d ? 'string is never closed on its line (missing ")' : 'control character in a string (escape it)');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Fail(i, 'invalid \\u escape in a string (needs 4 hex digits)');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else throw new Fail(i, `invalid escape '\\${e ?? ''}' in a string`);
      } else i++;
    }
  };

  const number = () => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-' || m[0] === '') throw new Fail(i, `unexpected ${describe(i)} (expected a value)`);
    const after = text[i + m[0].length];
    if (after !== undefined && /[0-9.eE+\-xXbBoO_]/.test(after)) throw new Fail(i, `invalid number '${text.slice(i, i + m[0].length + 1)}'`);
    i += m[0].length;
  };

  const value = (depth: number): void => {
    ws();
    const c = text[i];
    if (c === '{') return container(depth, '{', '}');
    if (c === '[') return container(depth, '[', ']');
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i) && !/[A-Za-z0-9_]/.test(text[i + word.length] ?? '')) {
        i += word.length;
        return;
      }
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    if (c === "'") throw new Fail(i, "strings must use double quotes (\") in JSON");
    if (c !== undefined && /[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 60))![0];
      throw new Fail(i, `unexpected word '${word}' (strings must be quoted; literals are true, false and null)`);
    }
    throw new Fail(i, `unexpected ${describe(i)} (expected a value)`);
  };

  const container = (depth: number, open: '{' | '[', close: '}' | ']'): void => {
    if (depth >= MAX_DEPTH) throw new Fail(i, `nesting deeper than ${MAX_DEPTH} levels`);
    const start = i++;
    const what = open === '{' ? 'object' : 'array';
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (i >= text.length) throw new Fail(start, `'${open}' is never closed (missing '${close}')`);
      if (open === '{') {
        if (text[i] !== '"') throw new Fail(i, `unexpected ${describe(i)} in an object (expected a property name in double quotes)`);
        string();
        ws();
        if (text[i] !== ':') throw new Fail(i, `unexpected ${describe(i)} after a property name (expected ':')`);
        i++;
      }
      value(depth + 1);
      ws();
      if (i >= text.length) throw new Fail(start, `'${open}' is never closed (missing '${close}')`);
      if (text[i] === close) {
        i++;
        return;
      }
      if (text[i] !== ',') throw new Fail(i, `unexpected ${describe(i)} in an ${what} (expected ',' or '${close}')`);
      const comma = i++;
      ws();
      if (text[i] === close) throw new Fail(comma, `trailing comma before '${close}' (JSON does not allow one)`);
    }
  };

  try {
    ws();
    if (i >= text.length) throw new Fail(i, 'the file is empty (expected a JSON value)');
    value(0);
    ws();
    if (i < text.length) throw new Fail(i, `unexpected ${describe(i)} after the end of the JSON value`);
    return undefined;
  } catch (err) {
    if (err instanceof Fail) return { offset: err.offset, message: err.message };
    throw err;
  }
}
