import type { Options } from 'tsup';

/**
 * What every package's tsup build shares. Dependencies stay external (tsup externalises
 * `dependencies` and `peerDependencies`, in the JS bundle and the d.ts rollup alike), and the
 * d.ts program is `tsconfig.build.json`: plain, non-composite, test files excluded.
 */
export function packageBuild(entry: Record<string, string>, format: Options['format']): Options {
  return {
    entry,
    format,
    tsconfig: 'tsconfig.build.json',
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    // Keep `node:` specifiers (tsup strips them by default); Node 20, Deno and edge runtimes
    // with Node compatibility all want the prefix.
    removeNodeProtocol: false,
    treeshake: true,
  };
}
