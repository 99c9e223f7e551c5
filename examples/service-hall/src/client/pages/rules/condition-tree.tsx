/**
 * A rule's condition as a small tree of sentences: groups ("满足以下任一条件") over field
 * tests ("诉求类别为 法律服务"). The same tree shows a rule as configured and, after an
 * explanation, how each test fared against the request: passed or not, and the actual value.
 */
import type { Condition, ConditionTrace } from '@kechuang/community';
import { expectedWords, fieldLabel, operatorWords, valueWords, type WordsContext } from './rule-words.js';

export type CondNode =
  | { kind: 'group'; op: 'all' | 'any' | 'not'; children: CondNode[]; passed?: boolean }
  | { kind: 'test'; field: string; operator: string; expected: unknown; actual?: unknown; traced: boolean; passed?: boolean };

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

function Mark({ passed }: { passed: boolean | undefined }) {
  if (passed === undefined) return null;
  return (
    <span class={passed ? 'cond-mark cond-mark--pass' : 'cond-mark cond-mark--fail'} aria-hidden="true">
      {passed ? '✓' : '✗'}
    </span>
  );
}

/** Which of the keywords the request's text contains, for a keyword test. */
function keywordHits(node: Extract<CondNode, { kind: 'test' }>): string[] | null {
  if ((node.operator !== 'any' && node.operator !== 'all_of') || typeof node.actual !== 'string') return null;
  const text = node.actual.toLowerCase();
  return (Array.isArray(node.expected) ? node.expected : [node.expected]).map(String).filter((word) => text.includes(word.toLowerCase()));
}

function Test({ node, ctx }: { node: Extract<CondNode, { kind: 'test' }>; ctx: WordsContext }) {
  const values = expectedWords(node.field, node.operator, node.expected, ctx);
  const hits = keywordHits(node);
  const sr = node.passed === undefined ? '' : node.passed ? `${ctx.t.trace.matched}: ` : `${ctx.t.trace.notMatched}: `;
  return (
    <li class={node.passed === undefined ? 'cond-test' : node.passed ? 'cond-test cond-test--pass' : 'cond-test cond-test--fail'}>
      <Mark passed={node.passed} />
      <span class="cond-test__body">
        <span class="visually-hidden">{sr}</span>
        <span class="cond-field">{fieldLabel(node.field, ctx)}</span> <span class="cond-op">{operatorWords(node.operator, node.expected, ctx)}</span>{' '}
        {values.map((value, i) => (
          <span key={i} class={hits?.includes(value) ? 'cond-value cond-value--hit' : 'cond-value'}>
            {value}
          </span>
        ))}
        {/* A passed equality says nothing the value above does not; everything else shows what was found. */}
        {node.traced && !(node.passed && (node.operator === 'eq' || node.operator === 'in')) ? (
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

function Group({ node, ctx }: { node: Extract<CondNode, { kind: 'group' }>; ctx: WordsContext }) {
  return (
    <li class="cond-group">
      <span class="cond-group__head">
        <Mark passed={node.passed} />
        {ctx.t.cond[node.op]}
      </span>
      <ul class="cond-list">
        {node.children.map((child, i) => (
          <Node key={i} node={child} ctx={ctx} />
        ))}
      </ul>
    </li>
  );
}

function Node({ node, ctx }: { node: CondNode; ctx: WordsContext }) {
  return node.kind === 'group' ? <Group node={node} ctx={ctx} /> : <Test node={node} ctx={ctx} />;
}

export function ConditionTree({ node, ctx }: { node: CondNode; ctx: WordsContext }) {
  return (
    <ul class="cond-list cond-list--root">
      <Node node={node} ctx={ctx} />
    </ul>
  );
}
