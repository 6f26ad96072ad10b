// The engine's public surface: no LSP or VS Code here.
export { check, checkReport, countBySeverity, type CheckResult } from './check';
export { clearCaches } from './caches';
export { applySafeFixes, applyTextEdits, compatibleFixes, replacementEdit, type FixAllResult } from './fixAll';
export { buildReport, sectionAt, type Report, type SectionSpan } from './report';
export { RULES } from './rules';
export { gridTable, templateTable, templateSection, reportSkeleton, convertRegion } from './blocks';
export { formGrid, gridTexts, type FormCell, type FormCellKind, type FormGrid } from './form';
export { failedRelations, termsText, valueOf, type RelationFailure, type Term } from './relations';
export { cellName } from './rules/util';
export { reportIdentity, type ReportIdentity } from './identity';
export { keyFigures, type KeyFigure, type KeyFigures } from './figures';
export * from './template';
export * from './types';
export * from './text';
export { cellKey, type MatchedTable, type ValueCell } from './match';
export type { TableRegion, Cell, Row } from './tables';
export { looksNumeric } from './values';
export { isDirectiveLine } from './directives';
