// report → diagnostics: every rule runs on the same model; a rule that throws is contained.
import { buildReportSteps, drain, type Report } from './report';
import { isDisabled } from './directives';
import { RULES } from './rules';
import { findingsSteps } from './incremental';
import type { Range } from './text';
import type { CheckOptions, Diagnostic, Finding, RuleInfo, Severity } from './types';

export interface CheckResult { report: Report; diagnostics: Diagnostic[] }

/**
 * The finding as the rule's diagnostic, at the level the rule is set to (else its default); a
 * finding with a severity of its own keeps it. Built field by field: spreading findings of every
 * rule's shape was a tenth of a re-check.
 */
export function diagnostic(f: Finding, rule: RuleInfo, setting?: Severity): Diagnostic {
  const d: Diagnostic = { range: f.range, message: f.message } as Diagnostic;
  if ('related' in f) d.related = f.related;
  if ('fix' in f) d.fix = f.fix;
  d.code = rule.id;
  d.severity = f.severity ?? setting ?? rule.severity;
  return d;
}

/** Diagnostics in document order. */
export function byPosition(a: { range: Range }, b: { range: Range }): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

export function checkReport(report: Report, options: CheckOptions = {}): Diagnostic[] {
  return drain(checkReportSteps(report, options));
}

/** `checkReport` in steps. */
function* checkReportSteps(report: Report, options: CheckOptions = {}): Generator<void, Diagnostic[]> {
  if (!report.isReport) return [];
  const rules = RULES.filter(r => options.severities?.[r.id] !== 'off');
  const found = yield* findingsSteps(rules, report);
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const setting = options.severities?.[rule.id] as Severity | undefined;
    for (const f of found.get(rule)!) {
      const d = diagnostic(f, rule, setting);
      if (!isDisabled(report.directives, d.code, d.range.start.line)) out.push(d);
    }
  }
  return out.sort(byPosition);
}

export function countBySeverity(diagnostics: ReadonlyArray<{ severity: Severity }>): { errors: number; warnings: number; infos: number } {
  const n = (s: Severity) => diagnostics.filter(d => d.severity === s).length;
  return { errors: n('error'), warnings: n('warning'), infos: n('info') };
}

export function check(text: string, options: CheckOptions = {}): CheckResult {
  return drain(checkSteps(text, options));
}

/**
 * `check` in steps (see buildReportSteps): the language server runs them in time slices and
 * stops when the document changes. Given the report of the document's previous version, what
 * did not change is reused from it.
 */
export function* checkSteps(text: string, options: CheckOptions = {}, previous?: Report): Generator<void, CheckResult> {
  const report = yield* buildReportSteps(text, { defaultFormat: options.defaultFormat, fileName: options.fileName, previous });
  return { report, diagnostics: yield* checkReportSteps(report, options) };
}
