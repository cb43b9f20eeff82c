// The product on sale, after its launch: the stock produced per variant, sell-outs reported by order
// intake, and the restocks the workflow proposes when sell-through passes the product's threshold. Staff
// approve, decline or cancel restocks and end the product (commands/); the loop repeats until they do.

import { variantIdsOf, variantsOf } from './demand';
import { emit, iso, moveTo } from './events';
import { SYSTEM_ACTOR, type Actor, type LifecycleEvent, type ProductState } from './model';
import { restockSuggestion, sellThrough, splitAcrossVariants, totalUnits } from './rules';
import { DEFAULT_SALES_RULES, type RestockRun, type SalesReport, type SalesRules, type SalesState, type VariantStock, type VariantUnits } from './sales-model';
import { actionCount, actionLimit, countAction } from './commands/action-limits';

export function salesRulesOf(state: ProductState): SalesRules {
  return state.rules.sales ?? DEFAULT_SALES_RULES;
}

/** The first run's units per variant: recorded with the run, or (older runs) its total split across variants. */
export function runQuantities(state: ProductState): VariantUnits[] {
  const run = state.production.run;
  if (!run) return variantIdsOf(state).map((variantId) => ({ variantId, units: 0 }));
  return run.quantities ?? splitAcrossVariants(variantIdsOf(state), run.quantity);
}

/**
 * The launch of a product that sells after it: LAUNCHED (with the reservation hold when the demand tally
 * had reservations), then ON_SALE with the first run's stock.
 */
export function goOnSale(state: ProductState, launchData: Record<string, unknown>, nowMs: number): LifecycleEvent[] {
  const at = iso(nowMs);
  const demand = state.demand;
  const reservations = demand && (demand.status === 'MET' || demand.status === 'OVERRIDDEN') ? (demand.lastTally?.reservations ?? 0) : 0;
  const sales: SalesState = { onSaleAt: at, produced: runQuantities(state), soldOut: [], restocks: [] };
  if (reservations > 0) sales.holdUntil = iso(nowMs + salesRulesOf(state).reservationHoldMs);
  state.sales = sales;
  const hold = sales.holdUntil ? { reservationHoldUntil: sales.holdUntil, reservations } : {};
  const launched = emit(state, 'LAUNCHED', SYSTEM_ACTOR, at, { ...launchData, ...hold });
  return [launched, moveTo(state, 'ON_SALE', SYSTEM_ACTOR, at)];
}

/** The reservation hold ran out: stock nobody claimed goes on general sale. */
export function endReservationHold(state: ProductState, nowMs: number): LifecycleEvent[] {
  const sales = state.sales!;
  const at = iso(nowMs);
  sales.holdReleasedAt = at;
  return [emit(state, 'RESERVATION_HOLD_ENDED', SYSTEM_ACTOR, at, { holdUntil: sales.holdUntil })];
}

/** The restock staff are asked about or that is being produced; at most one at a time. */
export function openRestock(state: ProductState): RestockRun | undefined {
  return state.sales?.restocks.find((r) => r.status === 'PROPOSED' || r.status === 'IN_PRODUCTION');
}

const ORDER_INTAKE: Actor = { kind: 'system', id: 'order-intake' };

/**
 * Order intake's stock report: newly sold-out variants (SOLD_OUT), variants back above zero leave the
 * sold-out list (BACK_IN_STOCK comes with a shipped restock), and a restock is proposed once sell-through
 * reaches the threshold, at most once per stock level and never while another one is open. Reports outside
 * ON_SALE or older than the last one change nothing (intake may send them early, late or out of order).
 */
export function applySalesReport(state: ProductState, report: SalesReport, nowMs: number): LifecycleEvent[] {
  const sales = state.sales;
  if (state.stage !== 'ON_SALE' || !sales || !report || !Array.isArray(report.variants)) return [];
  if (sales.lastReport && Date.parse(report.at) < Date.parse(sales.lastReport.at)) return [];
  const variants = variantsOf(state);
  const known = new Map(variants.map((v) => [v.id, v]));
  const stock = report.variants.filter((v) => known.has(v.variantId));
  sales.lastReport = { at: report.at, variants: stock };
  const at = iso(nowMs);
  const events: LifecycleEvent[] = [];

  const soldOutNow = stock.filter((v) => v.available <= 0 && !sales.soldOut.includes(v.variantId));
  const backAbove = new Set(stock.filter((v) => v.available > 0).map((v) => v.variantId));
  sales.soldOut = sales.soldOut.filter((id) => !backAbove.has(id));
  if (soldOutNow.length > 0) {
    sales.soldOut.push(...soldOutNow.map((v) => v.variantId));
    events.push(emit(state, 'SOLD_OUT', ORDER_INTAKE, at, { variants: soldOutNow.map((v) => ({ variantId: v.variantId, label: known.get(v.variantId)!.label })) }));
  }

  const proposal = proposeRestock(state, stock, at);
  if (proposal) events.push(proposal);
  return events;
}

function proposeRestock(state: ProductState, stock: VariantStock[], at: string): LifecycleEvent | null {
  const sales = state.sales!;
  const rules = salesRulesOf(state);
  const produced = totalUnits(sales.produced);
  // Sell-through against what the workflow knows was produced (a restock just shipped may not be in intake's numbers yet).
  const producedBy = new Map(sales.produced.map((p) => [p.variantId, p.units]));
  const measured = sellThrough(stock.map((v) => ({ ...v, produced: producedBy.get(v.variantId) ?? 0 })));
  if (measured < rules.restockThreshold || openRestock(state)) return null;
  if (sales.restocks.some((r) => r.producedWhenProposed === produced)) return null;
  // Proposals are the workflow's own; past the cap it proposes no more (staff see the sell-out on the timeline).
  if (actionCount(state, 'restocks') >= actionLimit(state, 'restocks')) return null;
  const suggested = restockSuggestion(variantIdsOf(state), stock, rules);
  if (totalUnits(suggested) === 0) return null;
  countAction(state, 'restocks');
  const run: RestockRun = {
    number: sales.restocks.length + 1,
    status: 'PROPOSED',
    proposedAt: at,
    sellThrough: measured,
    producedWhenProposed: produced,
    suggested,
    milestones: [],
  };
  sales.restocks.push(run);
  return emit(state, 'RESTOCK_PROPOSED', ORDER_INTAKE, at, { number: run.number, sellThrough: measured, suggested });
}
