// The app module the CLI's tests pass with --app, written as a host app would write one in
// plain JavaScript: a first-party plugin with timers and tables of its own, a tiny plugin that
// adds routing names, and a notifier that keeps what it is handed.
import { definePlugin } from '@kechuang/community';
import { progressReports } from '@kechuang/plugin-progress-reports';

const ZONES = { north: ['P01'], south: ['P02'] };

/** Parks by zone: a condition operator on the park and an assignment strategy. */
export const grid = definePlugin({
  id: 'grid',
  version: '1.0.0',
  setup({ routing }) {
    routing.operator({
      name: 'grid.in_zone',
      validate: (zone) => (typeof zone === 'string' && zone in ZONES ? null : `name one of the zones: ${Object.keys(ZONES).join(', ')}`),
      test: (park, zone) => typeof park === 'object' && park !== null && ZONES[zone]?.includes(park.code) === true,
    });
    routing.strategy({ name: 'grid.first', choose: (candidates) => candidates[0] ?? null });
  },
});

/** Every message the notifier was handed, in order. */
export const deliveries = [];

export const notifiers = [
  {
    id: 'mail',
    channel: 'email',
    async send(message) {
      deliveries.push(message);
      return { externalId: `mail-${deliveries.length}` };
    },
  },
];

export const plugins = [progressReports(), grid()];
