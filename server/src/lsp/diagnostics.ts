// Engine diagnostics → LSP diagnostics. The rule pages live in the repository's docs/rules.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { repository } from '../../../package.json';
import type { Diagnostic, RuleCode, Severity } from '../engine';

export const SOURCE = 'nianbao';

const REPO_URL = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

export function ruleDocUrl(code: RuleCode): string {
  return `${REPO_URL}/blob/main/docs/rules/${code}.md`;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspDiagnostic(d: Diagnostic, uri: string): LspDiagnostic {
  const out: LspDiagnostic = {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: ruleDocUrl(d.code) },
    source: SOURCE,
    message: d.message,
  };
  if (d.related?.length) out.relatedInformation = d.related.map(r => ({ location: { uri, range: r.range }, message: r.message }));
  return out;
}

export function countBySeverity(diagnostics: Diagnostic[]): { errors: number; warnings: number; infos: number } {
  const n = (s: Severity) => diagnostics.filter(d => d.severity === s).length;
  return { errors: n('error'), warnings: n('warning'), infos: n('info') };
}
