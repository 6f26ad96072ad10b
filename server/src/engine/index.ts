// The engine's public surface: no LSP or VS Code here. Everything outside server/src/engine
// (language server, CLI, client, benchmark, scripts) imports the engine from this file only, and
// each name here is used out there (test/unit/boundary.test.ts checks both).
export { byPosition, check, checkReport, checkSteps, countBySeverity, type CheckResult } from './check';
export { clearCaches } from './caches';
export { applySafeFixes, applyTextEdits, compatibleFixes, replacementEdit } from './fixAll';
export { buildReport, drain, sectionAt, type Report, type SectionSpan } from './report';
export { ALL_RULES, FOLDER_RULES, RULES } from './rules';
export { checkFolder, folderReport, type FolderReport } from './folder';
export { gridTable, templateTable, reportSkeleton, convertRegion } from './blocks';
export { formGrid, type FormCell, type FormGrid } from './form';
export { relationInstances, tableArithmetic, termsText, valueOf } from './relations';
export { reportIdentity } from './identity';
export { keyFigures } from './figures';
export {
  ACCEPTED_LABEL_VARIANTS, formatForYear, relationsFor, SECTIONS, standardHeading, T3_NOTE, T4_GROUPS, TABLES,
  type FormatId, type RelationCode, type RelationDef, type TableDef, type TableId,
} from './template';
export {
  isSeveritySetting, SEVERITY_SETTINGS,
  type CheckOptions, type Diagnostic, type Rule, type RuleCode, type Severity, type SeveritySetting,
} from './types';
export { BOOKMARK, LineIndex, normalizeLabel, type Range } from './text';
export { cellKey, type MatchedTable, type ValueCell } from './match';
export type { TableRegion, Cell, Row } from './tables';
export { looksNumeric } from './values';
export { isDirectiveLine } from './directives';
