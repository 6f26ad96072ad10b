// Engine diagnostics → LSP diagnostics. Each links to its rule page in docs/rules: the copy
// shipped beside the bundle when there is one (it opens offline, and report writers are often on
// networks that cannot reach the repository), else the page in the repository.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { repository } from '../../../package.json';
import type { ConfigProblem } from '../config';
import type { Diagnostic, RuleCode, Severity } from '../engine';

export const SOURCE = 'nianbao';

const REPO_URL = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
// dist/server.js (bundle, .vsix) or server/src/lsp/diagnostics.ts (tests run from source).
const LOCAL_DOCS = [path.resolve(__dirname, '../docs/rules'), path.resolve(__dirname, '../../../docs/rules')].find(d => existsSync(d));

const docUrls = new Map<RuleCode, string>();

export function ruleDocUrl(code: RuleCode): string {
  let url = docUrls.get(code);
  if (url === undefined) {
    url = LOCAL_DOCS ? pathToFileURL(path.join(LOCAL_DOCS, `${code}.md`)).href : `${REPO_URL}/blob/main/docs/rules/${code}.md`;
    docUrls.set(code, url);
  }
  return url;
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
  // Related information of a check across reports may be in another file, which the folder names by its URI.
  if (d.related?.length) out.relatedInformation = d.related.map(r => ({ location: { uri: r.file ?? uri, range: r.range }, message: r.message }));
  return out;
}

/** A mistake in a configuration file: an error with no rule code, being no finding about a report. */
export function configDiagnostic(p: ConfigProblem): LspDiagnostic {
  return { range: p.range, severity: DiagnosticSeverity.Error, source: SOURCE, message: p.message };
}
