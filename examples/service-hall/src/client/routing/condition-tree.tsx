/**
 * A rule's condition as a small tree of sentences: groups ("满足以下任一条件") over field
 * tests ("诉求类别为 法律服务"). The same tree shows a rule as configured and, after an
 * explanation, how each test fared against the request: passed or not, and the actual value.
 * A compact list shows only the tests that carried a matched rule, as a result summary does.
 */
import type { Condition } from '@kechuang/community';
import { expectedWords, fieldLabel, operatorWords, valueWords, type WordsContext } from './condition-words.js';
import type { ConditionTrace } from './explain.js';
import './routing.css';

export type CondNode =
  | { kind: 'group'; op: 'all' | 'any' | 'not'; children: CondNode[]; passed?: boolean }
  | { kind: 'test'; field: string; operator: string; expected: unknown; actual?: unknown; traced: boolean; passed?: boolean };

type TestNode = Extract<CondNode, { kind: 'test' }>;
type GroupNode = Extract<CondNode, { kind: 'group' }>;

const GROUPS = new Set(['all', 'any', 'not']);

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/** A condition as the config writes it. */
export function fromConfig(condition: Condition): CondNode {
  if ('all' in condition && Array.isArray(condition.all)) return { kind: 'group', op: 'all', children: (condition.all as Condition[]).map(fromConfig) };
  if ('any' in condition && Array.isArray(condition.any)) return { kind: 'group', op: 'any', children: (condition.any as Condition[]).map(fromConfig) };
  if ('not' in condition && condition.not && typeof condition.not === 'object') return { kind: 'group', op: 'not', children: [fromConfig(condition.not as Condition)] };
  const [field = '', test] = Object.entries(condition)[0] ?? [];
  if (isScalar(test)) return { kind: 'test', field, operator: 'eq', expected: test, traced: false };
  const operators = Object.entries(test as Record<string, unknown>).map(([operator, expected]): CondNode => ({ kind: 'test', field, operator, expected, traced: false }));
  return operators.length === 1 ? operators[0]! : { kind: 'group', op: 'all', children: operators };
}

/** A condition as the explanation traced it. */
export function fromTrace(trace: ConditionTrace): CondNode {
  if (GROUPS.has(trace.kind)) return { kind: 'group', op: trace.kind as 'all' | 'any' | 'not', children: (trace.children ?? []).map(fromTrace), passed: trace.passed };
  // Several operators on one field (`{ gte: 1, lt: 5 }`) trace as the field over its operators.
  if (trace.children) return { kind: 'group', op: 'all', children: trace.children.map((child) => fromTrace({ ...child, kind: trace.kind })), passed: trace.passed };
  return { kind: 'test', field: trace.kind, operator: trace.operator ?? 'eq', expected: trace.expected, actual: trace.actual, traced: true, passed: trace.passed };
}

/**
 * The tests that carried a matched condition, flat: every part of an `all`, the passing parts
 * of an `any`, each operator on a field; a `not` stays whole, since its part only reads with it.
 */
export function carriedBy(trace: ConditionTrace | undefined): CondNode[] {
  if (!trace) return [];
  if (trace.kind === 'all') return (trace.children ?? []).flatMap(carriedBy);
  if (trace.kind === 'any') return (trace.children ?? []).filter((child) => child.passed).flatMap(carriedBy);
  if (trace.kind !== 'not' && trace.children && trace.children.length > 0) return trace.children.flatMap((child) => carriedBy({ ...child, kind: trace.kind }));
  return [fromTrace(trace)];
}

function Mark({ passed }: { passed: boolean | undefined }) {
  if (passed === undefined) return null;
  return (
    <span class={passed ? 'cond-mark cond-mark--pass' : 'cond-mark cond-mark--fail'} aria-hidden="true">
      {passed ? '✓' : '✗'}
    </span>
  );
}

/** Which of the keywords the request's text contains, for a keyword test. */
function keywordHits(node: TestNode): string[] | null {
  if ((node.operator !== 'any' && node.operator !== 'all_of') || typeof node.actual !== 'string') return null;
  const text = node.actual.toLowerCase();
  return (Array.isArray(node.expected) ? node.expected : [node.expected]).map(String).filter((word) => text.includes(word.toLowerCase()));
}

function passedAttr(passed: boolean | undefined): string | undefined {
  return passed === undefined ? undefined : String(passed);
}

interface NodeProps<N> {
  node: N;
  ctx: WordsContext;
  compact: boolean;
}

function Test({ node, ctx, compact }: NodeProps<TestNode>) {
  const hits = keywordHits(node);
  // A compact list names only the keywords the request contains: they say more than the list.
  const values = compact && hits && hits.length > 0 ? hits : expectedWords(node.field, node.operator, node.expected, ctx);
  const sr = node.passed === undefined ? '' : `${node.passed ? ctx.t.trace.matched : ctx.t.trace.notMatched}${ctx.t.cond.colon}`;
  // A passed equality says nothing the value above does not; everything else shows what was found.
  const showActual = !compact && node.traced && !(node.passed && (node.operator === 'eq' || node.operator === 'in'));
  return (
    <li class={node.passed === undefined ? 'cond-test' : node.passed ? 'cond-test cond-test--pass' : 'cond-test cond-test--fail'} data-passed={passedAttr(node.passed)}>
      <Mark passed={node.passed} />
      <span class="cond-test__body">
        <span class="visually-hidden">{sr}</span>
        <span class="cond-field">{fieldLabel(node.field, ctx)}</span> <span class="cond-op">{operatorWords(node.operator, node.expected, ctx)}</span>{' '}
        {values.map((value, i) => (
          <span key={i} class={!compact && hits?.includes(value) ? 'cond-value cond-value--hit' : 'cond-value'}>
            {value}
          </span>
        ))}
        {showActual ? (
          <span class="cond-actual">
            {hits === null
              ? `${ctx.t.trace.actual}${ctx.t.cond.colon}${valueWords(node.field, node.actual, ctx)}`
              : hits.length > 0
                ? `${ctx.t.trace.hit}${ctx.t.cond.colon}${hits.join(ctx.t.cond.list)}`
                : ctx.t.trace.noHit}
          </span>
        ) : null}
      </span>
    </li>
  );
}

function Group({ node, ctx, compact }: NodeProps<GroupNode>) {
  return (
    <li class="cond-group" data-passed={passedAttr(node.passed)}>
      <span class="cond-group__head">
        <Mark passed={node.passed} />
        {ctx.t.cond[node.op]}
      </span>
      <ul class="cond-list">
        {node.children.map((child, i) => (
          <Node key={i} node={child} ctx={ctx} compact={compact} />
        ))}
      </ul>
    </li>
  );
}

function Node({ node, ctx, compact }: NodeProps<CondNode>) {
  return node.kind === 'group' ? <Group node={node} ctx={ctx} compact={compact} /> : <Test node={node} ctx={ctx} compact={compact} />;
}

/** One condition as a tree, or (`compact`) a few conditions as a flat list of what carried them. */
export function ConditionTree({ nodes, ctx, compact = false }: { nodes: readonly CondNode[]; ctx: WordsContext; compact?: boolean }) {
  return (
    <ul class={compact ? 'cond-list cond-list--root cond-list--compact' : 'cond-list cond-list--root'}>
      {nodes.map((node, i) => (
        <Node key={i} node={node} ctx={ctx} compact={compact} />
      ))}
    </ul>
  );
}
