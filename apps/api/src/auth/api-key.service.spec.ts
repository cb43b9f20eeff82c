// ApiKeyService over a counting repository: made-up keys, unknown prefixes or wrong secrets for a known
// one, cost at most one database query per API_KEY_CACHE_TTL; a key issued by another process works after it;
// a staff member's key is refused while she is disabled, at once on the process that disabled her.
import { loadConfig } from '@app/config';
import { ApiKeyRepository, InfluencerRepository, StaffMemberRepository, type ApiKeyEntity, type StaffMemberEntity } from '@app/database';
import type { DataSource } from 'typeorm';
import { generateApiKey } from './api-key-format';
import { ApiKeyService } from './api-key.service';

/** The api_keys table in memory, counting the queries the service makes. */
class CountingKeys extends ApiKeyRepository {
  readonly rows: ApiKeyEntity[] = [];
  queries = 0;

  constructor() {
    // Never reached: every method the service calls is overridden below.
    super({} as DataSource);
  }

  override async listPrefixes(): Promise<string[]> {
    this.queries += 1;
    return this.rows.map((r) => r.prefix);
  }

  override async findByPrefix(prefix: string): Promise<ApiKeyEntity | null> {
    this.queries += 1;
    return this.rows.find((r) => r.prefix === prefix) ?? null;
  }

  /** A key issued by another API process: in the table, unknown to this process' service. */
  issueElsewhere(staffMember?: StaffMemberEntity): string {
    const { key, prefix, secretHash } = generateApiKey();
    this.rows.push({
      id: `k-${this.rows.length}`,
      prefix,
      secretHash,
      role: 'staff',
      influencerId: null,
      staffMemberId: staffMember?.id ?? null,
      staffMember,
      label: 'elsewhere',
      revokedAt: null,
      createdAt: new Date(),
    });
    return key;
  }
}

const TTL_MS = 10_000;

describe('ApiKeyService.verify', () => {
  let keys: CountingKeys;
  let service: ApiKeyService;

  beforeEach(() => {
    jest.useFakeTimers({ now: Date.parse('2030-01-01T00:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    keys = new CountingKeys();
    service = new ApiKeyService(keys, new InfluencerRepository({} as DataSource), new StaffMemberRepository({} as DataSource), loadConfig({ API_KEY_CACHE_TTL: `${TTL_MS}ms` }));
  });
  afterEach(() => jest.useRealTimers());

  it('answers N requests with the same unknown prefix with one query per TTL', async () => {
    const garbage = generateApiKey().key;
    for (let i = 0; i < 500; i++) expect(await service.verify(garbage)).toBeNull();
    expect(keys.queries).toBe(1);
    jest.advanceTimersByTime(TTL_MS);
    for (let i = 0; i < 500; i++) expect(await service.verify(garbage)).toBeNull();
    expect(keys.queries).toBe(2);
  });

  it('answers a flood of different made-up keys with one query per TTL', async () => {
    for (let i = 0; i < 500; i++) expect(await service.verify(generateApiKey().key)).toBeNull();
    expect(keys.queries).toBe(1);
  });

  it('refuses wrong secrets for a real prefix with one look-up of the row per TTL', async () => {
    const real = keys.issueElsewhere();
    const prefix = real.slice(4, 16);
    for (let i = 0; i < 200; i++) expect(await service.verify(`ibk_${prefix}_${generateApiKey().key.slice(-43)}`)).toBeNull();
    // One load of the prefixes, one look-up of the row.
    expect(keys.queries).toBe(2);
    expect(await service.verify(real)).toMatchObject({ role: 'staff', label: 'elsewhere' });
    expect(keys.queries).toBe(2);
  });

  it('accepts a key issued by another process once the TTL after a miss has passed', async () => {
    expect(await service.verify(generateApiKey().key)).toBeNull();
    const issued = keys.issueElsewhere();
    expect(await service.verify(issued)).toBeNull();
    jest.advanceTimersByTime(TTL_MS);
    expect(await service.verify(issued)).toMatchObject({ role: 'staff' });
  });

  it('refuses a disabled staff member\'s key once the service forgets her cached keys, and accepts it again when she is enabled', async () => {
    const anna = { id: 'stf-anna', disabledAt: null } as StaffMemberEntity;
    const annasKey = keys.issueElsewhere(anna);
    const othersKey = keys.issueElsewhere();
    expect(await service.verify(annasKey)).toMatchObject({ role: 'staff', staffMemberId: 'stf-anna' });
    expect(await service.verify(othersKey)).toMatchObject({ role: 'staff', staffMemberId: null });
    const queries = keys.queries;

    anna.disabledAt = new Date();
    service.forgetStaffMember('stf-anna');
    expect(await service.verify(annasKey)).toBeNull();
    // Only her key was looked up again; the other key is still answered from the cache.
    expect(await service.verify(othersKey)).toMatchObject({ role: 'staff' });
    expect(keys.queries).toBe(queries + 1);

    anna.disabledAt = null;
    service.forgetStaffMember('stf-anna');
    expect(await service.verify(annasKey)).toMatchObject({ staffMemberId: 'stf-anna' });
  });
});
