import type { FolderRule, Rule, RuleInfo } from '../types';
import { sectionMissing } from './section-missing';
import { sectionDuplicate } from './section-duplicate';
import { sectionOrder } from './section-order';
import { sectionHeading } from './section-heading';
import { sectionNumbering } from './section-numbering';
import { tableMissing } from './table-missing';
import { tableShape } from './table-shape';
import { tableLabel } from './table-label';
import { templateVersion } from './template-version';
import { tableLayout } from './table-layout';
import { cellEmpty } from './cell-empty';
import { cellInvalid } from './cell-invalid';
import { cellFullwidth } from './cell-fullwidth';
import { t3RowTotal } from './t3-row-total';
import { t3ResultsTotal } from './t3-results-total';
import { t3Balance } from './t3-balance';
import { t4GroupTotal } from './t4-group-total';
import { t3Cell } from './t3-cell';
import { tableEmpty } from './table-empty';
import { reportTitle } from './report-title';
import { conversionArtifact } from './conversion-artifact';
import { yearMismatch } from './year-mismatch';
import { duplicateWord } from './duplicate-word';
import { textVsTable } from './text-vs-table';
import { feeStatement } from './fee-statement';
import { sectionEmpty } from './section-empty';
import { carryOverRule } from './carry-over';

const reportRules = [
  sectionMissing, sectionDuplicate, sectionOrder, sectionHeading, sectionNumbering, reportTitle,
  tableMissing, tableShape, tableLabel, templateVersion, tableLayout,
  cellEmpty, cellInvalid, cellFullwidth, t3RowTotal, t3ResultsTotal, t3Balance, t4GroupTotal, t3Cell, tableEmpty,
  conversionArtifact, yearMismatch, duplicateWord, textVsTable, feeStatement, sectionEmpty,
];

/** The rules across the reports checked together (folder.ts). */
const folderRules = [carryOverRule];

/** A rule's code: the rules' own ids. */
export type RuleCode = (typeof reportRules)[number]['id'] | (typeof folderRules)[number]['id'];

/** The rules on one report, in the order of spec/rules.md. */
export const RULES: Rule[] = reportRules;

/** The rules across the reports checked together (folder.ts). */
export const FOLDER_RULES: FolderRule[] = folderRules;

/** Every rule, in the order of spec/rules.md: what settings, `--severity` and the rule pages know. */
export const ALL_RULES: readonly RuleInfo[] = [...RULES, ...FOLDER_RULES];
