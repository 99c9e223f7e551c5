/**
 * The demo year: the Mengchuang Community's first year replayed through the public API.
 */
export { runDemoYear, type DemoYear, type DemoYearOptions, type DemoYearStage } from './run-demo-year.js';
export type { DemoYearSummary } from './summarise-year.js';
export type { YearTally } from './year-context.js';
export { DEMO_YEAR_START, DEMO_YEAR_END } from './year-plan.js';
export { seededUuidv7 } from './seeded-ids.js';
