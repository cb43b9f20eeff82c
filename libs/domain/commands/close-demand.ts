// Closing the demand window early (staff). Accepted while reservations are open; applying it only marks the
// window as being tallied: the workflow then counts the reservations (an activity) and applies the result (demand.ts).

import { beginDemandClose } from '../demand';
import { DomainErrorCode, refuse } from '../errors';
import type { CommandHandler } from './command';

export type CloseDemandInput = Record<never, never>;

export const closeDemandCommand: CommandHandler<CloseDemandInput> = {
  update: 'closeDemand',
  action: 'closing the demand window',
  stage: 'DEMAND',
  validate(state) {
    const status = state.demand?.status;
    if (status === 'CLOSING') refuse(DomainErrorCode.InvalidState, `the demand window of product ${state.productId} is already closing`);
    if (status !== 'OPEN') {
      refuse(
        DomainErrorCode.InvalidState,
        `the demand window of product ${state.productId} closed with ${state.demand?.lastTally?.totalUnits ?? 0} of ${state.demand?.goal.minimumUnits ?? 0} units reserved; extend it, override it or cancel the product`,
      );
    }
  },
  apply(state) {
    beginDemandClose(state);
    return [];
  },
};
