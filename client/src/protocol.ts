// The language server's custom protocol as the client uses it. Types come from the server
// (type-only, so the client bundle does not pull in the server's LSP library).
import type { ReportInfo, TemplateTextParams } from '../../server/src/lsp/requests';

export type { ReportInfo, TemplateTextParams };

export const REPORT_INFO = 'nianbao/reportInfo';
export const REPORT_INFO_CHANGED = 'nianbao/reportInfoChanged';
export const TEMPLATE_TEXT = 'nianbao/templateText';

export const FIX_ALL_KIND = 'source.fixAll.nianbao';
/** Title of the server's refactor.rewrite action, to pick it among other extensions' rewrites. */
export const CONVERT_TITLE = '将表格转换为制表符分隔';

/**
 * Markdown as it is (no language of our own, so the built-in preview and Markdown tools keep
 * working) and plain text, which the server checks only when `nianbao.include` names the file.
 */
export const DOCUMENT_SELECTOR = ['markdown', 'plaintext'].flatMap(language =>
  ['file', 'untitled'].map(scheme => ({ language, scheme })));
