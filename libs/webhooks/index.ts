// Webhook secrets (generation, encryption at rest) and Standard Webhooks signature verification.
export * from './secret-box';
export * from './signature';
export * from './rotation';
export * from './shop-secret-context';
export * from './contact-secret-context';
export * from './access-tokens';
