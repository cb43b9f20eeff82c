// The AAD a shop's outbound signing secret is sealed with (SecretBox): shop registration seals it, the
// shop-events delivery opens it; a secret copied to another shop's row does not open.

export function shopOutboundSecretContext(shopId: string): string {
  return `shop-outbound:${shopId}`;
}
