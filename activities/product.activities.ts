// Side effects of the product workflow: the PostgreSQL read model (products, polls, timeline) and the
// poll tally. Built by a factory so the worker wires the DataSource once and tests can call them directly.

import { ProductRepository, VoteRepository } from '@app/database';
import { productWorkflowId, type OptionCount, type ProductActivities, type RecordEventsInput, type TallyInput } from '@app/domain';
import type { DataSource } from 'typeorm';

export interface ProductActivityDeps {
  dataSource: DataSource;
}

export function createProductActivities({ dataSource }: ProductActivityDeps): ProductActivities {
  const products = new ProductRepository(dataSource);
  const votes = new VoteRepository(dataSource);
  return {
    async recordEvents(input: RecordEventsInput): Promise<void> {
      await products.recordEvents(input, productWorkflowId(input.productId));
    },

    tallyPoll({ productId, closeIntakeAtSeq }: TallyInput): Promise<OptionCount[]> {
      return votes.tally(productId, closeIntakeAtSeq);
    },
  };
}
