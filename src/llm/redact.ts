/**
 * Removing an API key from text that came from a provider: error messages (some servers echo the
 * credential back) and model answers (a model can repeat what it was given). Not only the whole key:
 * any fragment of it of {@link MIN_FRAGMENT} characters or more, and the same in the encodings a key is
 * usually seen in (base64 at any byte alignment, standard and URL-safe, as in Basic auth headers; hex;
 * URL-encoding). The runner of a GitHub job masks only the whole key, so a fragment must never get out.
 */

/** What a removed key (or fragment) is replaced by. */
export const REDACTED = '[REDACTED]';

/** The shortest fragment of a key, in characters of the key, that is removed. */
export const MIN_FRAGMENT = 12;

/** A key shorter than this is a placeholder (`EMPTY`, `none`), not a secret: it is not removed from answers. */
export const MIN_ANSWER_SECRET_LENGTH = 8;

/** The longest provider error text kept in a message (after redaction). */
export const MAX_SERVER_TEXT = 200;

interface Form {
  /** The encoded key (or the part of it that does not depend on neighbouring bytes). */
  text: string;
  /** Shortest run of `text` that is removed. */
  min: number;
}

/** The characters of base64(prefix + key) that depend on the key's bytes only, for a prefix of `offset` bytes. */
function base64Core(key: Buffer, offset: number): string {
  const enc = Buffer.concat([Buffer.alloc(offset), key]).toString('base64');
  const first = Math.ceil((8 * offset) / 6);
  const end = Math.floor((8 * (offset + key.length)) / 6);
  return enc.slice(first, end);
}

function formsOf(secret: string): Form[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms: Form[] = [{ text: secret, min: MIN_FRAGMENT }];
  const url = encodeURIComponent(secret);
  if (url !== secret) forms.push({ text: url, min: MIN_FRAGMENT });
  const hex = bytes.toString('hex');
  forms.push({ text: hex, min: 2 * MIN_FRAGMENT }, { text: hex.toUpperCase(), min: 2 * MIN_FRAGMENT });
  for (let offset = 0; offset < 3; offset++) {
    const core = base64Core(bytes, offset);
    // 12 characters of the key are 16 of base64.
    forms.push({ text: core, min: Math.ceil((8 * MIN_FRAGMENT) / 6) });
    const urlSafe = core.replace(/\+/g, '-').replace(/\//g, '_');
    if (urlSafe !== core) forms.push({ text: urlSafe, min: Math.ceil((8 * MIN_FRAGMENT) / 6) });
  }
  return forms;
}

/** Finds keys (and fragments) in text; built once per key. */
export class SecretRedactor {
  /** Window length → every substring of that length of some form. */
  private readonly grams = new Map<number, Set<string>>();
  /** Whole forms too short for a fragment window (a short key is still removed whole). */
  private readonly wholes: string[] = [];

  constructor(secret: string) {
    // A key read with a stray newline or space is echoed without it.
    secret = secret.trim();
    for (const form of formsOf(secret)) {
      if (form.text.length === 0) continue;
      if (form.text.length < form.min) {
        // Only the raw key is removed whole when short; encodings of a short key are too short to matter.
        if (form.text === secret) this.wholes.push(secret);
        continue;
      }
      let set = this.grams.get(form.min);
      if (!set) this.grams.set(form.min, (set = new Set()));
      for (let i = 0; i + form.min <= form.text.length; i++) set.add(form.text.slice(i, i + form.min));
    }
    // The key base64-encoded on its own, padding included, goes as one piece (no stray `A==` left).
    const b64 = Buffer.from(secret, 'utf8').toString('base64');
    if (secret.length >= MIN_FRAGMENT) this.wholes.push(b64, b64.replace(/\+/g, '-').replace(/\//g, '_'));
  }

  /** The text with every occurrence replaced by {@link REDACTED}, and how many runs were replaced. */
  redact(text: string): { text: string; count: number } {
    if (text.length === 0) return { text, count: 0 };
    const hit = new Uint8Array(text.length);
    let any = false;
    for (const [len, set] of this.grams) {
      for (let i = 0; i + len <= text.length; i++) {
        if (set.has(text.slice(i, i + len))) {
          hit.fill(1, i, i + len);
          any = true;
        }
      }
    }
    for (const whole of this.wholes) {
      for (let i = text.indexOf(whole); i >= 0; i = text.indexOf(whole, i + 1)) {
        hit.fill(1, i, i + whole.length);
        any = true;
      }
    }
    if (!any) return { text, count: 0 };
    let out = '';
    let count = 0;
    for (let i = 0; i < text.length; ) {
      if (hit[i]) {
        while (i < text.length && hit[i]) i++;
        out += REDACTED;
        count++;
      } else {
        let j = i;
        while (j < text.length && !hit[j]) j++;
        out += text.slice(i, j);
        i = j;
      }
    }
    return { text: out, count };
  }
}

const redactors = new Map<string, SecretRedactor>();

/** The redactor of `secret` (cached: a run has a handful of keys). */
export function redactorFor(secret: string): SecretRedactor {
  let r = redactors.get(secret);
  if (!r) {
    if (redactors.size > 64) redactors.clear();
    redactors.set(secret, (r = new SecretRedactor(secret)));
  }
  return r;
}

/** `text` without the key (nor any fragment or encoding of it). */
export function redactSecret(text: string, secret: string | null | undefined): string {
  return secret && secret.trim() !== '' ? redactorFor(secret).redact(text).text : text;
}

/** `text` without any of `secrets` worth cutting (placeholders shorter than MIN_ANSWER_SECRET_LENGTH stay). */
export function redactSecrets(text: string, secrets: readonly string[] | undefined): string {
  let out = text;
  for (const s of secrets ?? []) if (s.trim().length >= MIN_ANSWER_SECRET_LENGTH) out = redactorFor(s).redact(out).text;
  return out;
}

/**
 * Provider-supplied text as put in a message: the key removed first, then cut to
 * {@link MAX_SERVER_TEXT} characters (cutting first could split the key and leave a fragment the
 * redaction no longer recognises).
 */
export function serverText(text: string, secret: string | null | undefined): string {
  const clean = redactSecret(text, secret);
  return clean.length > MAX_SERVER_TEXT ? `${clean.slice(0, MAX_SERVER_TEXT)}…` : clean;
}

/**
 * A model answer with the key removed. Placeholder keys shorter than {@link MIN_ANSWER_SECRET_LENGTH}
 * are left alone (removing `EMPTY` from answers would damage data and protect nothing).
 */
export function redactAnswer(text: string, secret: string | null | undefined): { text: string; count: number } {
  if (!secret || secret.trim().length < MIN_ANSWER_SECRET_LENGTH) return { text, count: 0 };
  const redactor = redactorFor(secret);
  const direct = redactor.redact(text);
  // A JSON answer can spell the key with \u escapes (`sk\u002dabc…`): read with the escapes of printable
  // characters decoded (still the same JSON: quotes, backslashes and control characters stay escaped).
  const view = unescapedJsonText(direct.text);
  if (view === direct.text) return direct;
  const again = redactor.redact(view);
  return again.count > 0 ? { text: again.text, count: direct.count + again.count } : direct;
}

/** `\uXXXX` escapes of printable characters (not `"`, `\\`, control characters or surrogates) decoded. */
function unescapedJsonText(text: string): string {
  if (!text.includes('\\u')) return text;
  return text.replace(/(?<!\\)((?:\\\\)*)\\u([0-9a-fA-F]{4})/g, (m, lead: string, hex: string) => {
    const code = parseInt(hex, 16);
    const c = String.fromCharCode(code);
    return code >= 0x20 && c !== '"' && c !== '\\' && (code < 0xd800 || code > 0xdfff) ? lead + c : m;
  });
}
