// The template's words as they are recognised in a document: normalised, and without the ordinal
// ("（一）", "1.", "三、") that writers drop or change. The table reader uses these to tell a
// table's lines and rows by their labels; the matcher scores cells against the same forms.
import { normalizeLabel, normalizeTemplateLabel } from './text';
import { TABLES, TEMPLATE_LABELS, type TableDef } from './template';

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
    if (core(norm).length >= 4) rowLabels.add(core(norm));
    for (const g of row.groups ?? []) groupLabels.add(normalizeTemplateLabel(g));
  }
}
const templateWords = new Set(TEMPLATE_LABELS.map(normalizeTemplateLabel));

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
