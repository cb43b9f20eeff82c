// Every workflow the worker registers; bundled by the Temporal SDK.
export { productLifecycle } from './product-lifecycle.workflow';
export { socialDelivery } from './social-delivery.workflow';
export { shopEventDelivery } from './shop-event-delivery.workflow';
export { supplierEventDelivery } from './supplier-event-delivery.workflow';
export { notificationDelivery } from './notification-delivery.workflow';
export { notificationDigest } from './notification-digest.workflow';
