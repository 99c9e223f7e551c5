/**
 * Where a server's time went: reads a V8 CPU profile (the HTTP benchmark writes one per side
 * with SERVER_BENCH_CPU_PROF=1; `node --cpu-prof` writes the same format) and lists the
 * functions that took the most time themselves (self), the functions under which the most time
 * was spent (total: their own time and their callees'), and the self time per package.
 *
 *   node --import tsx bench/server-profile.ts <file.cpuprofile> [top]
 *
 * Shares are of the busy time: samples where the process idled waiting for the network are left
 * out. Time is attributed by sample; a function that recurses counts once per sample. The total
 * of an async function covers only what ran before its first `await`: what follows runs from
 * the microtask queue, under `processTicksAndRejections`.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self and total time of one function, in milliseconds. */
export interface ProfileLine {
  name: string;
  selfMs: number;
  totalMs: number;
}

/** A profile boiled down. */
export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  functions: ProfileLine[];
  packages: { name: string; selfMs: number }[];
}

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));

/** `kysely/dist/esm/...` for node_modules, `packages/community/src/...` for the repo, `node:internal/...` for Node. */
function shortUrl(url: string): string {
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) return path.slice(modules + '/node_modules/'.length);
  return path.startsWith(`${repoRoot}/`) ? path.slice(repoRoot.length + 1) : path;
}

function packageOf(url: string): string {
  if (url.startsWith('node:')) return 'node (built-in modules)';
  const short = shortUrl(url);
  if (short.startsWith('packages/')) return short.split('/').slice(0, 2).join('/');
  const parts = short.split('/');
  return parts[0]?.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? short);
}

/** Native code has no URL: `run (native)` is better-sqlite3 running a statement, `writev (native)` a socket write. */
function nativeName(functionName: string): string {
  return functionName.startsWith('(') ? functionName : `${functionName || '(anonymous)'} (native)`;
}

/** Reads and summarises the profile in `file`. */
export function summariseProfile(file: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const keyOf = (node: ProfileNode): string => {
    const { functionName, url, lineNumber } = node.callFrame;
    // tsx's transpiled sources put whole modules on line 1, where a line number says nothing.
    return url ? `${functionName || '(anonymous)'}  ${shortUrl(url)}${lineNumber > 0 ? `:${lineNumber + 1}` : ''}` : nativeName(functionName);
  };
  // The distinct functions on each node's stack, computed once per node.
  const stacks = new Map<number, Set<string>>();
  const stackOf = (id: number): Set<string> => {
    const known = stacks.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const parent = parentOf.get(id);
    const stack = new Set(parent === undefined ? [] : stackOf(parent));
    stack.add(keyOf(node));
    stacks.set(id, stack);
    return stack;
  };

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const packages = new Map<string, number>();
  let busyUs = 0;
  let idleUs = 0;
  profile.samples.forEach((id, i) => {
    // timeDeltas[i] is the time since the previous sample: charge it to this one.
    const us = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') {
      idleUs += us;
      return;
    }
    busyUs += us;
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + us);
    for (const fn of stackOf(id)) total.set(fn, (total.get(fn) ?? 0) + us);
    const pkg = node.callFrame.url ? packageOf(node.callFrame.url) : nativeName(node.callFrame.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  });
  total.delete('(root)');
  const names = new Set([...self.keys(), ...total.keys()]);
  return {
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    functions: [...names].map((name) => ({ name, selfMs: (self.get(name) ?? 0) / 1000, totalMs: (total.get(name) ?? 0) / 1000 })),
    packages: [...packages].map(([name, us]) => ({ name, selfMs: us / 1000 })).sort((a, b) => b.selfMs - a.selfMs),
  };
}

/** The summary as text: the `top` functions by self time, by total time, and every package. */
export function formatProfile(summary: ProfileSummary, top = 25): string {
  const pct = (ms: number): string => `${((ms / summary.busyMs) * 100).toFixed(1).padStart(5)}%`;
  const lines = [`busy ${(summary.busyMs / 1000).toFixed(1)} s, idle ${(summary.idleMs / 1000).toFixed(1)} s; shares are of the busy time`, '', 'self time by package:'];
  for (const p of summary.packages.slice(0, top)) lines.push(`  ${pct(p.selfMs)}  ${p.name}`);
  lines.push('', `top ${top} functions by self time:`);
  for (const f of [...summary.functions].sort((a, b) => b.selfMs - a.selfMs).slice(0, top)) lines.push(`  ${pct(f.selfMs)}  ${f.name}`);
  lines.push('', `top ${top} functions by total time (self + callees):`);
  for (const f of [...summary.functions].sort((a, b) => b.totalMs - a.totalMs).slice(0, top)) lines.push(`  ${pct(f.totalMs)}  ${f.name}`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node --import tsx bench/server-profile.ts <file.cpuprofile> [top]');
    process.exit(1);
  }
  console.log(formatProfile(summariseProfile(file), top ? Number(top) : undefined));
}
