// The engine's boundary. The language server, the CLI, the client and its preview, the benchmark
// and the scripts take the engine from server/src/engine/index.ts only, so that the engine's
// modules can be split, merged and renamed without touching them; and index.ts offers nothing
// that nobody outside the engine uses. Tests may reach into the modules they test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { REPO } from '../helpers';

const ENGINE = path.join(REPO, 'server/src/engine');
const INDEX = path.join(ENGINE, 'index.ts');
/** Where the engine's users live; test/ is scanned for uses of index.ts, not for deep imports. */
const USERS = ['server/src', 'client', 'bench', 'scripts'];

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (file !== ENGINE && entry.name !== 'node_modules') yield* sourceFiles(file);
    } else if (/\.(ts|mts|cts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield file;
  }
}

interface ModuleRef {
  /** Where the reference is, as "path:line" from the repository root. */
  at: string;
  specifier: string;
  /** The file or directory the specifier names, without extension. */
  target: string;
  /** The names an `import { … }` or `export { … } from` takes from the module. */
  names: string[];
}

/** Every relative module a file names: import and export declarations, `import()`, `require()` and `import('…').T` types. */
function moduleRefs(file: string): ModuleRef[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const refs: ModuleRef[] = [];
  const add = (specifier: ts.Node | undefined, names: readonly ts.ImportSpecifier[] | readonly ts.ExportSpecifier[] = []) => {
    if (!specifier || !ts.isStringLiteralLike(specifier) || !specifier.text.startsWith('.')) return;
    const line = source.getLineAndCharacterOfPosition(specifier.getStart()).line + 1;
    refs.push({
      at: `${path.relative(REPO, file)}:${line}`,
      specifier: specifier.text,
      target: path.resolve(path.dirname(file), specifier.text).replace(/\.[mc]?[jt]s$/, ''),
      names: names.map(n => (n.propertyName ?? n.name).text),
    });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const bindings = node.importClause?.namedBindings;
      add(node.moduleSpecifier, bindings && ts.isNamedImports(bindings) ? bindings.elements : []);
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : []);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression);
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      add(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return refs;
}

const isIndex = (ref: ModuleRef) => ref.target === ENGINE || ref.target === INDEX.replace(/\.ts$/, '');
const isDeep = (ref: ModuleRef) => !isIndex(ref) && ref.target.startsWith(ENGINE + path.sep);

const refsUnder = (root: string) => [...sourceFiles(path.join(REPO, root))].flatMap(moduleRefs);

test('the language server, CLI, client, benchmark and scripts import the engine through engine/index.ts only', () => {
  const refs = USERS.map(refsUnder);
  // Each of them does use the engine, so an empty scan cannot pass for a clean one.
  USERS.forEach((root, i) => assert.ok(refs[i].some(isIndex), `${root}: no import of engine/index.ts found`));
  assert.deepEqual(refs.flat().filter(isDeep).map(r => `${r.at} imports '${r.specifier}'`), [], 'imports past engine/index.ts');
});

/** Every name index.ts exports, those of an `export *` each by itself, as the compiler sees them. */
function indexExports(): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(REPO, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: d => assert.fail(String(d.messageText)) });
  const program = ts.createProgram([INDEX], config!.options);
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(INDEX)!)!;
  return checker.getExportsOfModule(module).map(s => s.name).sort();
}

test('every name engine/index.ts exports is imported from it somewhere outside the engine', () => {
  const used = new Set([...USERS, 'test'].flatMap(refsUnder).filter(isIndex).flatMap(r => r.names));
  const exported = indexExports();
  assert.ok(exported.length > 0 && used.size > 0);
  assert.deepEqual(exported.filter(name => !used.has(name)), [], 'exported by engine/index.ts but imported from it nowhere');
});
