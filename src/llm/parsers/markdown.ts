/**
 * Fenced code blocks in a model response, the way Data Designer finds them (it renders the markdown with a
 * CommonMark parser and reads every `<pre><code>`): ``` or ~~~ fences of three or more characters, the
 * language is the first word of the info string (none when empty), a closing fence must use the same
 * character and be at least as long, and an unclosed fence runs to the end of the text.
 *
 * Differences, on purpose: fences are recognised at any indentation (models put them inside list items)
 * and indented (4-space) code blocks are not code blocks — both only matter for unusual answers.
 */

export interface CodeBlock {
  /** First word of the info string; null for an unlabelled fence. */
  lang: string | null;
  /** Block text, stripped (as Data Designer's parser does). */
  code: string;
}

const OPEN_FENCE = /^([ \t]*)(`{3,}|~{3,})(.*)$/;

export function extractCodeBlocks(text: string): CodeBlock[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: CodeBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const open = OPEN_FENCE.exec(lines[i]!);
    // A backtick fence whose info string holds a backtick is inline code (```x``` on one line), not a fence.
    if (!open || (open[2]![0] === '`' && open[3]!.includes('`'))) {
      i++;
      continue;
    }
    const indent = open[1]!.length;
    const fenceChar = open[2]![0]!;
    const fenceLen = open[2]!.length;
    const info = open[3]!.trim();
    const lang = info === '' ? null : info.split(/\s+/)[0]!;
    const body: string[] = [];
    i++;
    while (i < lines.length) {
      const line = lines[i]!;
      const close = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]![0] === fenceChar && close[1]!.length >= fenceLen) break;
      body.push(stripIndent(line, indent));
      i++;
    }
    i++; // past the closing fence (or past the end)
    blocks.push({ lang, code: body.join('\n').trim() });
  }
  return blocks;
}

/** Removes up to `n` leading spaces, as CommonMark does for the content of an indented fence. */
function stripIndent(line: string, n: number): string {
  let k = 0;
  while (k < n && k < line.length && (line[k] === ' ' || line[k] === '\t')) k++;
  return line.slice(k);
}
