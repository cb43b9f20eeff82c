// Every activity factory the worker registers.
export * from './product.activities';
export * from './social.activities';
export * from './sales.activities';
export * from './shop-events.activities';
export * from './supplier-events.activities';
export * from './notification.activities';
export * from './delivery-starts';
