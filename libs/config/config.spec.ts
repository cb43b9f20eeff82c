import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs on embedded defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c.database.url).toBeUndefined();
    expect(c.temporal.address).toBeUndefined();
    expect(c.api).toMatchObject({ host: '127.0.0.1', port: 3000 });
    expect(c.lifecycle).toMatchObject({ designRoundLimit: 3, reviewReminderAfterMs: 48 * 3_600_000, launchCountdownsMs: [86_400_000, 3_600_000] });
  });

  it('reads the caps on repeatable actions (defaults 20, 10, 5), fixed into the products\' rules', () => {
    expect(loadConfig({}).lifecycle.actionLimits).toEqual({ launchReschedules: 20, pollExtensions: 10, announcementReapprovals: 5, demandExtensions: 10, restocks: 50, pollRevisions: 20 });
    const c = loadConfig({ LAUNCH_RESCHEDULE_LIMIT: '5000', POLL_EXTENSION_LIMIT: '0', ANNOUNCEMENT_REAPPROVAL_LIMIT: '2', DEMAND_EXTENSION_LIMIT: '3', RESTOCK_LIMIT: '7', POLL_REVISION_LIMIT: '4' });
    expect(c.lifecycle.actionLimits).toEqual({ launchReschedules: 5000, pollExtensions: 0, announcementReapprovals: 2, demandExtensions: 3, restocks: 7, pollRevisions: 4 });
    expect(() => loadConfig({ LAUNCH_RESCHEDULE_LIMIT: '-1' })).toThrow(/LAUNCH_RESCHEDULE_LIMIT/);
    expect(() => loadConfig({ POLL_EXTENSION_LIMIT: 'many' })).toThrow(/POLL_EXTENSION_LIMIT/);
    expect(loadConfig({}).lifecycle.runEventLimit).toBe(10_000);
    expect(() => loadConfig({ WORKFLOW_RUN_EVENT_LIMIT: '50000' })).toThrow(/WORKFLOW_RUN_EVENT_LIMIT/);
  });

  it('reads the sales rules and the demand safety factor (defaults 0.7, 14 days, 20 units, 48 h, 0.2)', () => {
    const c = loadConfig({});
    expect(c.lifecycle.sales).toEqual({ restockThreshold: 0.7, restockCoverDays: 14, restockMinimumUnits: 20, reservationHoldMs: 48 * 3_600_000 });
    expect(c.demandSafetyFactor).toBe(0.2);
    expect(loadConfig({ RESTOCK_THRESHOLD: '0.5', RESERVATION_HOLD: '2h' }).lifecycle.sales).toMatchObject({ restockThreshold: 0.5, reservationHoldMs: 7_200_000 });
    expect(() => loadConfig({ RESTOCK_THRESHOLD: '2' })).toThrow(/RESTOCK_THRESHOLD/);
  });

  it('treats an empty variable as not set', () => {
    expect(loadConfig({ DATABASE_URL: '', TEMPORAL_ADDRESS: '' }).database.url).toBeUndefined();
  });

  it('reads durations in human units', () => {
    const c = loadConfig({ REVIEW_REMINDER_AFTER: '90m', LAUNCH_COUNTDOWNS: '2 days, 30s', API_KEY_CACHE_TTL: '0ms' });
    expect(c.lifecycle.reviewReminderAfterMs).toBe(90 * 60_000);
    expect(c.lifecycle.launchCountdownsMs).toEqual([2 * 86_400_000, 30_000]);
    expect(c.api.keyCacheTtlMs).toBe(0);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ API_PORT: 'http', REVIEW_REMINDER_AFTER: 'soon', DESIGN_ROUND_LIMIT: '0' })).toThrow(ConfigError);
    try {
      loadConfig({ API_PORT: 'http', REVIEW_REMINDER_AFTER: 'soon', DESIGN_ROUND_LIMIT: '0' });
    } catch (err) {
      expect((err as Error).message).toMatch(/API_PORT/);
      expect((err as Error).message).toMatch(/REVIEW_REMINDER_AFTER must be a duration/);
      expect((err as Error).message).toMatch(/DESIGN_ROUND_LIMIT/);
    }
  });

  it('reads extra settings for the embedded PostgreSQL, refusing what is not name=value', () => {
    expect(loadConfig({}).database.embeddedSettings).toEqual([]);
    expect(loadConfig({ EMBEDDED_PG_SETTINGS: 'shared_preload_libraries=pg_stat_statements, work_mem=16MB' }).database.embeddedSettings).toEqual([
      'shared_preload_libraries=pg_stat_statements',
      'work_mem=16MB',
    ]);
    expect(() => loadConfig({ EMBEDDED_PG_SETTINGS: 'work_mem' })).toThrow(/EMBEDDED_PG_SETTINGS.*"work_mem" is not name=value/);
    expect(() => loadConfig({ EMBEDDED_PG_SETTINGS: 'fsync=off; DROP' })).toThrow(/is not name=value/);
  });

  it('reads the vote intake settings, milestones sorted and without repeats', () => {
    const c = loadConfig({ VOTE_MILESTONES: '1000, 100,1000', WEBHOOK_SECRET_GRACE: '1h', API_PROCESSES: '2' });
    expect(c.votes.milestones).toEqual([100, 1000]);
    expect(c.votes.secretGraceMs).toBe(3_600_000);
    expect(c.api.processes).toBe(2);
    expect(loadConfig({}).votes).toMatchObject({ milestones: [100, 1000, 10000, 100000, 1000000], flushConcurrency: 1, defaultRateLimitPerSecond: 1000 });
    expect(() => loadConfig({ VOTE_MILESTONES: '100,lots' })).toThrow(/VOTE_MILESTONES must be a comma-separated list of positive whole numbers/);
    expect(() => loadConfig({ API_PROCESSES: '0' })).toThrow(/API_PROCESSES/);
  });

  it('reads social delivery settings and platform limit overrides, refusing bad ones', () => {
    const c = loadConfig({ SOCIAL_PLATFORM_LIMITS: '{"x":{"bodyMax":280}}', DELIVERY_MAX_ATTEMPTS: '3', DELIVERY_RETRY_INITIAL: '2s', LAUNCH_APPROVAL_LEAD: '6h' });
    expect(c.social.platformLimits.x.bodyMax).toBe(280);
    expect(c.social.platformLimits.weibo.bodyMax).toBe(2000);
    expect(c.social.delivery).toMatchObject({ maxAttempts: 3, retryInitialMs: 2_000, retryMaxIntervalMs: 600_000, timeoutMs: 10_000 });
    expect(c.lifecycle.launchApprovalLeadMs).toBe(6 * 3_600_000);
    expect(() => loadConfig({ SOCIAL_PLATFORM_LIMITS: '{x' })).toThrow(/SOCIAL_PLATFORM_LIMITS is not valid JSON/);
    expect(() => loadConfig({ SOCIAL_PLATFORM_LIMITS: '{"myspace":{}}' })).toThrow(/unknown platform "myspace"/);
    expect(() => loadConfig({ SOCIAL_PLATFORM_LIMITS: '{"x":{"bodyMax":5}}' })).toThrow(/x.bodyMax must be at least 20/);
    expect(() => loadConfig({ DELIVERY_MAX_ATTEMPTS: '0' })).toThrow(/DELIVERY_MAX_ATTEMPTS/);
  });

  it('reads the networks channels may reach beyond public addresses: none by default, bad entries refused', () => {
    expect(loadConfig({}).outbound.allowedNetworks).toEqual([]);
    expect(loadConfig({ OUTBOUND_ALLOWED_NETWORKS: '127.0.0.0/8, ::1, 10.1.0.0/16' }).outbound.allowedNetworks).toEqual([
      { address: '127.0.0.0', prefix: 8, family: 4 },
      { address: '::1', prefix: 128, family: 6 },
      { address: '10.1.0.0', prefix: 16, family: 4 },
    ]);
    expect(() => loadConfig({ OUTBOUND_ALLOWED_NETWORKS: 'intranet.local' })).toThrow(/OUTBOUND_ALLOWED_NETWORKS: "intranet.local" is not an IP address or a CIDR network/);
    expect(() => loadConfig({ OUTBOUND_ALLOWED_NETWORKS: '10.0.0.0/33' })).toThrow(/prefix length outside 0–32/);
    expect(() => loadConfig({ OUTBOUND_ALLOWED_NETWORKS: 'fd00::/x' })).toThrow(/prefix length outside 0–128/);
  });
});
