/** What a rule does when it matches, one line per action: 派给 …, 办理时限按 …, 抄送 …. */
import type { Rule } from '@kechuang/community';
import type { ComponentChildren } from 'preact';
import type { WordsContext } from './condition-words.js';
import { actionLines } from './rule-words.js';
import './routing.css';

export function RuleActions({ then, ctx, className, children }: { then: Rule['then']; ctx: WordsContext; className?: string; children?: ComponentChildren }) {
  return (
    <ul class={className ? `rule-actions ${className}` : 'rule-actions'}>
      {actionLines(then, ctx).map((line) => (
        <li key={line.label}>
          <span class="muted">{line.label}</span> {line.value}
        </li>
      ))}
      {children}
    </ul>
  );
}
