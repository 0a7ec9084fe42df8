/**
 * Judge score options keep the key types and the order the workflow file gives them.
 *
 * Data Designer's `Score.options` is `dict[int | str, str]`: `{1: Poor, 2: Good}` (unquoted keys) is an
 * int-keyed dict, so the judge's response enum is `[1, 2]` and the stored score is an integer; quoted keys
 * (`'1': Poor`, which is what `write_config` writes) and every key of a JSON file stay strings. Python
 * dicts also keep the written order, which reaches the model (the enum and the `* key: description`
 * lines). A JS object has only string keys and iterates integer-like keys in ascending order, so the
 * loader reads the keys from the parsed YAML/JSON node and hangs the typed, ordered entries on the
 * options object, invisibly: the object itself stays Data Designer's JSON form (string keys), which is
 * what `builder_config.json` and the config hash must hold.
 *
 * A number key must be an integer (pydantic accepts 1.0 as 1 and rejects 1.5, .inf).
 */
import { isMap, isPair, isScalar, type Node } from 'yaml';
import { columnsOfType, type NodeAt, type ReportAt } from './config-columns.js';

export type ScoreOptionKey = string | number;
export type ScoreOptionEntries = Array<[ScoreOptionKey, string]>;

const TYPED = Symbol.for('ddflow.scoreOptions.typedEntries');

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface ScoreOptionProblem {
  /** The option's key, relative to the options mapping. */
  key: string;
  message: string;
}

/** The entries of an options mapping node, typed as written; undefined when it is not a plain mapping. */
export function readScoreOptionNode(node: Node | undefined, options: Obj): { entries: ScoreOptionEntries; problems: ScoreOptionProblem[] } | undefined {
  if (!isMap(node)) return undefined;
  const entries: ScoreOptionEntries = [];
  const problems: ScoreOptionProblem[] = [];
  for (const pair of node.items) {
    if (!isPair(pair) || !isScalar(pair.key)) return undefined;
    const raw = pair.key.value;
    const jsKey = String(raw);
    if (!(jsKey in options) || typeof options[jsKey] !== 'string') return undefined;
    const description = isScalar(pair.value) && typeof pair.value.value === 'string' ? pair.value.value : (options[jsKey] as string);
    if (typeof raw === 'number') {
      if (!Number.isFinite(raw) || !Number.isInteger(raw)) {
        problems.push({
          key: jsKey,
          message: `score option key ${pair.key.source ?? jsKey} must be an integer or a string (Data Designer's options are dict[int | str, str]); quote it to use it as a string`,
        });
        continue;
      }
      entries.push([raw, description]);
    } else {
      entries.push([jsKey, description]);
    }
  }
  return { entries, problems };
}

/** Records `entries` on `options` when they differ from what the object alone says (types or order). */
export function attachScoreOptionEntries(options: Obj, entries: ScoreOptionEntries): void {
  const plain = Object.entries(options);
  const same = plain.length === entries.length && entries.every(([k, d], i) => plain[i]![0] === k && plain[i]![1] === d);
  if (same) return;
  Object.defineProperty(options, TYPED, { value: entries, enumerable: false, configurable: true, writable: false });
}

/** The options as Data Designer holds them: typed, in written order (falls back to the object's entries). */
export function scoreOptionEntriesOf(options: Obj | ScoreOptionEntries): ScoreOptionEntries {
  if (Array.isArray(options)) return options;
  const typed = (options as { [TYPED]?: ScoreOptionEntries })[TYPED];
  return typed ?? (Object.entries(options) as ScoreOptionEntries);
}

/**
 * For the stage fingerprint: per judge column and score, the typed entries wherever they differ from the
 * plain object (undefined when none do, so configs with plain string keys keep their fingerprint). The
 * output differs between `1:` and `'1':` (3 vs "3"), so the fingerprint must too.
 */
export function typedScoreOptionsOf(config: unknown): Record<string, ScoreOptionEntries> | undefined {
  if (!isObj(config) || !Array.isArray(config.columns)) return undefined;
  const out: Record<string, ScoreOptionEntries> = {};
  for (const col of config.columns) {
    if (!isObj(col) || col.column_type !== 'llm-judge' || !Array.isArray(col.scores)) continue;
    col.scores.forEach((score, j) => {
      if (!isObj(score) || !isObj(score.options)) return;
      const typed = (score.options as { [TYPED]?: ScoreOptionEntries })[TYPED];
      if (typed) out[`${String(col.name)}/${j}`] = typed;
    });
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * Reads the typed keys of every judge score of a loaded config from its parsed nodes (`nodeAt` gives the
 * node of a config-relative path) and reports keys Data Designer would reject.
 */
export function applyTypedScoreOptions(config: unknown, nodeAt: NodeAt, report: ReportAt): void {
  for (const [col, i] of columnsOfType(config, 'llm-judge')) {
    if (!Array.isArray(col.scores)) continue;
    col.scores.forEach((score, j) => {
      if (!isObj(score) || !isObj(score.options)) return;
      const at = ['columns', i, 'scores', j, 'options'];
      const read = readScoreOptionNode(nodeAt(at), score.options);
      if (!read) return;
      for (const p of read.problems) report([...at, p.key], p.message);
      if (read.problems.length === 0) attachScoreOptionEntries(score.options, read.entries);
    });
  }
}
