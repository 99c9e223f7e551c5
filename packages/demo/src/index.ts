/**
 * `@kechuang/demo`: a deterministic, invented Mengchuang Community (梦创社区) for examples,
 * tests and benchmarks of `@kechuang/community`.
 *
 * @example
 * ```ts
 * import { generateMengchuang, loadDemo } from '@kechuang/demo';
 *
 * const directory = generateMengchuang({ seed: 20250301 });
 * const office = await community.offices.create(directory.office);
 * const demo = await loadDemo(community.as({ kind: 'system', officeId: office.id }), directory);
 * ```
 *
 * Or replay the community's whole first year (2025-03-01 to 2026-02-28) through the public API,
 * for metrics and reports to work on:
 *
 * ```ts
 * import { runDemoYear } from '@kechuang/demo';
 *
 * const year = await runDemoYear({ seed: 20250301 });
 * year.summary.collected; // ≈ 460 requests collected
 * year.summary.resolved;  // ≈ 320 resolved
 * ```
 */
export { generateMengchuang, DEFAULT_SEED, DEFAULT_ENTERPRISE_COUNT, LEGAL_TEAM, type GenerateOptions } from './generate-mengchuang.js';
export type {
  DemoDirectory,
  DemoOffice,
  DemoCommunity,
  DemoPark,
  DemoBuilding,
  DemoEnterprise,
  DemoTeam,
  DemoMember,
  DemoMemberRole,
} from './directory.js';
export {
  loadDemo,
  type DemoLoaderSession,
  type CreatedRecord,
  type DemoLoadStage,
  type LoadDemoOptions,
  type LoadedDemo,
} from './load-demo.js';
export { findDirectoryProblems } from './check-directory.js';
export { mengchuangConfigText } from './mengchuang-config.js';
export { createRandom, type Random } from './random.js';
export {
  createCreditCodeFactory,
  CREDIT_CODE_ALPHABET,
  YUHANG_DIVISION_CODE,
  type CreditCodeFactory,
  type CreditCodeFactoryOptions,
} from './credit-codes.js';
export { personName, enterpriseName, tradeName, parkName, buildingName, parkAddress, uniqueName, type BuildingNameStyle } from './names.js';
export { demoIndustries, demoEnterpriseTags } from './words.js';
export { demoPortfolioLabels, type DefaultPortfolio } from './generate-members.js';
export { DEMO_MOBILE_PREFIX, DEMO_EMAIL_DOMAIN, demoMobile, demoEmail, isDemoMobile } from './fake-contacts.js';
export {
  runDemoYear,
  seededUuidv7,
  DEMO_YEAR_START,
  DEMO_YEAR_END,
  type DemoYear,
  type DemoYearOptions,
  type DemoYearStage,
  type DemoYearSummary,
  type YearTally,
} from './demo-year/index.js';
