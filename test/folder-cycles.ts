/**
 * Folder-level import cycles: which folders of the source tree import each other in a circle.
 * The file-level rule (import-x/no-cycle in eslint.config.ts) cannot see these: two folders
 * can lean on each other through different files without any file cycle, and then neither
 * folder can be understood, moved or tested without the other. A folder here is one level
 * below electron/, shared/ or renderer/src/ (electron/chair, shared/api, renderer/src/chair);
 * a file directly in one of those roots (electron/main.ts) belongs to the root itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** The source roots whose folders are compared, relative to the checked tree. */
export const sourceRoots = ['shared', 'electron', 'renderer/src'];

/** One folder importing another, with one file-to-file import that shows it. */
export type FolderEdge = { from: string; to: string; example: { file: string; imports: string } };

const sourceFile = /\.(ts|tsx|mts|mjs)$/;

/** One import of a source file: what it names, and whether it brings in types only. */
export type SourceImport = { specifier: string; typeOnly: boolean };

/**
 * The imports of a source file: static imports and re-exports, type-only ones too (a type is
 * a dependency on what the other folder means), and dynamic `import('…')`. TypeScript's own
 * parser reads them, so comments and strings are never mistaken for imports.
 */
export function sourceImports(fileName: string, text: string): SourceImport[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const found: SourceImport[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause;
      const typeOnly = node.isTypeOnly || (named !== undefined && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] !== undefined && ts.isStringLiteral(node.arguments[0])) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The two types every feature folder receives from the wiring: the service context each
 * handler and service is handed (electron/app/context.ts) and the handler signature
 * (electron/ipc/handler.ts). The context is built from the lower folders (the store, backups,
 * evidence staging, jobs, key protection) and the handler table joins every folder's
 * handlers, so a type-only import of these two files points up to the wiring, not across to
 * another feature: such imports are left out of the folder graph. Any value import of them,
 * and every other import, counts.
 */
export const wiringTypes = ['electron/app/context.ts', 'electron/ipc/handler.ts'];

/** The folder a file (path relative to the tree, with /) belongs to, or undefined outside the roots. */
export function folderOf(file: string): string | undefined {
  for (const root of sourceRoots) {
    if (!file.startsWith(`${root}/`)) continue;
    const rest = file.slice(root.length + 1).split('/');
    return rest.length > 1 ? `${root}/${rest[0]}` : root;
  }
  return undefined;
}

function listSourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listSourceFiles(path));
    else if (sourceFile.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

/** Every folder-to-folder import of the tree at `treeRoot`, one edge per pair of folders. */
export function folderEdges(treeRoot: string): FolderEdge[] {
  const edges = new Map<string, FolderEdge>();
  for (const root of sourceRoots) {
    let files: string[];
    try {
      files = listSourceFiles(resolve(treeRoot, root));
    } catch {
      continue;
    }
    for (const path of files) {
      const file = relative(treeRoot, path).split(sep).join('/');
      const from = folderOf(file);
      if (from === undefined) continue;
      for (const { specifier, typeOnly } of sourceImports(path, readFileSync(path, 'utf8'))) {
        if (!specifier.startsWith('.')) continue;
        const target = relative(treeRoot, resolve(dirname(path), specifier)).split(sep).join('/');
        if (typeOnly && wiringTypes.includes(target)) continue;
        const to = folderOf(target);
        if (to === undefined || to === from) continue;
        const key = `${from} -> ${to}`;
        if (!edges.has(key)) edges.set(key, { from, to, example: { file, imports: target } });
      }
    }
  }
  return [...edges.values()].sort((a, b) => (a.from + a.to).localeCompare(b.from + b.to));
}

/**
 * The folder cycles: each group of folders that reach one another through imports (a
 * strongly connected component of more than one folder), with the edges inside it. Tarjan's
 * algorithm; the folder graph is small, so recursion depth is no concern.
 */
export function folderCycles(edges: readonly FolderEdge[]): { folders: string[]; edges: FolderEdge[] }[] {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
    if (!next.has(edge.to)) next.set(edge.to, []);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return groups
    .map((folders) => ({ folders, edges: edges.filter((e) => folders.includes(e.from) && folders.includes(e.to)) }))
    .sort((a, b) => a.folders[0]!.localeCompare(b.folders[0]!));
}

/** The cycles as lines for a person: each folder group, then each import inside it with an example. */
export function describeFolderCycles(cycles: ReturnType<typeof folderCycles>): string[] {
  return cycles.flatMap((cycle) => [
    `folder cycle: ${cycle.folders.join(', ')}`,
    ...cycle.edges.map((e) => `  ${e.from} -> ${e.to} (${e.example.file} imports ${e.example.imports})`),
  ]);
}
