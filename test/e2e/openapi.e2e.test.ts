// The OpenAPI document is the contract every client is generated from, so it must be exactly right:
// Redocly's recommended lint passes (three warnings accepted below, each with its reason); the typed client
// in libs/api-client/openapi.ts is what the served document generates (`npm run api-client` writes it);
// and a product goes from poll to ENDED, and staff members and contact details are managed, through that
// generated client alone.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import Ajv from 'ajv';
import { createEngineClient } from '../../libs/api-client';
import { PRODUCTION_MILESTONES } from '../support/product-flow';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';
import { expectOk, inFuture } from './e2e-helpers';

jest.setTimeout(120_000);

const CLIENT_TYPES = path.join(__dirname, '../../libs/api-client/openapi.ts');
const HEADER = '// Generated from the engine\'s OpenAPI document by `npm run api-client` (openapi-typescript). Do not edit.\n\n';

interface Problem {
  ruleId: string;
  severity: 'error' | 'warn';
  pointer: string;
  message: string;
}

/** Warnings of the recommended rules that the engine's document keeps on purpose. */
const ACCEPTED: (Pick<Problem, 'ruleId' | 'pointer'> & { reason: string })[] = [
  { ruleId: 'info-license-strict', pointer: '#/info/license/url', reason: 'the engine is proprietary (UNLICENSED): there is no licence text to link to' },
  { ruleId: 'operation-4xx-response', pointer: '#/paths/~1health/get/responses', reason: 'the health check takes no input and no key: it answers 200 or 503, never a 4xx' },
  { ruleId: 'operation-2xx-response', pointer: '#/paths/~1r~1{code}/get/responses', reason: 'a tracked link is a redirect (302) to the share page, never a 2xx' },
];

describe('the OpenAPI document and the client generated from it', () => {
  let t: TestEngine;
  let document: Record<string, unknown>;
  /** The served document, written once for test/support/openapi-tools.mjs. */
  let dir: string;
  let documentFile: string;

  beforeAll(async () => {
    t = await startTestEngine();
    document = expectOk(await t.http<Record<string, unknown>>('GET', '/docs/openapi.json', { key: null }));
    dir = await mkdtemp(path.join(tmpdir(), 'openapi-'));
    documentFile = path.join(dir, 'openapi.json');
    await writeFile(documentFile, JSON.stringify(document));
  });

  afterAll(async () => {
    await t?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Runs test/support/openapi-tools.mjs on the served document. */
  async function tool(command: 'lint' | 'types'): Promise<string> {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(__dirname, '../support/openapi-tools.mjs'), command, documentFile], { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  }

  it('passes Redocly\'s recommended lint: no errors, and only the warnings accepted with a reason', async () => {
    const problems = JSON.parse(await tool('lint')) as Problem[];
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const warnings = problems.map(({ ruleId, pointer }) => ({ ruleId, pointer }));
    expect(warnings).toEqual(ACCEPTED.map(({ ruleId, pointer }) => ({ ruleId, pointer })));
  });

  it('declares every path parameter, and an API key or a session cookie on every route that is not public', () => {
    const paths = document.paths as Record<string, Record<string, { parameters?: { name: string; in: string }[]; security?: unknown[] }>>;
    // Either an API key or the browser session's cookie (alternatives).
    expect(document.security).toEqual([{ bearer: [] }, { cookieAuth: [] }]);
    expect((document.components as { securitySchemes: Record<string, unknown> }).securitySchemes.cookieAuth).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'ie_session' });
    for (const [route, operations] of Object.entries(paths)) {
      const templated = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(operations)) {
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort();
        expect({ route, method, declared }).toEqual({ route, method, declared: templated });
      }
    }
    // Product routes need a key; a signed webhook and a share page do not.
    expect(paths['/products/{id}'].get.security).toEqual([{ bearer: [] }, { cookieAuth: [] }]);
    // Signing in is public; the session's own routes take only its cookie.
    expect(paths['/auth/sessions'].post.security).toEqual([{}]);
    expect(paths['/auth/session'].get.security).toEqual([{ cookieAuth: [] }]);
    expect(paths['/webhooks/votes/{sourceId}'].post.security).toEqual([{}]);
    expect(paths['/s/{slug}'].get.security).toEqual([{}]);
  });

  it('generates the checked-in client types (npm run api-client writes them)', async () => {
    const generated = HEADER + (await tool('types'));
    if (process.env.API_CLIENT_WRITE === '1') await writeFile(CLIENT_TYPES, generated);
    const checkedIn = await readFile(CLIENT_TYPES, 'utf8').catch(() => '');
    if (checkedIn !== generated) throw new Error('libs/api-client/openapi.ts differs from what the engine\'s OpenAPI document generates: run `npm run api-client` and commit the result');
  });

  it('drives a product from its poll to ENDED through the generated client, and every answer is what the document says', async () => {
    const conforms = conformance(document);
    const staff = createEngineClient(t.engine.apiUrl, t.staffKey);
    const influencer = await must(staff.POST('/influencers', { body: { handle: 'ava', displayName: 'Ava' } }));
    const key = await must(staff.POST('/api-keys', { body: { role: 'influencer', influencerId: influencer.id, label: 'Ava\'s phone' } }));
    const ava = createEngineClient(t.engine.apiUrl, key.key);

    const created = await must(
      staff.POST('/products', {
        body: {
          name: 'Linen shirt',
          influencerId: influencer.id,
          targetKeyword: 'linen shirt',
          poll: { question: 'Which collar?', options: [{ id: 'camp', label: 'Camp collar' }, { id: 'band', label: 'Band collar' }], durationMinutes: 60, minVotes: 0 },
        },
      }),
    );
    expect(created.stage).toBe('POLL');
    conforms('/products', 'post', created, '201');
    const id = { params: { path: { id: created.id } } };

    // The influencer cannot close the poll: the refusal comes back typed, with the API's own message.
    const refused = await ava.POST('/products/{id}/poll/close', id);
    expect(refused.response.status).toBe(403);
    expect(refused.data).toBeUndefined();
    expect((refused.error as { message?: unknown }).message).toEqual(expect.stringMatching(/staff/));

    // The poll waits for Ava's approval of its options (the default), then opens.
    expect(created.poll.status).toBe('DRAFT');
    const approved = await must(ava.POST('/products/{id}/poll/approve', id));
    expect(approved.poll.status).toBe('OPEN');
    conforms('/products/{id}/poll/approve', 'post', approved);
    expect((await must(staff.POST('/products/{id}/poll/close', id))).stage).toBe('DESIGN');
    await must(staff.POST('/products/{id}/designs', { ...id, body: { title: 'v1', description: 'Camp collar, boxy fit' } }));
    const round = (n: number) => ({ params: { path: { id: created.id, round: n } } });
    expect((await must(ava.POST('/products/{id}/designs/{round}/review', { ...round(1), body: { decision: 'APPROVE' } }))).stage).toBe('SAMPLING');
    await must(staff.POST('/products/{id}/samples', { ...id, body: { supplier: 'Hangzhou Linen Co', notes: 'Good drape' } }));
    expect((await must(ava.POST('/products/{id}/samples/{round}/review', { ...round(1), body: { decision: 'APPROVE' } }))).stage).toBe('PRODUCTION');
    await must(staff.POST('/products/{id}/production', { ...id, body: { quantity: 30, supplier: 'Hangzhou Linen Co', dueDate: inFuture(30 * 86_400_000) } }));
    for (const milestone of PRODUCTION_MILESTONES) await must(staff.POST('/products/{id}/production/milestones', { ...id, body: { milestone } }));
    const scheduled = await must(staff.POST('/products/{id}/launch', { ...id, body: { launchAt: inFuture(1_500) } }));
    expect(scheduled.pendingAction).toMatchObject({ by: 'influencer', action: 'APPROVE_LAUNCH_ANNOUNCEMENT' });
    conforms('/products/{id}/launch', 'post', scheduled);
    await must(ava.POST('/products/{id}/launch-announcement/approve', { ...id, body: {} }));

    await eventually('the product on sale', async () => (await must(staff.GET('/products/{id}', id))).stage === 'ON_SALE', 30_000);
    conforms('/products/{id}', 'get', await must(staff.GET('/products/{id}', id)));
    const ended = await must(staff.POST('/products/{id}/end', { ...id, body: { reason: 'season over' } }));
    expect(ended.stage).toBe('ENDED');
    conforms('/products/{id}/end', 'post', ended);
    const timeline = await must(staff.GET('/products/{id}/timeline', id));
    expect(timeline.events.length).toBeGreaterThan(10);
    conforms('/products/{id}/timeline', 'get', timeline);
    // The reads around it, as the pages will call them.
    conforms('/products', 'get', await must(staff.GET('/products', {})));
    conforms('/products/{id}/poll/results', 'get', await must(createEngineClient(t.engine.apiUrl).GET('/products/{id}/poll/results', id)));
    conforms('/products/{id}/social-updates', 'get', await must(staff.GET('/products/{id}/social-updates', id)));
    conforms('/products/{id}/deliveries', 'get', await must(staff.GET('/products/{id}/deliveries', id)));
    conforms('/products/{id}/funnel', 'get', await must(staff.GET('/products/{id}/funnel', id)));
    conforms('/influencers', 'get', await must(staff.GET('/influencers', {})));
    conforms('/api-keys', 'get', await must(staff.GET('/api-keys', {})));
  });

  it('manages staff members and contact details through the generated client, and every answer is what the document says', async () => {
    const conforms = conformance(document);
    const staff = createEngineClient(t.engine.apiUrl, t.staffKey);
    const member = await must(staff.POST('/staff-members', { body: { name: 'Ana', email: 'Ana@Studio.example', timeZone: 'asia/shanghai' } }));
    expect(member).toMatchObject({ email: 'ana@studio.example', timeZone: 'Asia/Shanghai' });
    conforms('/staff-members', 'post', member, '201');
    const id = { params: { path: { id: member.id } } };
    conforms('/staff-members/{id}', 'patch', await must(staff.PATCH('/staff-members/{id}', { ...id, body: { language: 'zh-CN' } })));
    conforms('/staff-members/{id}/disable', 'post', await must(staff.POST('/staff-members/{id}/disable', id)));
    conforms('/staff-members/{id}/enable', 'post', await must(staff.POST('/staff-members/{id}/enable', id)));
    conforms('/staff-members', 'get', await must(staff.GET('/staff-members', {})));
    conforms('/staff-members/{id}', 'get', await must(staff.GET('/staff-members/{id}', id)));
    const key = await must(staff.POST('/api-keys', { body: { role: 'staff', label: 'Ana laptop', staffMemberId: member.id } }));
    expect(key.staffMemberId).toBe(member.id);

    const influencer = await must(staff.POST('/influencers', { body: { handle: 'bea', displayName: 'Bea', contact: { email: 'bea@studio.example' } } }));
    conforms('/influencers', 'post', influencer, '201');
    const bea = createEngineClient(t.engine.apiUrl, (await must(staff.POST('/api-keys', { body: { role: 'influencer', influencerId: influencer.id, label: 'Bea phone' } }))).key);
    conforms('/influencers/{id}/contact', 'patch', await must(staff.PATCH('/influencers/{id}/contact', { params: { path: { id: influencer.id } }, body: { timeZone: 'Europe/Paris' } })));
    conforms('/influencers/me/contact', 'patch', await must(bea.PATCH('/influencers/me/contact', { body: { language: 'zh-CN' } })));
    const mine = await must(bea.GET('/influencers/me/contact', {}));
    expect(mine).toEqual({ email: 'bea@studio.example', preferredChannel: 'email', webhookUrl: null, language: 'zh-CN', timeZone: 'Europe/Paris', notificationMode: 'each' });
    conforms('/influencers/me/contact', 'get', mine);
    conforms('/influencers/{id}', 'get', await must(staff.GET('/influencers/{id}', { params: { path: { id: influencer.id } } })));
  });
});

/** The answer's body, or a failure naming the status and the API's error. */
async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (data === undefined) throw new Error(`${response.status} ${response.url}: ${JSON.stringify(error)}`);
  return data;
}

type SchemaObject = { $ref?: string; allOf?: SchemaObject[]; properties?: Record<string, SchemaObject>; items?: SchemaObject; additionalProperties?: unknown };

/**
 * Checks an answer against the served document's schema for the route's JSON answer: valid by it (Ajv:
 * required fields, types, enums, nullables), and no field the schema does not name (a field the generated
 * client's types would not know).
 */
function conformance(doc: Record<string, unknown>): (route: string, method: 'get' | 'post' | 'patch', answer: unknown, status?: string) => void {
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ ...doc, $id: 'openapi.json' });
  const schemas = (doc.components as { schemas: Record<string, SchemaObject> }).schemas;
  const paths = doc.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: SchemaObject }> }> }>>;
  const resolve = (s: SchemaObject): SchemaObject => (s.$ref ? resolve(schemas[s.$ref.replace('#/components/schemas/', '')]) : s);
  const propertiesOf = (s: SchemaObject): Record<string, SchemaObject> =>
    Object.assign({}, ...(s.allOf ?? []).map((part) => propertiesOf(resolve(part))), resolve(s).properties ?? {}) as Record<string, SchemaObject>;
  const undocumented = (schema: SchemaObject, value: unknown, at: string): string[] => {
    const s = resolve(schema);
    if (Array.isArray(value)) return s.items ? value.flatMap((v, i) => undocumented(s.items!, v, `${at}[${i}]`)) : [];
    if (value === null || typeof value !== 'object' || s.additionalProperties === true) return [];
    const props = propertiesOf(s);
    return Object.entries(value).flatMap(([k, v]) => (props[k] ? undocumented(props[k], v, `${at}.${k}`) : [`${at}.${k}`]));
  };
  return (route, method, answer, status = '200') => {
    const schema = paths[route]?.[method]?.responses[status]?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`the document has no JSON answer ${status} for ${method.toUpperCase()} ${route}`);
    const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/')) as object);
    const what = `${method.toUpperCase()} ${route} ${status}`;
    expect({ what, errors: validate(answer) ? [] : validate.errors }).toEqual({ what, errors: [] });
    expect({ what, undocumented: undocumented(schema, answer, 'answer') }).toEqual({ what, undocumented: [] });
  };
}
