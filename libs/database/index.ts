// PostgreSQL access: entities, migrations, the DataSource factory and one repository per table or aggregate
// (the only place their SQL lives).
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
export * from './health';
export * from './repositories/api-key.repository';
export * from './repositories/channel.repository';
export * from './repositories/delivery.repository';
export * from './repositories/influencer.repository';
export * from './repositories/poll-vote-count.repository';
export * from './repositories/poll.repository';
export * from './repositories/product.repository';
export * from './repositories/social-update.repository';
export * from './repositories/timeline-event.repository';
export * from './repositories/vote.repository';
export * from './repositories/webhook-source.repository';
