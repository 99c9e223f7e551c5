import { describe, expect, it } from 'vitest';
import { thrown } from '../__fixtures__/expect-error.js';
import { createCommunity } from '../community.js';
import { definePlugin } from '../plugins/define-plugin.js';
import { memoryStorage } from '../storage/memory-storage.js';
import type { ConfigIssue } from './config-problem.js';
import { configOptionsOf } from './config-options-of.js';
import { parseOfficeConfig } from './parse-config.js';

/** A plugin adding one of everything a config can name. */
const grid = definePlugin({
  id: 'grid',
  setup({ routing, notifications }) {
    routing.operator({ name: 'grid.in_zone', validate: (zone) => (zone === 'north' ? null : 'name the zone north'), test: () => true });
    routing.action({ name: 'grid.zone_tag', apply: () => ({ tags: ['north'] }) });
    routing.strategy({ name: 'grid.first', choose: (candidates) => candidates[0] ?? null });
    notifications.event('zone_changed');
  },
});

const TEXT = `routing:
  rules:
    - id: north
      when: { park: { grid.in_zone: north } }
      then: { plugins: { grid.zone_tag: true } }
      continue: true
    - id: team
      when: { category: legal }
      then: { assign: { team: LEGAL, strategy: grid.first } }
  fallback: { assign: { role: station_head } }
notifications:
  rules:
    - { on: [grid.zone_changed], to: [dispatcher] }
`;

describe('configOptionsOf', () => {
  it("lets a config outside the community name what the community's plugins registered", () => {
    const community = createCommunity({ storage: memoryStorage(), plugins: [grid()] });
    const options = configOptionsOf(community);
    expect(options.operators.map((o) => o.name)).toEqual(['grid.in_zone']);
    expect(options.notificationEvents).toEqual(['grid.zone_changed']);
    const config = parseOfficeConfig(TEXT, { filename: 'kechuang.config.yaml', ...options });
    expect(config.routing.rules.map((rule) => rule.id)).toEqual(['north', 'team']);
  });

  it('gives empty lists without plugins, so the same config is refused with its positions', () => {
    const options = configOptionsOf(createCommunity({ storage: memoryStorage() }));
    expect(options).toEqual({ operators: [], actions: [], strategies: [], notificationEvents: [] });
    const error = thrown(() => parseOfficeConfig(TEXT, { filename: 'kechuang.config.yaml', ...options }), 'VALIDATION_FAILED');
    expect(error.details.issues?.map((issue) => issue.code)).toEqual(['unknown_operator', 'unknown_action', 'unknown_strategy', 'unknown_event']);
  });

  it("checks a plugin name's spelling and argument as the plugin does", () => {
    const options = configOptionsOf(createCommunity({ storage: memoryStorage(), plugins: [grid()] }));
    const text = TEXT.replace('grid.in_zone: north', 'grid.in_zon: north').replace('strategy: grid.first', 'strategy: grid.frist');
    const error = thrown(() => parseOfficeConfig(text, options), 'VALIDATION_FAILED');
    const issues = (error.details.issues ?? []) as ConfigIssue[];
    expect(issues.map((issue) => [issue.code, issue.suggestion])).toEqual([
      ['unknown_operator', 'grid.in_zone'],
      ['unknown_strategy', 'grid.first'],
    ]);
    const zone = thrown(() => parseOfficeConfig(TEXT.replace('grid.in_zone: north', 'grid.in_zone: south'), options), 'VALIDATION_FAILED');
    expect(zone.details.issues?.[0]?.message).toContain('name the zone north');
  });

  it('refuses an object that createCommunity did not return', () => {
    expect(() => configOptionsOf({})).toThrow(TypeError);
  });
});
