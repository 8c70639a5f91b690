/**
 * The library's surface holds what its own command line uses: every name a `src/cli/` file imports
 * from another layer is exported by `src/index.ts`, so a program can do what `npx sqlalign` does.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { ROOT } from '../helpers/paths.js';

const namesIn = (list: string, pick: 'imported' | 'exported') =>
  list
    .split(',')
    .map((s) => s.trim().replace(/^type\s+/, ''))
    .filter(Boolean)
    .map((s) => {
      const [name, alias] = s.split(/\s+as\s+/);
      return (pick === 'exported' ? (alias ?? name) : name) as string;
    });

/**
 * The names a module takes from its dynamic imports, with where from: `const { a } = await
 * import('…')` and `const [{ a }, { b }] = await Promise.all([import('…'), import('…')])`.
 */
function dynamicImports(file: string, source: string): [string, string][] {
  const found: [string, string][] = [];
  const pathOf = (node: ts.Node) =>
    ts.isCallExpression(node) &&
    node.expression.kind === ts.SyntaxKind.ImportKeyword &&
    ts.isStringLiteral(node.arguments[0] as ts.Node)
      ? (node.arguments[0] as ts.StringLiteral).text
      : null;
  const names = (pattern: ts.BindingName, from: string) => {
    if (!ts.isObjectBindingPattern(pattern)) return;
    for (const element of pattern.elements) found.push([(element.propertyName ?? element.name).getText(), from]);
  };
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && node.initializer && ts.isAwaitExpression(node.initializer)) {
      const awaited = node.initializer.expression;
      const single = pathOf(awaited);
      if (single) names(node.name, single);
      const all = ts.isCallExpression(awaited) && awaited.arguments[0];
      if (all && ts.isArrayLiteralExpression(all) && ts.isArrayBindingPattern(node.name)) {
        node.name.elements.forEach((element, k) => {
          const from = all.elements[k] && pathOf(all.elements[k] as ts.Node);
          if (from && ts.isBindingElement(element)) names(element.name, from);
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true));
  return found;
}

test('every name the CLI imports from the library is in src/index.ts', () => {
  const index = readFileSync(join(ROOT, 'src', 'index.ts'), 'utf8');
  const exported = new Set(
    [...index.matchAll(/export\s*(?:type\s*)?\{([^}]*)\}/g)].flatMap((m) => namesIn(m[1] as string, 'exported')),
  );
  const missing: string[] = [];
  const cli = join(ROOT, 'src', 'cli');
  for (const file of readdirSync(cli)) {
    const source = readFileSync(join(cli, file), 'utf8');
    for (const m of source.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(\.\.\/[^']+)'/g)) {
      for (const name of namesIn(m[1] as string, 'imported')) {
        if (!exported.has(name)) missing.push(`${name} (src/cli/${file}, from ${m[2]})`);
      }
    }
    for (const [name, from] of dynamicImports(join(cli, file), source)) {
      if (from.startsWith('../') && !exported.has(name)) missing.push(`${name} (src/cli/${file}, from ${from}, when it runs)`);
    }
  }
  assert.ok(exported.size > 100, 'the export list was read');
  assert.ok(
    dynamicImports(join(cli, 'align.ts'), readFileSync(join(cli, 'align.ts'), 'utf8')).some(([n]) => n === 'align'),
    'the names of dynamic imports were read',
  );
  assert.deepEqual(missing, []);
});

/** The named types (of src/) in the parameters and results of everything src/index.ts exports, and whether they are exported too. */
function unexportedSignatureTypes(): string[] {
  const program = ts.createProgram([join(ROOT, 'src', 'index.ts')], {
    strict: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(join(ROOT, 'src', 'index.ts')) as ts.SourceFile;
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(index) as ts.Symbol);
  const resolved = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const exportedDeclarations = new Set(exports.flatMap((e) => resolved(e).declarations ?? []));
  const missing = new Set<string>();
  const visit = (type: ts.Type, owner: string, depth: number) => {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const declaration = symbol?.declarations?.[0];
    const named =
      declaration &&
      (ts.isInterfaceDeclaration(declaration) ||
        ts.isTypeAliasDeclaration(declaration) ||
        ts.isClassDeclaration(declaration) ||
        ts.isEnumDeclaration(declaration));
    if (named && declaration.getSourceFile().fileName.startsWith(join(ROOT, 'src')) && !exportedDeclarations.has(declaration)) {
      missing.add(`${symbol?.getName()} (in the signature of ${owner})`);
    }
    if (depth < 2 && (type.isUnion() || type.isIntersection())) for (const t of type.types) visit(t, owner, depth + 1);
  };
  for (const e of exports) {
    const symbol = resolved(e);
    const declaration = symbol.valueDeclaration;
    if (!declaration) continue;
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
    for (const signature of [...type.getCallSignatures(), ...type.getConstructSignatures()]) {
      for (const p of signature.getParameters()) visit(checker.getTypeOfSymbolAtLocation(p, declaration), e.getName(), 0);
      visit(signature.getReturnType(), e.getName(), 0);
    }
  }
  return [...missing].sort();
}

test('the library exports the types of its own functions’ parameters and results', () => {
  assert.deepEqual(unexportedSignatureTypes(), []);
});
