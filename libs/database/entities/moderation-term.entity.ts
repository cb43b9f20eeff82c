// A term the incubator refuses in what fans see (poll questions and options), beside the word lists the
// screen ships with: a competitor's name, a banned product, a nickname. Compared normalised, unique so.
import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { Actor } from '../../domain';

@Entity({ name: 'moderation_terms' })
@Unique('moderation_terms_normalised_key', ['normalised'])
export class ModerationTermEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  /** As staff typed it. */
  @Column({ type: 'varchar', length: 100 })
  term!: string;

  /** As the screen compares it (libs/moderation normaliseTerm): width, case and spacing folded. */
  @Column({ type: 'varchar', length: 100 })
  normalised!: string;

  /** Why it is refused, for the next member of staff. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ name: 'created_by', type: 'jsonb' })
  createdBy!: Actor;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
