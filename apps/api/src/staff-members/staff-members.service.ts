// Staff members: the incubator's staff as people with contact details (unique email, preferred channel, a
// guarded webhook whose secret is sealed and shown once, language, time zone). Disabling one refuses her API
// keys (the key service forgets what it cached about them) without revoking them; enabling her restores them.
import { Injectable, Logger } from '@nestjs/common';
import { isEntityId, isUniqueViolation, newId, StaffMemberRepository, type NewStaffMember, type StaffMemberEntity } from '@app/database';
import { defaultContact, DomainError, DomainErrorCode } from '@app/domain';
import { staffMemberWebhookSecretContext } from '@app/webhooks';
import { ApiKeyService } from '../auth/api-key.service';
import { contactDto, ContactWebhooks, givenFields } from '../contacts/contact-webhooks';
import type { CreateStaffMemberDto, IssuedStaffMemberDto, StaffMemberDto, UpdateStaffMemberDto } from './dto/staff-member.dto';

@Injectable()
export class StaffMembersService {
  private readonly logger = new Logger('StaffMembers');

  constructor(
    private readonly members: StaffMemberRepository,
    private readonly contacts: ContactWebhooks,
    private readonly keys: ApiKeyService,
  ) {}

  async create(dto: CreateStaffMemberDto): Promise<IssuedStaffMemberDto> {
    const { name, ...change } = dto;
    await this.contacts.checkUrl(change);
    const id = newId('stf');
    const row: NewStaffMember = { id, name, ...defaultContact(dto.email), email: dto.email, webhookSecretSealed: null };
    const webhookSecret = this.contacts.apply(row, change, { emailRequired: true, secretContext: staffMemberWebhookSecretContext(id) });
    const entity = await this.unique(dto.email, () => this.members.insert(row));
    this.logger.log({ staffMemberId: id, preferredChannel: entity.preferredChannel }, 'staff member added');
    return { ...staffMemberDto(entity), ...(webhookSecret ? { webhookSecret } : {}) };
  }

  async list(): Promise<StaffMemberDto[]> {
    return (await this.members.list()).map(staffMemberDto);
  }

  async get(id: string): Promise<StaffMemberDto> {
    return staffMemberDto(await this.find(id));
  }

  async update(id: string, dto: UpdateStaffMemberDto): Promise<IssuedStaffMemberDto> {
    const { name, ...change } = dto;
    await this.contacts.checkUrl(change);
    let webhookSecret: string | undefined;
    const entity = isEntityId(id)
      ? await this.unique(change.email, () =>
          this.members.changeLocked(id, (member) => {
            webhookSecret = this.contacts.apply(member, change, { emailRequired: true, secretContext: staffMemberWebhookSecretContext(id) });
            if (name !== undefined) member.name = name;
          }),
        )
      : null;
    if (!entity) throw noSuchMember(id);
    this.logger.log({ staffMemberId: id, fields: givenFields(dto) }, 'staff member changed');
    return { ...staffMemberDto(entity), ...(webhookSecret ? { webhookSecret } : {}) };
  }

  /** Refuses her API keys from the next request on (on other API processes within API_KEY_CACHE_TTL); nothing is revoked. */
  async disable(id: string): Promise<StaffMemberDto> {
    return this.setDisabled(id, true);
  }

  /** Her keys (those not revoked) work again. */
  async enable(id: string): Promise<StaffMemberDto> {
    return this.setDisabled(id, false);
  }

  private async setDisabled(id: string, disabled: boolean): Promise<StaffMemberDto> {
    const entity = isEntityId(id)
      ? await this.members.changeLocked(id, (member) => {
          if (disabled && !member.disabledAt) member.disabledAt = new Date();
          if (!disabled) member.disabledAt = null;
        })
      : null;
    if (!entity) throw noSuchMember(id);
    this.keys.forgetStaffMember(id);
    this.logger.log({ staffMemberId: id }, disabled ? 'staff member disabled' : 'staff member enabled');
    return staffMemberDto(entity);
  }

  private async find(id: string): Promise<StaffMemberEntity> {
    const entity = isEntityId(id) ? await this.members.findById(id) : null;
    if (!entity) throw noSuchMember(id);
    return entity;
  }

  /** Runs a write that may store an email; another member's email (in any case) is a 409. */
  private async unique<T>(email: string | null | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (isUniqueViolation(err) && email) throw new DomainError(DomainErrorCode.AlreadyExists, `a staff member with email ${email} already exists`);
      throw err;
    }
  }
}

function noSuchMember(id: string): DomainError {
  return new DomainError(DomainErrorCode.NotFound, `staff member ${id} does not exist`);
}

function staffMemberDto(m: StaffMemberEntity): StaffMemberDto {
  return {
    id: m.id,
    name: m.name,
    ...contactDto(m),
    email: m.email,
    status: m.disabledAt ? 'disabled' : 'active',
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    disabledAt: m.disabledAt ? m.disabledAt.toISOString() : null,
  };
}
