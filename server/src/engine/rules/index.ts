import type { FolderRule, Rule, RuleInfo } from '../types';
import { sectionMissing } from './sectionMissing';
import { sectionDuplicate } from './sectionDuplicate';
import { sectionOrder } from './sectionOrder';
import { sectionHeading } from './sectionHeading';
import { sectionNumbering } from './sectionNumbering';
import { tableMissing } from './tableMissing';
import { tableShape } from './tableShape';
import { tableLabel } from './tableLabel';
import { templateVersion } from './templateVersion';
import { tableLayout } from './tableLayout';
import { cellEmpty } from './cellEmpty';
import { cellInvalid } from './cellInvalid';
import { cellFullwidth } from './cellFullwidth';
import { t3Balance, t3ResultsTotal, t3RowTotal, t4GroupTotal } from './relationRules';
import { t3Cell } from './t3Cell';
import { tableEmpty } from './tableEmpty';
import { reportTitle } from './reportTitle';
import { conversionArtifact } from './conversionArtifact';
import { yearMismatch } from './yearMismatch';
import { duplicateWord } from './duplicateWord';
import { textVsTable } from './textVsTable';
import { feeStatement } from './feeStatement';
import { sectionEmpty } from './sectionEmpty';
import { carryOverRule } from './carryOver';

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
