// Pure domain of the incubator engine: stages, lifecycle rules, errors and the Temporal contract.
export * from './stages';
export * from './errors';
export * from './model';
export * from './sales-model';
export * from './rules';
export * from './lifecycle';
export * from './contract';
export * from './platforms';
export * from './fan-identity';
export * from './shop-events';
export * from './supplier-events';
export * from './contact';
export * from './notifications';
