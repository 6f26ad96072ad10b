// report → diagnostics: every rule runs on the same model; a rule that throws is contained.
import { buildReportSteps, drain, type Report } from './report';
import { isDisabled } from './directives';
import { RULES } from './rules';
import type { CheckOptions, Diagnostic, Finding, Rule, Severity } from './types';

export interface CheckResult { report: Report; diagnostics: Diagnostic[] }

const failedOnce = new Set<string>();

export function runRule(rule: Rule, report: Report): Diagnostic[] {
  try {
    return rule.check(report).map(f => diagnostic(f, rule));
  } catch (err) {
    if (!failedOnce.has(rule.id)) {
      failedOnce.add(rule.id);
      console.error(`nianbao: rule ${rule.id} failed and was skipped: ${err instanceof Error ? err.stack : String(err)}`);
    }
    return [];
  }
}

/** The finding as the rule's diagnostic. Built field by field: spreading findings of every rule's shape was a tenth of a re-check. */
function diagnostic(f: Finding, rule: Rule): Diagnostic {
  const d: Diagnostic = { range: f.range, message: f.message } as Diagnostic;
  if ('related' in f) d.related = f.related;
  if ('fix' in f) d.fix = f.fix;
  d.code = rule.id;
  d.severity = rule.severity;
  return d;
}

export function checkReport(report: Report, options: CheckOptions = {}): Diagnostic[] {
  return drain(checkReportSteps(report, options));
}

/** `checkReport` yielding after each rule. */
export function* checkReportSteps(report: Report, options: CheckOptions = {}): Generator<void, Diagnostic[]> {
  if (!report.isReport) return [];
  const out: Diagnostic[] = [];
  for (const rule of RULES) {
    const setting = options.severities?.[rule.id];
    if (setting === 'off') continue;
    for (const d of runRule(rule, report)) {
      if (isDisabled(report.directives, d.code, d.range.start.line)) continue;
      out.push(setting ? { ...d, severity: setting } : d);
    }
    yield;
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
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
