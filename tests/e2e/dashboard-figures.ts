/**
 * The dashboard's figure cards as numbers, to compare before and after the story and against
 * the monthly report the API computes.
 */
import type { Page } from 'playwright-core';
import type { MonthlyTotals } from './hall-directory.js';

export const FIGURES = ['collected', 'resolved', 'concluded', 'overdue', 'response', 'resolution', 'satisfaction', 'composite'] as const;
export type FigureName = (typeof FIGURES)[number];
/** What each card shows; null where it shows "no data" (—). */
export type Figures = Record<FigureName, number | null>;

/** `1,234` → 1234, `95.7%` → 95.7, `—` → null. */
export function figureNumber(text: string): number | null {
  const digits = text.replace(/[,\s\u00a0]/g, '').match(/-?\d+(?:\.\d+)?/);
  return digits ? Number(digits[0]) : null;
}

export async function readFigures(page: Page): Promise<Figures> {
  const figures = {} as Figures;
  for (const name of FIGURES) {
    const text = await page.locator(`[data-figure="${name}"] [data-value]`).first().innerText({ timeout: 5_000 });
    figures[name] = figureNumber(text);
  }
  return figures;
}

/** A rate as the cards show it: a percentage with one decimal (the composite: a score of 100). */
function shown(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

/** The figures the API's monthly report gives for the same month. */
export function figuresOf(totals: MonthlyTotals): Figures {
  return {
    collected: totals.counts['collected'] ?? 0,
    resolved: totals.counts['resolved'] ?? 0,
    concluded: totals.counts['concluded'] ?? 0,
    overdue: totals.counts['overdue'] ?? 0,
    response: shown(totals.rates.response),
    resolution: shown(totals.rates.resolution),
    satisfaction: shown(totals.rates.satisfaction),
    composite: shown(totals.rates.composite),
  };
}
