// Every rule beside its fixture: server/src/engine/rules/fixtures/<code>.md for a rule on one
// report, a folder <code>/ of reports for a rule across reports. The findings of that code on the
// fixture are exactly those marked in it (test/expectations.ts says how), and the marks themselves
// change nothing the engine finds. The codes come from the engine's list of rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ALL_RULES, check, checkFolder, folderReport, FOLDER_RULES, type RuleCode } from '../../server/src/engine';
import { compared, marks, reports, shifted, unmarked, type Found } from '../expectations';
import { REPO } from '../helpers';

const FIXTURES = path.join(REPO, 'server/src/engine/rules/fixtures');
const acrossReports = (code: string) => FOLDER_RULES.some(r => r.id === code);

type Texts = Record<string, string>;

/** The fixture of a rule, by file name (a path within the folder of a rule across reports). */
function fixture(code: RuleCode): Texts {
  const at = path.join(FIXTURES, acrossReports(code) ? code : `${code}.md`);
  assert.ok(existsSync(at), `${code} has no fixture: ${path.relative(REPO, at)}`);
  if (!acrossReports(code)) return { [`${code}.md`]: readFileSync(at, 'utf8') };
  const files = readdirSync(at, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.md')).sort();
  return Object.fromEntries(files.map(f => [f.split(path.sep).join('/'), readFileSync(path.join(at, f), 'utf8')]));
}

/**
 * The findings of `code` in each file: each report of a file checked alone, or the files checked
 * together as the command line does (each read with its file name, then the folder's rules).
 */
function findings(code: RuleCode, texts: Texts): Record<string, Found[]> {
  const out: Record<string, Found[]> = {};
  if (acrossReports(code)) {
    const folder = Object.entries(texts).map(([name, text]) => folderReport(check(text, { fileName: path.basename(name) }).report, name, name));
    const found = checkFolder(folder);
    for (const name of Object.keys(texts)) out[name] = found.get(name) ?? [];
  } else {
    for (const [name, text] of Object.entries(texts)) {
      out[name] = reports(text).flatMap(({ first, text: part }) => check(part, { fileName: name }).diagnostics.map(d => shifted(d, l => l + first)));
    }
  }
  for (const name of Object.keys(out)) out[name] = out[name].filter(d => d.code === code);
  return out;
}

const codes = ALL_RULES.map(r => r.id);

for (const code of codes) {
  test(`${code}: exactly the findings marked in its fixture`, () => {
    const texts = fixture(code);
    const found = findings(code, texts);
    const expected = Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, marks(text)]));
    assert.ok(Object.values(expected).flat().length > 0, `${code}: its fixture marks no finding`);
    const byFile = Object.keys(texts).map(name => ({ name, ...compared(found[name], expected[name]) }));
    assert.deepEqual(
      Object.fromEntries(byFile.map(f => [f.name, f.found])),
      Object.fromEntries(byFile.map(f => [f.name, f.expected])),
    );
  });

  test(`${code}: its fixture's marks change nothing the engine finds`, () => {
    const texts = fixture(code);
    const plain = Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, unmarked(text)]));
    const without = findings(code, Object.fromEntries(Object.entries(plain).map(([name, p]) => [name, p.text])));
    const moved = Object.fromEntries(Object.entries(without).map(([name, ds]) => [name, ds.map(d => shifted(d, l => plain[name].lineOf[l]))]));
    const key = ({ code: c, message, range: { start, end } }: Found) => `${start.line}:${start.character}-${end.line}:${end.character} ${c} ${message}`;
    const all = (f: Record<string, Found[]>) => Object.fromEntries(Object.entries(f).map(([name, ds]) => [name, ds.map(key).sort()]));
    assert.deepEqual(all(moved), all(findings(code, texts)));
  });
}

test('every fixture is a rule\'s: <code>.md for a rule on one report, <code>/ for a rule across reports', () => {
  for (const entry of readdirSync(FIXTURES)) {
    const folder = statSync(path.join(FIXTURES, entry)).isDirectory();
    const code = folder ? entry : entry.replace(/\.md$/, '');
    assert.ok(codes.includes(code as RuleCode), `${entry} is no rule's fixture`);
    assert.equal(folder, acrossReports(code), `${entry}: ${acrossReports(code) ? 'a rule across reports has a folder of reports' : 'a rule on one report has one file'}`);
  }
});
