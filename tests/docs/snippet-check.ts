import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { extractSnippetBlocks, type SnippetBlock } from './snippet-blocks.js';

/** A compile error in a snippet, at its Markdown line. */
export interface SnippetProblem {
  /** The Markdown file (or the context file) relative to the repository root. */
  file: string;
  /** 1-based line in that file; 0 when the error belongs to no file (e.g. the tsconfig). */
  line: number;
  message: string;
}

export interface SnippetCheck {
  /** The blocks compiled. */
  checked: SnippetBlock[];
  /** The ```ts ignore blocks, skipped. */
  ignored: SnippetBlock[];
  problems: SnippetProblem[];
}

export interface CheckSnippetsOptions {
  /** The repository root: `tsconfig.base.json` and the workspace packages are found from it. */
  root: string;
  blocks: readonly SnippetBlock[];
  /** Ambient declarations every block may use; default `docs/snippets/context.d.ts`. */
  contextFile?: string;
}

/** The run directories live here: git-ignored, and under the repo so `@kechuang/*` resolve. */
export function snippetCacheDir(root: string): string {
  return join(root, 'node_modules', '.cache', 'doc-snippets');
}

/**
 * Compiles every non-ignored block as its own ES module, in one TypeScript program, and maps
 * each error back to its Markdown line. The blocks are written to a fresh directory under
 * `node_modules/.cache/doc-snippets/` with a tsconfig extending `tsconfig.base.json`, so the
 * packages resolve to their sources through the `source` condition exactly as in the tests.
 * The directory is removed afterwards unless `KEEP_DOC_SNIPPETS=1`, which leaves it for
 * `npx tsc -p <dir>` by hand.
 *
 * Only the snippets (and the context file) are asked for diagnostics: the checker reads the
 * package sources lazily for the types a snippet touches, which keeps a run to seconds.
 *
 * @example
 * const result = checkSnippets({ root, blocks: extractSnippetBlocks('docs/a.md', markdown) });
 * result.problems.map(formatProblem); // ["docs/a.md:12: Cannot find name 'x'. (TS2304)"]
 */
export function checkSnippets(options: CheckSnippetsOptions): SnippetCheck {
  const root = resolve(options.root);
  const contextFile = resolve(options.contextFile ?? join(root, 'docs', 'snippets', 'context.d.ts'));
  const checked = options.blocks.filter((block) => !block.ignored);
  const ignored = options.blocks.filter((block) => block.ignored);
  const cache = snippetCacheDir(root);
  mkdirSync(cache, { recursive: true });
  // A directory per run: engineers sharing the checkout may run the check at the same time.
  const dir = mkdtempSync(join(cache, 'run-'));
  try {
    const byPath = new Map<string, SnippetBlock>();
    checked.forEach((block, index) => {
      const name = `${String(index).padStart(3, '0')}-${block.file.replace(/[^A-Za-z0-9]+/g, '-')}-L${block.line}.ts`;
      const path = join(dir, name);
      writeFileSync(path, `${block.code}\n`);
      byPath.set(path, block);
    });
    const tsconfig = {
      extends: toPosix(relative(dir, join(root, 'tsconfig.base.json'))),
      compilerOptions: {
        noEmit: true,
        composite: false,
        declaration: false,
        emitDeclarationOnly: false,
        incremental: false,
        // Each block is a module even when it neither imports nor exports, so top-level
        // await works and blocks never see one another's names.
        moduleDetection: 'force',
        types: ['node'],
      },
      files: [toPosix(relative(dir, contextFile)), ...[...byPath.keys()].map((path) => toPosix(relative(dir, path)))],
    };
    const configPath = join(dir, 'tsconfig.json');
    writeFileSync(configPath, `${JSON.stringify(tsconfig, null, 2)}\n`);
    return { checked, ignored, problems: compile(root, configPath, contextFile, byPath) };
  } finally {
    if (process.env['KEEP_DOC_SNIPPETS'] !== '1') rmSync(dir, { recursive: true, force: true });
  }
}

function compile(root: string, configPath: string, contextFile: string, byPath: ReadonlyMap<string, SnippetBlock>): SnippetProblem[] {
  const problems: SnippetProblem[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => problems.push(problemOf(root, diagnostic, byPath)),
  });
  if (!parsed) return problems;
  problems.push(...parsed.errors.map((diagnostic) => problemOf(root, diagnostic, byPath)));
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, projectReferences: parsed.projectReferences });
  const diagnostics: ts.Diagnostic[] = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const path of [contextFile, ...byPath.keys()]) {
    const source = program.getSourceFile(path);
    if (!source) {
      problems.push({ file: toPosix(relative(root, path)), line: 0, message: 'TypeScript did not load this file.' });
      continue;
    }
    diagnostics.push(...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source));
  }
  problems.push(...diagnostics.map((diagnostic) => problemOf(root, diagnostic, byPath)));
  return problems;
}

function problemOf(root: string, diagnostic: ts.Diagnostic, byPath: ReadonlyMap<string, SnippetBlock>): SnippetProblem {
  const message = `${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')} (TS${diagnostic.code})`;
  const source = diagnostic.file;
  if (!source || diagnostic.start === undefined) return { file: source ? toPosix(relative(root, source.fileName)) : 'tsconfig', line: 0, message };
  const line = source.getLineAndCharacterOfPosition(diagnostic.start).line;
  const block = byPath.get(resolve(source.fileName));
  if (block) return { file: block.file, line: block.line + line, message };
  return { file: toPosix(relative(root, source.fileName)), line: line + 1, message };
}

/** `docs/a.md:12: message`, the form editors and terminals link to. */
export function formatProblem(problem: SnippetProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/**
 * The blocks the documentation check compiles: every ```ts block of `docs/**\/*.md` except the
 * generated API reference (`docs/api/`), and the README's blocks after the first, which
 * `tests/readme-example.test.ts` runs as a program.
 *
 * @example
 * const blocks = documentationBlocks(root);
 * blocks.filter((block) => block.ignored).length; // the deliberately partial blocks
 */
export function documentationBlocks(root: string): SnippetBlock[] {
  const blocks: SnippetBlock[] = [];
  for (const path of markdownFiles(join(root, 'docs'), [join(root, 'docs', 'api')])) {
    blocks.push(...extractSnippetBlocks(toPosix(relative(root, path)), readFileSync(path, 'utf8')));
  }
  blocks.push(...extractSnippetBlocks('README.md', readFileSync(join(root, 'README.md'), 'utf8')).slice(1));
  return blocks;
}

function markdownFiles(dir: string, skip: readonly string[]): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (skip.includes(path)) continue;
    if (entry.isDirectory()) found.push(...markdownFiles(path, skip));
    else if (entry.isFile() && entry.name.endsWith('.md')) found.push(path);
  }
  return found;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
