// Units per variant that staff give a production run or a restock: every variant of the product once,
// whole units ≥ 0, at least one unit in all.

import { variantIdsOf } from '../demand';
import { DomainErrorCode, refuse } from '../errors';
import type { ProductState } from '../model';
import type { VariantUnits } from '../sales-model';

export function validateQuantities(state: ProductState, quantities: readonly VariantUnits[]): void {
  const ids = variantIdsOf(state);
  const seen = new Set<string>();
  for (const q of quantities) {
    if (!ids.includes(q.variantId)) {
      refuse(DomainErrorCode.InvalidValue, `product ${state.productId} has no variant "${q.variantId}" (its variants: ${ids.join(', ')})`);
    }
    if (seen.has(q.variantId)) refuse(DomainErrorCode.InvalidValue, `variant "${q.variantId}" is listed twice in quantities`);
    seen.add(q.variantId);
    if (!Number.isInteger(q.units) || q.units < 0) refuse(DomainErrorCode.InvalidValue, `units of variant "${q.variantId}" must be a whole number ≥ 0`);
  }
  const missing = ids.filter((id) => !seen.has(id));
  if (missing.length > 0) refuse(DomainErrorCode.InvalidValue, `quantities must list every variant of the product; missing: ${missing.join(', ')}`);
  if (quantities.reduce((sum, q) => sum + q.units, 0) < 1) refuse(DomainErrorCode.InvalidValue, 'quantities must add up to at least 1 unit');
}

/** The quantities in the product's variant order (validated input may list them in any order). */
export function inVariantOrder(state: ProductState, quantities: readonly VariantUnits[]): VariantUnits[] {
  const units = new Map(quantities.map((q) => [q.variantId, q.units]));
  return variantIdsOf(state).map((variantId) => ({ variantId, units: units.get(variantId) ?? 0 }));
}
