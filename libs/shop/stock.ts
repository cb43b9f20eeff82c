// When order intake tells the workflow about stock (salesReported): a variant's sold-out state changed
// since it was last reported, or the product's sell-through reached its restock threshold at a total
// produced that was not reported yet (a restock that ships re-arms it). Pure: intake reads the rows,
// decides here, signals after its commit and marks what was reported once the signal got through.
import type { SalesReport } from '../domain';

export interface StockRow {
  variantId: string;
  produced: number;
  sold: number;
  returned: number;
  held: number;
  reportedSoldOut: boolean;
  restockReportedAtProduced: number | null;
}

export interface StockDecision {
  /** Each variant's sold-out state now (what to mark as reported). */
  soldOut: { variantId: string; soldOut: boolean }[];
  /** The total produced to mark when the restock threshold is being reported; null otherwise. */
  restockAtProduced: number | null;
  /** Net sold ÷ produced over all variants, 0 when nothing was produced. */
  sellThrough: number;
}

export function available(row: Pick<StockRow, 'produced' | 'sold' | 'returned' | 'held'>): number {
  return row.produced - row.sold + row.returned - row.held;
}

/** What to report, or null when the workflow already knows everything that matters. */
export function decideSalesReport(rows: StockRow[], restockThreshold: number | undefined): StockDecision | null {
  const produced = rows.reduce((t, r) => t + r.produced, 0);
  if (produced <= 0) return null;
  const netSold = rows.reduce((t, r) => t + r.sold - r.returned, 0);
  const sellThrough = Math.max(0, netSold) / produced;
  const soldOut = rows.map((r) => ({ variantId: r.variantId, soldOut: r.produced > 0 && available(r) <= 0 }));
  const soldOutChanged = rows.some((r, i) => r.reportedSoldOut !== soldOut[i].soldOut);
  const restockDue = restockThreshold !== undefined && sellThrough >= restockThreshold && rows.some((r) => r.restockReportedAtProduced !== produced);
  if (!soldOutChanged && !restockDue) return null;
  return { soldOut, restockAtProduced: restockDue ? produced : null, sellThrough };
}

/** The report the workflow gets; unitsPerDay is net units over the last `days` days ÷ days, per variant. */
export function buildSalesReport(rows: StockRow[], recentNetUnits: ReadonlyMap<string, number>, days: number, at: Date): SalesReport {
  return {
    at: at.toISOString(),
    variants: rows.map((r) => ({
      variantId: r.variantId,
      produced: r.produced,
      sold: r.sold,
      returned: r.returned,
      available: available(r),
      unitsPerDay: Math.round((Math.max(0, recentNetUnits.get(r.variantId) ?? 0) / days) * 100) / 100,
    })),
  };
}
