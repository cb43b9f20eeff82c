// PostgreSQL access: entities, migrations and the DataSource factory.
export * from './data-source';
export * from './entities/api-key.entity';
export * from './entities/channel.entity';
export * from './entities/delivery.entity';
export * from './entities/social-update.entity';
export * from './entities/influencer.entity';
export * from './entities/poll.entity';
export * from './entities/poll-vote-count.entity';
export * from './entities/product.entity';
export * from './entities/timeline-event.entity';
export * from './entities/vote.entity';
export * from './entities/webhook-source.entity';
export * from './errors';
export * from './ids';
