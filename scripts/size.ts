/**
 * Size budget for the core: `npm run size`.
 *
 * Bundles scripts/size-entry.ts (a consumer importing `createCommunity` + `memoryStorage`)
 * with esbuild (bundle, minify, ESM, platform neutral, the `source` condition so no build is
 * needed), keeps every bare dependency except @kechuang/community external (zod, mitt, ...
 * are the host's to pay for and are shared with the rest of its app), gzips the result with
 * node:zlib and compares it with the budget. Exits 1 when over budget.
 *
 * Units: 1 KB = 1000 bytes.
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { basename, relative } from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';

const BUDGET_KB = 25;
const LABEL = 'createCommunity + memoryStorage';
const SELF = '@kechuang/community';

const entry = fileURLToPath(new URL('./size-entry.ts', import.meta.url));
const kb = (bytes: number): string => (bytes / 1000).toFixed(2);

const externals = new Set<string>();

/** Marks every bare import external except the package being measured. */
const externalDependencies: Plugin = {
  name: 'external-dependencies',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (args.path === SELF || args.path.startsWith(`${SELF}/`)) return undefined;
      externals.add(args.path);
      return { path: args.path, external: true };
    });
  },
};

const result = await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  conditions: ['source'],
  plugins: [externalDependencies],
  write: false,
  outdir: 'out',
  // Code the core loads with import() on first use (the routing engine, the config loader)
  // goes to its own chunks, as it does in any bundler that splits code.
  splitting: true,
  metafile: true,
  logLevel: 'warning',
});

const entryName = `${basename(entry, '.ts')}.js`;
const output = result.outputFiles.find((file) => basename(file.path) === entryName);
if (!output) {
  console.error('size: esbuild produced no JavaScript output for the entry');
  process.exit(1);
}

// What every embedding loads: the entry chunk plus the chunks it imports statically.
const staticChunks = new Set<string>();
const visit = (path: string): void => {
  const key = relative(process.cwd(), path);
  if (staticChunks.has(key)) return;
  staticChunks.add(key);
  for (const imported of result.metafile.outputs[key]?.imports ?? []) {
    if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  }
};
visit(output.path);
const loaded = result.outputFiles.filter((file) => file.path.endsWith('.js') && staticChunks.has(relative(process.cwd(), file.path)));
const lazy = result.outputFiles.filter((file) => file.path.endsWith('.js') && !staticChunks.has(relative(process.cwd(), file.path)));
const gzipOf = (files: typeof loaded): number => files.reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).byteLength, 0);
const minBytes = loaded.reduce((sum, file) => sum + file.contents.byteLength, 0);
const gzipBytes = gzipOf(loaded);
const lazyGzip = gzipOf(lazy);
const over = gzipBytes > BUDGET_KB * 1000;

const builtins = [...externals].filter((name) => name.startsWith('node:'));
console.log(`external: ${[...externals].sort().join(', ') || '(none)'}`);
if (builtins.length > 0) {
  console.warn(`warning: the core imports Node built-ins (${builtins.join(', ')}); it must stay platform-neutral`);
}
console.log(`minified: ${kb(minBytes)} KB`);
console.log(
  `${LABEL}: ${kb(gzipBytes)} KB min+gzip (${gzipBytes} bytes in ${loaded.length} chunk(s); budget ${BUDGET_KB} KB, 1 KB = 1000 bytes)${over ? ' OVER BUDGET' : ''}`,
);
console.log(`loaded on first use (request commands, routing, config loader, calendar and SLA): ${kb(lazyGzip)} KB min+gzip in ${lazy.length} chunk(s), not counted against the budget`);

if (over) {
  console.error(`\nLargest inputs of what loads at start (minified bytes before gzip):`);
  for (const [file, bytes] of largestInputs(result.metafile, staticChunks, 15)) {
    console.error(`  ${kb(bytes).padStart(8)} KB  ${file}`);
  }
  process.exit(1);
}

function largestInputs(metafile: Metafile, chunks: ReadonlySet<string>, count: number): [string, number][] {
  const sizes = new Map<string, number>();
  for (const [key, out] of Object.entries(metafile.outputs)) {
    if (!chunks.has(key)) continue;
    for (const [file, info] of Object.entries(out.inputs)) {
      sizes.set(file, (sizes.get(file) ?? 0) + info.bytesInOutput);
    }
  }
  return [...sizes].sort((a, b) => b[1] - a[1]).slice(0, count);
}
