// The house rules as a test (like vercel/chat's boundary tests): the core depends on no adapter,
// database, scheduler, renderer or platform library; adapters don't import each other or pick the
// command list; commands/ reach the world only through the core; and no import cycle exists among
// src/** and commands/**.
// Imports are read with the TypeScript parser: static, re-exports, dynamic import() and require().
// Cycles count only imports that exist at run time: `import type`, `export type` and imports whose
// every name is marked `type` are left out (mark a type-only import so, and its cycle goes away).
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const sourceFile = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

interface Import {
  /** As written: '../db/store.js', 'discord.js'. */
  spec: string;
  /** Repo-relative file ('src/db/store.ts') for a relative import, the package name ('@slack/bolt') otherwise. */
  target: string;
  external: boolean;
  typeOnly: boolean;
}

const allTypes = (elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>) => elements.length > 0 && elements.every((e) => e.isTypeOnly);

/** Every import of one file, from its syntax tree. */
function importsOf(file: string, text: string): Array<Omit<Import, 'target' | 'external'>> {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found: Array<Omit<Import, 'target' | 'external'>> = [];
  const literal = (n: ts.Node | undefined) => (n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : undefined);
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n)) {
      const c = n.importClause;
      const typeOnly = Boolean(c && (c.isTypeOnly || (!c.name && c.namedBindings && ts.isNamedImports(c.namedBindings) && allTypes(c.namedBindings.elements))));
      found.push({ spec: literal(n.moduleSpecifier)!, typeOnly });
    } else if (ts.isExportDeclaration(n) && n.moduleSpecifier) {
      const typeOnly = n.isTypeOnly || Boolean(n.exportClause && ts.isNamedExports(n.exportClause) && allTypes(n.exportClause.elements));
      found.push({ spec: literal(n.moduleSpecifier)!, typeOnly });
    } else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) {
      const spec = literal(n.moduleReference.expression);
      if (spec) found.push({ spec, typeOnly: n.isTypeOnly });
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument)) {
      const spec = literal(n.argument.literal);
      if (spec) found.push({ spec, typeOnly: true });
    } else if (ts.isCallExpression(n) && (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require'))) {
      const spec = literal(n.arguments[0]);
      if (spec) found.push({ spec, typeOnly: false });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

/** A relative specifier as the repo file it loads ('./x.js' is x.ts on disk), or the package it names. */
function resolveImport(from: string, spec: string, files: ReadonlySet<string>): Pick<Import, 'target' | 'external'> {
  if (!spec.startsWith('.')) {
    const parts = spec.split('/');
    return { target: spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!, external: true };
  }
  const base = posix.normalize(posix.join(posix.dirname(from), spec));
  const stem = base.replace(/\.(m|c)?(j|t)sx?$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.js`, `${stem}.mjs`, `${base}/index.ts`, `${base}/index.js`];
  return { target: candidates.find((c) => files.has(c)) ?? base, external: false };
}

function buildGraph(sources: ReadonlyMap<string, string>): Map<string, Import[]> {
  const files = new Set(sources.keys());
  return new Map([...sources].map(([file, text]) => [file, importsOf(file, text).map((i) => ({ ...i, ...resolveImport(file, i.spec, files) }))]));
}

// ---- the rules -------------------------------------------------------------------------------------

const platformLibrary = /^(discord\.js|@discordjs\/.+|discord-api-types|@slack\/.+)$/;
const prisma = /^(prisma|@prisma\/.+|\.prisma)$/;
const adapter = /^src\/platforms\/(discord|slack|console)\//;

interface Rule {
  from: RegExp;
  why: string;
  forbids(i: Import, from: string): boolean;
}

const rules: Rule[] = [
  {
    from: /^src\/core\//,
    why: 'the core depends on no command module, adapter, database, scheduler, renderer or file writer',
    forbids: (i) => !i.external && /^(commands\/|src\/(db|platforms|scheduler|render|files)\/)/.test(i.target),
  },
  { from: /^src\/core\//, why: 'the core uses no platform library and no Prisma', forbids: (i) => i.external && (platformLibrary.test(i.target) || prisma.test(i.target)) },
  {
    from: adapter,
    why: 'an adapter does not import another adapter (share through src/platforms/*.ts or the core)',
    forbids: (i, from) => !i.external && adapter.test(i.target) && adapter.exec(i.target)![1] !== adapter.exec(from)![1],
  },
  { from: /^src\/platforms\//, why: 'adapters are given the command list by the composition root (main.ts)', forbids: (i) => !i.external && /^commands\//.test(i.target) },
  { from: /^commands\//, why: 'commands reach the database and the platforms only through the core', forbids: (i) => !i.external && /^src\/(db|platforms)\//.test(i.target) },
  { from: /^commands\//, why: 'commands are platform-neutral: no platform library, no Prisma', forbids: (i) => i.external && (platformLibrary.test(i.target) || prisma.test(i.target)) },
];

function boundaryViolations(graph: ReadonlyMap<string, Import[]>): string[] {
  const out: string[] = [];
  for (const [file, imports] of graph) {
    for (const rule of rules) {
      if (!rule.from.test(file)) continue;
      for (const i of imports) if (rule.forbids(i, file)) out.push(`${file} imports '${i.spec}'${i.external ? '' : ` (${i.target})`}: ${rule.why}`);
    }
  }
  return out.sort();
}

/** Every import cycle (one per strongly connected group of files), as the chain of files that closes it. */
function importCycles(graph: ReadonlyMap<string, Import[]>): string[] {
  const edges = new Map<string, string[]>();
  for (const [file, imports] of graph) {
    edges.set(file, [...new Set(imports.filter((i) => !i.external && !i.typeOnly && graph.has(i.target)).map((i) => i.target))].sort());
  }
  // Tarjan's strongly connected components.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)!) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      group.push(w);
      if (w === v) break;
    }
    if (group.length > 1 || edges.get(v)!.includes(v)) groups.push(group.sort());
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) connect(v);
  // One concrete cycle per group: the shortest way from its first file back to itself.
  return groups.map((group) => {
    const inGroup = new Set(group);
    const start = group[0]!;
    const previous = new Map<string, string>();
    const queue = [start];
    for (let q = 0; q < queue.length; q++) {
      for (const w of edges.get(queue[q]!)!) {
        if (!inGroup.has(w) || previous.has(w)) continue;
        previous.set(w, queue[q]!);
        if (w === start) break;
        queue.push(w);
      }
      if (previous.has(start)) break;
    }
    const between: string[] = [];
    for (let v = previous.get(start)!; v !== start; v = previous.get(v)!) between.unshift(v);
    const more = group.length - between.length - 1;
    return [start, ...between, start].join(' → ') + (more ? ` (and ${more} more files in the same cycle group)` : '');
  }).sort();
}

function readTree(): Map<string, string> {
  const sources = new Map<string, string>();
  for (const top of ['src', 'commands']) {
    for (const entry of readdirSync(join(root, top), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !sourceFile.test(entry.name) || entry.name.endsWith('.d.ts')) continue;
      const abs = join(entry.parentPath, entry.name);
      const rel = relative(root, abs).split('\\').join('/');
      if (rel.startsWith('src/db/generated/')) continue; // Prisma's generated client: not ours to arrange
      sources.set(rel, readFileSync(abs, 'utf8'));
    }
  }
  return sources;
}

describe('architecture: the house rules', () => {
  const graph = buildGraph(readTree());

  it('GIVEN src/** and commands/** THEN every file is read, and the core, adapters and commands are among them', () => {
    const files = [...graph.keys()];
    for (const where of ['src/core/', 'src/platforms/discord/', 'src/platforms/slack/', 'src/platforms/console/', 'commands/']) {
      expect(files.some((f) => f.startsWith(where)), where).toBe(true);
    }
  });

  it('GIVEN every import THEN none crosses a boundary (core → outside, adapter → adapter or commands, commands → db/platforms)', () => {
    expect(boundaryViolations(graph)).toEqual([]);
  });

  it('GIVEN every run-time import, static or dynamic THEN there is no cycle', () => {
    expect(importCycles(graph)).toEqual([]);
  });
});

describe('architecture: the checker itself', () => {
  const graph = buildGraph(new Map([
    ['src/core/a.ts', "import { x } from '../../commands/index.js';\nimport type { Client } from 'discord.js';\nexport const a = () => import('./b.js');"],
    ['src/core/b.ts', "import { a } from './a.js';\nimport type { T } from './c.js';"],
    ['src/core/c.ts', "import { type B } from './b.js';\nexport type T = import('../db/store.js').Store;"],
    ['src/platforms/slack/parse.ts', "export * from '../console/parse.js';"],
    ['src/platforms/console/parse.ts', "import '../command-line.js';"],
    ['src/platforms/command-line.ts', ''],
    ['src/platforms/slack/index.ts', "import { allCommands } from '../../../commands/index.js';"],
    ['commands/index.ts', "import { createStore } from '../src/db/store.js';"],
  ]));

  it('GIVEN planted violations THEN each is named with the offending import', () => {
    expect(boundaryViolations(graph)).toEqual([
      "commands/index.ts imports '../src/db/store.js' (src/db/store.js): commands reach the database and the platforms only through the core",
      "src/core/a.ts imports '../../commands/index.js' (commands/index.ts): the core depends on no command module, adapter, database, scheduler, renderer or file writer",
      "src/core/a.ts imports 'discord.js': the core uses no platform library and no Prisma",
      "src/core/c.ts imports '../db/store.js' (src/db/store.js): the core depends on no command module, adapter, database, scheduler, renderer or file writer",
      "src/platforms/slack/index.ts imports '../../../commands/index.js' (commands/index.ts): adapters are given the command list by the composition root (main.ts)",
      "src/platforms/slack/parse.ts imports '../console/parse.js' (src/platforms/console/parse.ts): an adapter does not import another adapter (share through src/platforms/*.ts or the core)",
    ]);
  });

  it('GIVEN a cycle through a dynamic import and one through type-only imports THEN only the run-time one is a cycle', () => {
    expect(importCycles(graph)).toEqual(['src/core/a.ts → src/core/b.ts → src/core/a.ts']);
  });
});
