import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCES = ['packages/react/src', 'packages/vue/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The description a doc comment gives (its text before any tag), trimmed. */
function description(node: ts.Node): string {
  return ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
    .join(' ')
    .trim();
}

/** Every exported hook or composable (`useX`) of a file: function declarations and consts. */
function hooks(file: string): { name: string; node: ts.Node }[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: { name: string; node: ts.Node }[] = [];
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name?.text.startsWith('use')) {
      found.push({ name: statement.name.text, node: statement });
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text.startsWith('use')) {
          found.push({ name: declaration.name.text, node: statement });
        }
      }
    }
  }
  return found;
}

const files = SOURCES.flatMap((dir) => sourceFiles(join(root, dir)));

describe('every exported hook and composable has a description (the API reference shows it)', () => {
  it('finds the hooks', () => {
    expect(files.flatMap(hooks).map((h) => h.name)).toEqual(
      expect.arrayContaining(['useMetrics', 'useFeed', 'useLogin', 'useConnectionState']),
    );
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s', (_name, file) => {
    // Overloads share one description: a name is documented when any of its declarations is.
    const documented = new Set(
      hooks(file)
        .filter((hook) => description(hook.node).length >= 10)
        .map((hook) => hook.name),
    );
    const undocumented = hooks(file)
      .map((hook) => hook.name)
      .filter((name) => !documented.has(name));
    expect(undocumented).toEqual([]);
  });
});
