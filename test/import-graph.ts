/**
 * The source tree's import graph, for the cycle checks of test/import-cycles.test.ts.
 *
 * - file cycle: files that import one another in a circle, type-only imports included. Lint's
 *   import-x/no-cycle finds value cycles as one edits; it always skips type-only imports, so
 *   a cycle held together by types alone is found here.
 * - folder cycle: folders that import one another in a circle, through any files. Neither
 *   folder can then be understood, moved or tested without the other, even when no file
 *   cycle exists. A folder is one level below electron/, shared/ or renderer/src/
 *   (electron/chair, shared/api, renderer/src/chair); a file directly in one of those roots
 *   (electron/main.ts) belongs to the root itself.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** The source roots whose folders are compared, relative to the checked tree. */
export const sourceRoots = ['shared', 'electron', 'renderer/src'];

/** Where file cycles are looked for: the sources and their tests. */
export const fileRoots = ['shared', 'electron', 'renderer/src', 'test'];

/** One file importing another (paths relative to the tree, with /). */
export type FileEdge = { from: string; to: string; typeOnly: boolean };

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
    // Only `import type` / `export type` count as type-only: under verbatimModuleSyntax,
    // `import { type A } from` still loads the module at run time.
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.importClause?.isTypeOnly === true });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
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

function listSourceFiles(dir: string, skip: readonly string[]): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.name === 'node_modules' || skip.includes(path)) continue;
    if (entry.isDirectory()) files.push(...listSourceFiles(path, skip));
    else if (sourceFile.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

/**
 * Every relative import between source files under `roots` of the tree at `treeRoot`.
 * `skip` names folders (relative to the tree) left out, such as fixtures broken on purpose.
 */
export function fileEdges(treeRoot: string, roots: readonly string[], skip: readonly string[] = []): FileEdge[] {
  const edges: FileEdge[] = [];
  const skipped = skip.map((folder) => resolve(treeRoot, folder));
  for (const root of roots) {
    const dir = resolve(treeRoot, root);
    if (!existsSync(dir)) continue;
    for (const path of listSourceFiles(dir, skipped)) {
      const from = relative(treeRoot, path).split(sep).join('/');
      for (const { specifier, typeOnly } of sourceImports(path, readFileSync(path, 'utf8'))) {
        if (!specifier.startsWith('.')) continue;
        const to = relative(treeRoot, resolve(dirname(path), specifier)).split(sep).join('/');
        if (to !== from) edges.push({ from, to, typeOnly });
      }
    }
  }
  return edges;
}

/** Every folder-to-folder import of the tree at `treeRoot`, one edge per pair of folders. */
export function folderEdges(treeRoot: string): FolderEdge[] {
  const edges = new Map<string, FolderEdge>();
  for (const edge of fileEdges(treeRoot, sourceRoots)) {
    if (edge.typeOnly && wiringTypes.includes(edge.to)) continue;
    const from = folderOf(edge.from);
    const to = folderOf(edge.to);
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from} -> ${to}`;
    if (!edges.has(key)) edges.set(key, { from, to, example: { file: edge.from, imports: edge.to } });
  }
  return [...edges.values()].sort((a, b) => (a.from + a.to).localeCompare(b.from + b.to));
}

/**
 * The cycles of a graph: each group of nodes that reach one another through its edges (a
 * strongly connected component of more than one node), with the edges inside it. Tarjan's
 * algorithm; the graphs here have some hundreds of nodes, so recursion depth is no concern.
 */
export function cycles<E extends { from: string; to: string }>(edges: readonly E[]): { members: string[]; edges: E[] }[] {
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
    .map((members) => ({ members, edges: edges.filter((e) => members.includes(e.from) && members.includes(e.to)) }))
    .sort((a, b) => a.members[0]!.localeCompare(b.members[0]!));
}

/** Folder cycles as lines for a person: each group, then each import inside it with an example. */
export function describeFolderCycles(found: ReturnType<typeof cycles<FolderEdge>>): string[] {
  return found.flatMap((cycle) => [
    `folder cycle: ${cycle.members.join(', ')}`,
    ...cycle.edges.map((e) => `  ${e.from} -> ${e.to} (${e.example.file} imports ${e.example.imports})`),
  ]);
}

/** File cycles as lines for a person: each group, then each import inside it. */
export function describeFileCycles(found: ReturnType<typeof cycles<FileEdge>>): string[] {
  return found.flatMap((cycle) => [
    `file cycle: ${cycle.members.join(', ')}`,
    ...cycle.edges.map((e) => `  ${e.from} -> ${e.to}${e.typeOnly ? ' (types only)' : ''}`),
  ]);
}
