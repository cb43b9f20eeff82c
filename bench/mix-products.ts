// The products the votes benchmark's reservations/orders mix sends to, put in their stages through the real
// lifecycle over HTTP (no read model written by hand): one created with variants and a demand goal whose poll
// is closed (→ DEMAND with a real reservation window), and one driven through design, sampling and
// production (with more units per variant than any run sells) to a launch, then waited for until ON_SALE.
import { ok, type Api } from '../test/support/api-client';
import type { ProductDto } from '../test/support/api-types';
import { variantsWithSkus } from '../test/support/intake';
import { advanceTo, createProduct, PRODUCTION_MILESTONES, type Cast } from '../test/support/product-flow';
import { eventually } from '../test/support/wait';

export const MIX_VARIANTS = ['s', 'm', 'l'];
/** Units made of each variant: far more than a run can sell, so no sell-out or restock report interferes. */
const UNITS_PER_VARIANT = 3_000_000;

/** A product in DEMAND whose goal the run never reaches (the window stays open for its whole duration). */
export async function productInDemand(api: Api, cast: Cast): Promise<string> {
  const id = await createProduct(api, cast.influencerId, {
    name: 'Reserved dress',
    targetKeyword: 'reserved dress',
    variants: variantsWithSkus(MIX_VARIANTS),
    demandGoal: { minimumUnits: 1_000_000, windowHours: 2 },
  });
  const closed = await ok(api.http<ProductDto>('POST', `/products/${id}/poll/close`, { body: {} }), 200);
  if (closed.stage !== 'DEMAND') throw new Error(`product ${id} is in ${closed.stage} after its poll closed, not DEMAND`);
  return id;
}

/** A product ON_SALE through the shop, with UNITS_PER_VARIANT made of each variant. */
export async function productOnSale(api: Api, cast: Cast, shopId: string): Promise<string> {
  const id = await createProduct(api, cast.influencerId, { name: 'Selling dress', targetKeyword: 'selling dress', variants: variantsWithSkus(MIX_VARIANTS), shopId });
  await advanceTo(api, cast, id, 'PRODUCTION');
  const act = (path: string, body: unknown) => ok(api.http('POST', `/products/${id}${path}`, { body }), 200);
  await act('/production', {
    supplier: 'Mill',
    dueDate: new Date(Date.now() + 86_400_000).toISOString(),
    quantities: MIX_VARIANTS.map((variantId) => ({ variantId, units: UNITS_PER_VARIANT })),
  });
  for (const milestone of PRODUCTION_MILESTONES) await act('/production/milestones', { milestone });
  await act('/launch', { launchAt: new Date(Date.now() + 1_000).toISOString() });
  await eventually(
    `product ${id} ON_SALE`,
    async () => (await ok(api.http<ProductDto>('GET', `/products/${id}`), 200)).stage === 'ON_SALE',
    60_000,
  );
  return id;
}
