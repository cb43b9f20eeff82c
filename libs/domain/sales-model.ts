// What a product carries from fan demand to the consumer: its variants (size / colour, with the shop's
// SKU), the demand gate (reservations decide production), and the sales after launch (stock per variant,
// sell-outs and restock runs) until staff end the product. Plain JSON data, like model.ts.

import type { Actor, MilestoneRecord } from './model';

/** One sellable variant of a product (e.g. "M / black"); its id is what reservations and orders name. */
export interface ProductVariant {
  /** Lower-case letters, digits and dashes; unique within the product. */
  id: string;
  label: string;
  /** The shop's SKU for it, unique across products: how a shop's order line finds the variant. */
  sku?: string;
}

/** Products created without variants are sold as one. */
export const DEFAULT_VARIANTS: readonly ProductVariant[] = [{ id: 'one-size', label: 'One size' }];

/**
 * The demand gate: after the poll, fans reserve the winner; production unlocks when at least
 * `minimumUnits` are reserved by the end of the window (or staff override with a reason).
 */
export interface DemandGoal {
  minimumUnits: number;
  /** How long reservations are taken after the poll closes. */
  windowMs: number;
  /** Suggested production per variant: ceil(reserved units × (1 + safetyFactor)). */
  safetyFactor: number;
}

/** Per-product rules for the sales after launch; fixed at creation, like every rule. */
export interface SalesRules {
  /** Sell-through (net sold ÷ produced, 0–1) at which the workflow proposes a restock. */
  restockThreshold: number;
  /** A restock covers this many days of the recent sales rate (per variant). */
  restockCoverDays: number;
  /** The smallest restock batch per variant that sold anything. */
  restockMinimumUnits: number;
  /** Reservation holders' stock is held this long after the product goes on sale, then released. */
  reservationHoldMs: number;
}

/**
 * Sales rules of a product that goes on sale without its own (the API always sets them from the
 * configuration; this covers workflows started directly, e.g. by tools): the configuration's defaults.
 */
export const DEFAULT_SALES_RULES: SalesRules = { restockThreshold: 0.7, restockCoverDays: 14, restockMinimumUnits: 20, reservationHoldMs: 48 * 3_600_000 };

export interface VariantUnits {
  variantId: string;
  units: number;
}

/** Reserved units per variant when reservations were counted. */
export interface ReservationTally {
  variants: VariantUnits[];
  totalUnits: number;
  /** Number of reservations (a fan may reserve several units of a variant). */
  reservations: number;
}

export const DEMAND_STATUSES = ['OPEN', 'CLOSING', 'AWAITING_DECISION', 'MET', 'OVERRIDDEN', 'RELEASED'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

export interface DemandState {
  goal: DemandGoal;
  status: DemandStatus;
  openedAt: string;
  /** Reservations are taken until then (extensions move it). */
  closesAt: string;
  /** When reservation intake first reported the goal reached (reservations still open). */
  goalReachedAt?: string;
  lastTally?: ReservationTally & { at: string };
  /** Production per variant suggested from the reservations, once the goal was met or overridden. */
  suggested?: VariantUnits[];
  override?: { reason: string; at: string; by: Actor };
}

/** Stock of one variant as order intake knows it, reported to the workflow when something crosses a line. */
export interface VariantStock {
  variantId: string;
  produced: number;
  sold: number;
  returned: number;
  /** produced − sold + returned − stock still held for reservation holders. */
  available: number;
  /** Net units sold per day over the recent window (order intake's measure). */
  unitsPerDay: number;
}

/** Order intake's report: sent when a variant sells out or comes back, or sell-through crosses the threshold. */
export interface SalesReport {
  at: string;
  variants: VariantStock[];
}

export const RESTOCK_STATUSES = ['PROPOSED', 'IN_PRODUCTION', 'SHIPPED', 'DECLINED', 'CANCELLED'] as const;
export type RestockStatus = (typeof RESTOCK_STATUSES)[number];

/** One restock: proposed by the workflow, approved (or declined) by staff, produced with the usual milestones. */
export interface RestockRun {
  /** 1 for the first restock, and so on. */
  number: number;
  status: RestockStatus;
  proposedAt: string;
  /** Sell-through when it was proposed. */
  sellThrough: number;
  /** Total units produced when it was proposed: one proposal per stock level (a declined one is not proposed again until more stock ships). */
  producedWhenProposed: number;
  suggested: VariantUnits[];
  quantities?: VariantUnits[];
  supplier?: string;
  /** The registered supplier, told of the restock (and of its cancellation); absent for a supplier named in free text. */
  supplierId?: string;
  dueDate?: string;
  approvedAt?: string;
  approvedBy?: Actor;
  milestones: MilestoneRecord[];
  /** When it shipped, was declined or was cancelled, and why (declined / cancelled). */
  closedAt?: string;
  reason?: string;
  /** When staff were warned that its due date nears (once). */
  dueWarnedAt?: string;
}

export interface SalesState {
  onSaleAt: string;
  /** Stock is held for reservation holders until then; absent when nobody reserved. */
  holdUntil?: string;
  holdReleasedAt?: string;
  /** Units produced per variant: the first run plus every shipped restock. */
  produced: VariantUnits[];
  /** Variants currently sold out. */
  soldOut: string[];
  lastReport?: SalesReport;
  restocks: RestockRun[];
  ended?: { reason: string; at: string; by: Actor };
}

/** What the shop's outbound channel is told about reservations (one signed event per reservation). */
export const SHOP_EVENT_KINDS = ['reservation.ready', 'reservation.released', 'reservation.expired'] as const;
export type ShopEventKind = (typeof SHOP_EVENT_KINDS)[number];
