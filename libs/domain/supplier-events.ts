// Suppliers' side of the lifecycle: the orders a product places with registered suppliers (a sample request,
// the production run, a restock), which of them are still open, and the signed events their outbound channel
// receives when an order starts and when it is cancelled (the product's or the restock's cancellation).
// The product workflow maps timeline events to notices (supplierNoticesFor); one delivery workflow per event
// sends it, signed and guarded like social deliveries.

import type { DeliveryCounts, DeliveryOutcome, DeliveryRetry } from './contract';
import type { LifecycleEvent, ProductionRun, ProductState, SampleRequest } from './model';
import type { RestockRun, VariantUnits } from './sales-model';

export const SUPPLIER_EVENT_KINDS = [
  'sample.requested',
  'sample.cancelled',
  'production.requested',
  'production.cancelled',
  'restock.requested',
  'restock.cancelled',
] as const;
export type SupplierEventKind = (typeof SUPPLIER_EVENT_KINDS)[number];

export type SupplierOrderKind = 'sample' | 'production' | 'restock';

/** One order placed with a registered supplier; `order` names it within its product (sample-2, production, restock-1). */
export interface SupplierOrder {
  order: string;
  supplierId: string;
}

export function sampleOrder(number: number): string {
  return `sample-${number}`;
}

export const PRODUCTION_ORDER = 'production';

export function restockOrder(number: number): string {
  return `restock-${number}`;
}

/** An order placed with a supplier (registered or named only) that is still open, with the state's record of it. */
export interface OpenOrder {
  kind: SupplierOrderKind;
  order: string;
  /** When it was placed: the request, the run's start, the restock's approval. */
  placedAt: string | undefined;
  record: SampleRequest | ProductionRun | RestockRun;
}

/**
 * The orders still open: a sample request not yet received, the production run until it ships (SHIPPED moves
 * the product to LAUNCH), a restock in production. A cancellation tells the registered suppliers of these;
 * staff are warned of their due dates (deadlines.ts).
 */
export function openOrders(state: ProductState): OpenOrder[] {
  const orders: OpenOrder[] = [];
  for (const r of state.sampleRequests ?? []) if (r.status === 'OPEN') orders.push({ kind: 'sample', order: sampleOrder(r.number), placedAt: r.requestedAt, record: r });
  const run = state.production.run;
  if (run && state.stage === 'PRODUCTION') orders.push({ kind: 'production', order: PRODUCTION_ORDER, placedAt: run.startedAt, record: run });
  for (const r of state.sales?.restocks ?? []) if (r.status === 'IN_PRODUCTION') orders.push({ kind: 'restock', order: restockOrder(r.number), placedAt: r.approvedAt, record: r });
  return orders;
}

/** The open orders of registered suppliers. */
export function openSupplierOrders(state: ProductState): SupplierOrder[] {
  return openOrders(state).flatMap(({ order, record }) => (record.supplierId ? [{ order, supplierId: record.supplierId }] : []));
}

/** A variant's units with its label, as a supplier reads them. */
export interface SupplierVariantUnits extends VariantUnits {
  label: string;
}

/** What the product workflow asks to be sent to a supplier for one timeline event. */
export interface NotifySupplierInput {
  productId: string;
  /** The timeline event that decided it (the notice waits until the read model holds it). */
  seq: number;
  supplierId: string;
  kind: SupplierEventKind;
  order: string;
  /** The event's time: the message's timestamp, the same on every retry. */
  at: string;
  /** The order's particulars (quantities, due date, notes; the reason of a cancellation). */
  details: Record<string, unknown>;
}

/** The written event, and the request events of the same order that the cancellation withdrew (not yet delivered). */
export interface SupplierNotice {
  eventId: string;
  /** Events whose delivery workflows are asked to stop before the cancellation is sent. */
  withdrawn: string[];
  retry: DeliveryRetry;
}

export interface SupplierActivities {
  /** Writes the event (idempotent per product, order and kind); a cancellation also withdraws its order's undelivered request. */
  notifySupplier(input: NotifySupplierInput): Promise<SupplierNotice>;
  /**
   * As notifySupplier, and before it answers (products from the `notices-start-deliveries` patch on) asks the
   * withdrawn events' delivery workflows to stop, then starts the event's own: once per event, whichever attempt.
   */
  notifySupplierStartingDelivery(input: NotifySupplierInput): Promise<SupplierNotice>;
  /** One attempt: the signed POST to the supplier's endpoint, through the outbound guard. */
  sendSupplierEvent(input: { eventId: string; timeoutMs: number }): Promise<{ httpStatus: number | null; body: string }>;
  /** Records how the event's delivery ended. */
  recordSupplierEventOutcome(input: { eventId: string; outcome: DeliveryOutcome }): Promise<void>;
}

/** Delivers one supplier event (signed, guarded, retried like social deliveries); started by the activity that wrote the event (before the notices-start-deliveries patch, by the product workflow). */
export const SUPPLIER_EVENT_WORKFLOW_TYPE = 'supplierEventDelivery';
export type SupplierEventDeliveryWorkflow = (input: { eventId: string; retry: DeliveryRetry }) => Promise<DeliveryCounts>;

export function supplierEventWorkflowId(eventId: string): string {
  return `supplier-event-${eventId}`;
}

/** Labels the units of each variant for the supplier (a variant missing from the state is named by its id). */
function labelled(state: ProductState, units: VariantUnits[] | undefined): SupplierVariantUnits[] | undefined {
  if (!units) return undefined;
  return units.map((u) => ({ ...u, label: state.variants?.find((v) => v.id === u.variantId)?.label ?? u.variantId }));
}

/** The supplier notices a timeline event calls for (none for most); the state is the one after the event. */
export function supplierNoticesFor(state: ProductState, event: LifecycleEvent): NotifySupplierInput[] {
  const d = event.data;
  const notice = (supplierId: unknown, kind: SupplierEventKind, order: string, details: Record<string, unknown>): NotifySupplierInput[] =>
    typeof supplierId === 'string' ? [{ productId: state.productId, seq: event.seq, supplierId, kind, order, at: event.at, details: { productName: state.name, ...details } }] : [];
  if (event.type === 'SAMPLE_REQUESTED') {
    const variants = state.variants?.map((v) => ({ variantId: v.id, label: v.label })) ?? [];
    return notice(d.supplierId, 'sample.requested', sampleOrder(Number(d.number)), { notes: d.notes, dueDate: d.dueDate ?? null, variants });
  }
  if (event.type === 'PRODUCTION_STARTED') {
    return notice(d.supplierId, 'production.requested', PRODUCTION_ORDER, { quantity: d.quantity, variants: labelled(state, state.production.run?.quantities) ?? [], dueDate: d.dueDate });
  }
  if (event.type === 'RESTOCK_APPROVED') {
    const variants = labelled(state, d.quantities as VariantUnits[]) ?? [];
    return notice(d.supplierId, 'restock.requested', restockOrder(Number(d.number)), { number: d.number, quantity: d.quantity, variants, dueDate: d.dueDate });
  }
  if (event.type === 'RESTOCK_CANCELLED') return notice(d.supplierId, 'restock.cancelled', restockOrder(Number(d.number)), { number: d.number, reason: d.reason });
  if (event.type === 'CANCELLED') {
    const orders = (d.supplierOrders as SupplierOrder[] | undefined) ?? [];
    return orders.flatMap((o) => notice(o.supplierId, cancellationOf(o.order), o.order, { reason: d.reason }));
  }
  // No other event concerns a supplier.
  return [];
}

function cancellationOf(order: string): SupplierEventKind {
  if (order === PRODUCTION_ORDER) return 'production.cancelled';
  return order.startsWith('restock-') ? 'restock.cancelled' : 'sample.cancelled';
}

/** The request an order's cancellation answers. */
export function requestKindOf(kind: SupplierEventKind): SupplierEventKind {
  return kind.replace('.cancelled', '.requested') as SupplierEventKind;
}
