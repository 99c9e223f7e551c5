/**
 * `kechuang` as a process of its own, from source under tsx, in a clean environment: the CLI
 * package's own runner, shared with the repository-level CLI tests.
 */
export { spawnKechuang as runKechuang, type KechuangRun } from '../../packages/cli/src/__fixtures__/run-kechuang.js';
