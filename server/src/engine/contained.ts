// A rule that throws is contained: it finds nothing, the error is logged once, the other rules run.
import type { RuleInfo } from './types';

const failedOnce = new Set<string>();

/** What a rule found, or nothing when it throws: the error is logged once per rule and the other rules run. */
export function contained<T>(rule: RuleInfo, find: () => T[]): T[] {
  try {
    return find();
  } catch (err) {
    if (!failedOnce.has(rule.id)) {
      failedOnce.add(rule.id);
      console.error(`nianbao: rule ${rule.id} failed and was skipped: ${err instanceof Error ? err.stack : String(err)}`);
    }
    return [];
  }
}


