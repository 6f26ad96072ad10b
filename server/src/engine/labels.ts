// The template's words as they are recognised in a document: normalised, and without the ordinal
// ("（一）", "1.", "三、") that writers drop or change, and how well a cell's words name a label.
// The table reader tells a table's rows by these; the identifier and the matcher score cells with them.
import { countBigrams, normalizeLabel, normalizeTemplateLabel, similarityOf, type BigramCounts } from './text';
import { ACCEPTED_LABEL_VARIANTS, labelsWithGroups, TABLES, TEMPLATE_LABELS, type TableDef, type TableId } from './template';
import { BoundedCache } from './caches';
import { isValueWritten } from './values';

const ORDINAL_PREFIX = /^(\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+[.、])/;

/** A normalised label without its ordinal prefix. */
export const core = (norm: string) => norm.replace(ORDINAL_PREFIX, '');

const templateDefs: TableDef[] = Object.values(TABLES).flatMap(byId => Object.values(byId));

const captions = new Set(templateDefs.flatMap(d => d.blocks.flatMap(b => (b.caption ? [normalizeTemplateLabel(b.caption)] : []))));

// Data rows by their normalised label, and by a core long enough not to be a column's word too
// (表三's "3.其他" has the core "其他", which is also a column).
const rowLabels = new Set<string>();
const groupLabels = new Set<string>();
for (const def of templateDefs) {
  for (const row of def.blocks.flatMap(b => b.rows)) {
    if (row.label === '') continue;
    const norm = normalizeTemplateLabel(row.label);
    rowLabels.add(norm);
    for (const written of labelsWithGroups(row)) rowLabels.add(normalizeTemplateLabel(written));
    if (core(norm).length >= 4) rowLabels.add(core(norm));
    for (const g of row.groups ?? []) groupLabels.add(normalizeTemplateLabel(g));
  }
}
const templateWords = new Set([...TEMPLATE_LABELS, ...Object.values(ACCEPTED_LABEL_VARIANTS).flat()].map(normalizeTemplateLabel));

/** A cell's text as the template's words are compared: normalised, Markdown heading and bold marks dropped. */
export function labelForm(text: string): string {
  return normalizeLabel(text.replace(/^\s*#{1,6}\s+|\*\*|__/g, '').replace(/[：:]\s*$/, ''));
}

/** Whether the text is a block caption of a template table (表二's "第二十条第（一）项"). */
export function isCaptionText(text: string): boolean {
  return captions.has(labelForm(text));
}

/** Whether a normalised text names a data row of a template table, with or without its ordinal. */
export function isRowLabelForm(norm: string): boolean {
  return rowLabels.has(norm) || rowLabels.has(core(norm));
}

/** Whether a normalised text is a group label above rows (三、本年度办理结果, （三）不予公开). */
export function isGroupLabelForm(norm: string): boolean {
  return groupLabels.has(norm);
}

/** Whether a normalised text is any word of a template table: caption, header, row or group label. */
export function isTemplateWordForm(norm: string): boolean {
  return templateWords.has(norm) || isRowLabelForm(norm);
}

// ---------- scoring a cell against a label ----------


/**
 * What matching reads from one cell text, worked out once per text: every row is compared with
 * many template labels, and tables repeat the template's words and the same few numbers.
 */
export interface Words {
  /** normalizeLabel form. */
  norm: string;
  /** `norm` without an ordinal prefix such as "（一）" or "1.". */
  core: string;
  /** Bigram counts of `core`, once a score needs them. */
  bigrams?: BigramCounts;
  /** The table the cell announces (null: none), once asked. */
  anchor?: TableId | null;
  /** labelScore against each template label asked about. */
  scores?: Map<string, number>;
}

/**
 * Words by cell text: one entry holds all that is worked out from a text. Its key is kept as it is,
 * not copied: a cell's text is a copy already (tables.ts reads cells with ownedText), so it pins no
 * document; each cache and label copied it again.
 */
class WordsCache extends BoundedCache<string, Words> {
  of(cellText: string): Words {
    let words = this.get(cellText);
    if (words === undefined) {
      const norm = normalizeLabel(cellText);
      words = { norm, core: core(norm) };
      this.store(cellText, words);
    }
    return words;
  }
}
const cellWords = new WordsCache(20000);
export const wordsOf = (text: string) => cellWords.of(text);

/** A template label's forms for scoring. */
interface LabelForms { norm: string; core: string; variants: string[]; bigrams: BigramCounts }

function labelForms(label: string): LabelForms {
  const norm = normalizeTemplateLabel(label);
  const labelCore = core(norm);
  return { norm, core: labelCore, variants: (ACCEPTED_LABEL_VARIANTS[label] ?? []).map(normalizeTemplateLabel), bigrams: countBigrams(labelCore) };
}

/** The forms of every word the template prints, made once. */
const LABEL_FORMS = new Map(TEMPLATE_LABELS.map(label => [label, labelForms(label)]));

export const formsOf = (label: string): LabelForms => LABEL_FORMS.get(label) ?? labelForms(label);

/**
 * How well a cell's text names a template label (a string of the template, whose forms are kept
 * for the process): 1 exact, ≥0.6 the same label drifted. A caller
 * that only asks whether the score reaches `atLeast` may get 0 for a score that the lengths alone
 * keep below it: that score is never worked out (most cells are far shorter or longer than a caption).
 */
export function labelScore(text: string, label: string, atLeast = 0): number {
  // Real documents repeat the same cell texts (the same template, report after report): scores are kept per text.
  return scoreOf(wordsOf(text), label, atLeast);
}

/** labelScore of a text that is no table cell (a line of prose): worked out afresh, nothing kept of it. */
export function textScore(text: string, label: string, atLeast = 0): number {
  const norm = normalizeLabel(text);
  return scoreWords({ norm, core: core(norm) }, formsOf(label), atLeast) ?? 0;
}

/** labelScore of the text whose words these are. */
export function scoreOf(words: Words, label: string, atLeast = 0): number {
  let score = words.scores?.get(label);
  if (score === undefined) {
    score = scoreWords(words, formsOf(label), atLeast);
    if (score === undefined) return 0;
    (words.scores ??= new Map()).set(label, score);
  }
  return score;
}

const bigramsOf = (words: Words) => (words.bigrams ??= countBigrams(words.core));

/** labelScore; undefined when it is certainly below `atLeast`. */
export function scoreWords(words: Words, label: LabelForms, atLeast = 0): number | undefined {
  const a = words.norm;
  if (a === label.norm || label.variants.includes(a)) return 1;
  const ca = words.core, cb = label.core;
  if (ca === cb && ca !== '') return 0.95;
  if (Math.min(ca.length, cb.length) >= 4 && (ca.startsWith(cb) || cb.startsWith(ca))) return 0.8;
  // Similarity counts shared bigrams, at most as many as the shorter string has.
  const shorter = Math.min(ca.length, cb.length);
  if (ca !== cb && shorter >= 2 && (2 * (shorter - 1)) / (ca.length + cb.length - 2) < atLeast) return undefined;
  return similarityOf(ca, cb, () => bigramsOf(words), () => label.bigrams);
}

/** The score from which a cell names a label, drifted. */
export const MATCH = 0.6;
/** A cell that holds a value or none: blank, a number, a placeholder. */
export const isValueText = (s: string) => s === '' || isValueWritten(s);
