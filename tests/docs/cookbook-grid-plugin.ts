import { definePlugin } from '@kechuang/community';
import { z } from 'zod';

/** The code of a park as routing passes it to an operator ({ id, code }), if it is one. */
function parkCode(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'string' ? value.code : undefined;
}

/**
 * The street's grid (网格): parks grouped into zones (片区), and a duty order for teams. It
 * adds one condition operator, one rule action and one assignment strategy.
 */
export const grid = definePlugin({
  id: 'grid',
  options: z.object({
    /** Park codes by zone, e.g. { dream_town: [P01, P02] }. */
    zones: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(1)).min(1)),
    /** Staff numbers in the order they stand in for one another (顶岗顺序). */
    dutyOrder: z.array(z.string().min(1)).default([]),
  }),
  setup({ options, routing }) {
    const zoneOf = new Map<string, string>();
    for (const [zone, parks] of Object.entries(options.zones)) for (const park of parks) zoneOf.set(park, zone);
    const zones = Object.keys(options.zones);

    // when: { park: { grid.in_zone: dream_town } }
    routing.operator({
      name: 'grid.in_zone',
      validate: (zone) => (typeof zone === 'string' && zones.includes(zone) ? null : `name one of the zones: ${zones.join(', ')}`),
      test: (park, zone) => {
        const code = parkCode(park);
        return code !== undefined && zoneOf.get(code) === zone;
      },
    });

    // then: { plugins: { grid.zone_tag: 片区 } } tags the request 片区:dream_town.
    routing.action({
      name: 'grid.zone_tag',
      validate: (prefix) => (typeof prefix === 'string' && prefix.length > 0 ? null : 'give the tag prefix, e.g. 片区'),
      apply: (prefix, facts) => {
        const zone = facts.park === null ? undefined : zoneOf.get(facts.park.code);
        return zone === undefined ? null : { tags: [`${String(prefix)}:${zone}`] };
      },
    });

    // assign: { team: LEGAL, strategy: grid.duty_order }: the first available in the duty
    // order leads; with nobody listed available, routing goes on to the fallback.
    routing.strategy({
      name: 'grid.duty_order',
      choose: (candidates) => {
        for (const code of options.dutyOrder) {
          const member = candidates.find((candidate) => candidate.code === code);
          if (member !== undefined) return member;
        }
        return null;
      },
    });
  },
});
