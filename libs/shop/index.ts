// Shop order intake's pure parts: Shopify's webhooks mapped onto the engine's orders, prices in minor
// units, reservation codes, and when stock is reported to the product's workflow.
export * from './money';
export * from './reservation-code';
export * from './shopify';
export * from './stock';
