// Social updates: per-event templates (English, Simplified Chinese) with tone and overrides, platform
// limits and disclosures, social-search optimisation with a score and its reasons.
export * from './compose';
export * from './optimizer';
export * from './platforms';
export * from './templates';
export * from './template-overrides';
export * from './text';
export * from './lifecycle-updates';
export * from './card';
export * from './share-page';
export * from './share-page-demand';
export * from './plan';
export * from './funnel-export';
export * from './sponsorship';
