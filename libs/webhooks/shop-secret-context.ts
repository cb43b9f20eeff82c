// The AADs a shop's and a supplier's secrets are sealed with (SecretBox): shop registration seals both, order intake opens
// the inbound one and the shop-events delivery the outbound one. A secret copied to another shop's row, or
// to the other column, does not open.

export function shopSecretContext(shopId: string, direction: 'inbound' | 'outbound'): string {
  return `shop:${shopId}:${direction}`;
}

export function shopOutboundSecretContext(shopId: string): string {
  return shopSecretContext(shopId, 'outbound');
}

/** A supplier's outbound secret: sealed at registration, opened by the supplier-event delivery. */
export function supplierSecretContext(supplierId: string): string {
  return `supplier:${supplierId}:outbound`;
}
