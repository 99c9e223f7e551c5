import { readFileSync } from 'node:fs';

/**
 * The text of the Mengchuang Community's default office config, `kechuang.config.yaml` at
 * the package root: the 4 portfolios, the legal station taking unpaid invoices, contract
 * disputes and debts, talent and hiring to the economic-development commissioner, captains'
 * reports copied to their captain, and a fallback to the station head.
 *
 * @example
 * ```ts
 * await head.config.update(mengchuangConfigText(), { filename: 'kechuang.config.yaml' });
 * ```
 */
export function mengchuangConfigText(): string {
  // src/ and dist/ both sit one level below the package root.
  return readFileSync(new URL('../kechuang.config.yaml', import.meta.url), 'utf8');
}
