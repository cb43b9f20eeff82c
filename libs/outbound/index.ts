// Outbound requests to URLs that influencers send in (webhook channels): address classes, the guard that
// refuses the engine's own network, the pinned POST, and the redaction of URLs that carry tokens.
export * from './address-class';
export * from './networks';
export * from './guard';
export * from './post';
export * from './redact';
