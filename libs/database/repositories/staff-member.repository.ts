// The staff_members table: the incubator's staff as people and their contact details; the only place its
// SQL lives.
import type { DataSource, EntityManager } from 'typeorm';
import { StaffMemberEntity } from '../entities/staff-member.entity';

export type NewStaffMember = Omit<StaffMemberEntity, 'createdAt' | 'updatedAt' | 'disabledAt'>;

export class StaffMemberRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Inserts and reads back the row (its timestamps are PostgreSQL's); an email taken in any case is a unique violation. */
  async insert(member: NewStaffMember): Promise<StaffMemberEntity> {
    const repo = this.db.getRepository(StaffMemberEntity);
    await repo.insert(repo.create(member));
    return repo.findOneByOrFail({ id: member.id });
  }

  findById(id: string): Promise<StaffMemberEntity | null> {
    return this.db.getRepository(StaffMemberEntity).findOneBy({ id });
  }

  /** The member with this (normalised) email, in any case. */
  findByEmail(email: string): Promise<StaffMemberEntity | null> {
    return this.db.getRepository(StaffMemberEntity).createQueryBuilder('m').where('lower(m.email) = lower(:email)', { email }).getOne();
  }

  list(): Promise<StaffMemberEntity[]> {
    return this.db.getRepository(StaffMemberEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Changes the member under a row lock, so two changes at once cannot leave a combination neither asked for
   * (the webhook channel without its URL); null when there is no such member. `change` may throw to refuse.
   */
  async changeLocked(id: string, change: (member: StaffMemberEntity) => void): Promise<StaffMemberEntity | null> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(StaffMemberEntity);
      const current = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) return null;
      change(current);
      return repo.save(current);
    });
  }
}
