// A product's page for staff: what it waits for, the live poll as a chart, the demand gate, design and sample
// rounds with their images and the influencer's feedback, production milestones, the launch countdown, sales
// and restocks, sponsorship, social updates with their cards and scores, deliveries per channel (re-send),
// the timeline, and her page's links. Every staff action of the API is a form here; a refusal shows the
// API's message in place.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiFailure, failureMessage, isOwnImage, magicLinks, ok, sitePath, uploadImage, type MagicLink, type Product } from '../api';
import { ActionForm, localFromIso, type Field, type Files } from '../components/ActionForm';
import { Countdown } from '../components/Countdown';
import { PollChart } from '../components/PollChart';
import { useI18n, type Key } from '../i18n';
import { BASE, onLinkClick } from '../router';
import { isLate } from './Board';
import type { Schema } from '../../../../libs/api-client';

const MILESTONES = ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED'] as const;
const LIVE_MS = 5_000;

type Live = Schema<'LiveResultsDto'>;
type Timeline = Schema<'TimelineDto'>;
type Updates = Schema<'SocialUpdatesDto'>;
type Deliveries = Schema<'DeliveriesDto'>;
type Sponsorship = Schema<'SponsorshipDto'>;
type Supplier = Schema<'SupplierDto'>;
type Announcement = Schema<'LaunchAnnouncementDto'>;

interface Extras {
  timeline?: Timeline;
  updates?: Updates;
  deliveries?: Deliveries;
  sponsorship?: Sponsorship;
  suppliers?: Supplier[];
  announcement?: Announcement;
  influencer?: Schema<'InfluencerDto'>;
}

export function ProductPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [product, setProduct] = useState<Product | null>(null);
  const [extras, setExtras] = useState<Extras>({});
  const [error, setError] = useState<string | null>(null);
  const path = { params: { path: { id } } };

  const load = async () => {
    try {
      const p = await ok(api.GET('/products/{id}', path));
      setProduct(p);
      setError(null);
      // The rest of the page: each part on its own, so one refusal does not hide the others.
      const settle = <T,>(call: Promise<T>) => call.catch(() => undefined);
      const [timeline, updates, deliveries, sponsorship, suppliers, announcement, influencer] = await Promise.all([
        settle(ok(api.GET('/products/{id}/timeline', path))),
        settle(ok(api.GET('/products/{id}/social-updates', path))),
        settle(ok(api.GET('/products/{id}/deliveries', path))),
        settle(ok(api.GET('/products/{id}/sponsorship', path))),
        settle(ok(api.GET('/suppliers'))),
        p.stage === 'LAUNCH' ? settle(ok(api.GET('/products/{id}/launch-announcement', path))) : Promise.resolve(undefined),
        settle(ok(api.GET('/influencers/{id}', { params: { path: { id: p.influencerId } } }))),
      ]);
      setExtras({ timeline, updates, deliveries, sponsorship, suppliers, announcement, influencer });
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401) return;
      setError(failureMessage(err, t));
    }
  };

  useEffect(() => {
    void load();
  }, [id]);

  if (error && !product)
    return (
      <section class="page">
        <h1>{t('product.title')}</h1>
        <p class="error" role="alert">
          {error}
        </p>
        <p>
          <a href={`${BASE}/`} onClick={onLinkClick}>
            {t('notFound.back')}
          </a>
        </p>
      </section>
    );
  if (!product) return <p class="loading">{t('shell.loading')}</p>;
  return <ProductView product={product} extras={extras} reload={load} />;
}

function ProductView({ product: p, extras, reload }: { product: Product; extras: Extras; reload: () => Promise<void> }) {
  const { t, time, relative } = useI18n();
  const id = p.id;
  const path = { params: { path: { id } } };
  const late = isLate(p, Date.now());
  const final = p.stage === 'ENDED' || p.stage === 'CANCELLED' || p.stage === 'LAUNCHED';
  const supplierOptions = [{ value: '', label: t('form.namedSupplier') }, ...(extras.suppliers ?? []).map((s) => ({ value: s.id, label: s.name }))];

  return (
    <article class="page product-page" aria-labelledby="product-title">
      <p class="breadcrumb">
        <a href={`${BASE}/`} onClick={onLinkClick}>
          {t('shell.board')}
        </a>
      </p>
      <header class="product-head">
        <h1 id="product-title">{p.name}</h1>
        <p>
          <span class={`stage stage-${p.stage}`}>{t(`stage.${p.stage}` as Key)}</span> · {extras.influencer ? `${extras.influencer.displayName} (@${extras.influencer.handle})` : p.influencerId} ·{' '}
          {t('product.keyword', { keyword: p.targetKeyword })}
        </p>
        {p.pendingAction.by && (
          <p class={`waits${late ? ' late' : ''}`}>
            <strong>{t(`by.${p.pendingAction.by}` as Key)}</strong> <span lang="en">{p.pendingAction.description}</span>
            {' · '}
            {t('card.since')} {relative(p.updatedAt)}
            {p.due && (
              <>
                {' · '}
                {t(`due.${p.due.kind}` as Key)} {time(p.due.at)}
              </>
            )}
            {late && <span class="late-flag"> {t('card.late')}</span>}
          </p>
        )}
        {p.cancellation && <p class="notice">{t('product.cancelled', { reason: p.cancellation.reason, at: time(p.cancellation.at) })}</p>}
      </header>

      <PollSection product={p} reload={reload} />

      {p.demand && (
        <Section id="demand" title={t('demand.title')}>
          <p>
            {t('demand.status', {
              status: p.demand.status,
              units: p.demand.lastTally?.totalUnits ?? 0,
              goal: p.demand.goal.minimumUnits,
              closes: time(p.demand.closesAt),
            })}
          </p>
          {p.stage === 'DEMAND' && (
            <div class="forms">
              <ActionForm id="demand-close" title={t('demand.close')} submit={t('demand.close')} onSubmit={() => ok(api.POST('/products/{id}/demand/close', path))} onDone={reload} />
              <ActionForm
                id="demand-extend"
                title={t('demand.extend')}
                submit={t('demand.extend')}
                fields={[{ name: 'closesAt', label: t('form.newClosingTime'), type: 'datetime', required: true }]}
                onSubmit={(v) => ok(api.POST('/products/{id}/demand/extend', { ...path, body: { closesAt: v.closesAt } }))}
                onDone={reload}
              />
              <ActionForm
                id="demand-override"
                title={t('demand.override')}
                submit={t('demand.override')}
                fields={[{ name: 'reason', label: t('form.reason'), required: true }]}
                onSubmit={(v) => ok(api.POST('/products/{id}/demand/override', { ...path, body: { reason: v.reason } }))}
                onDone={reload}
              />
            </div>
          )}
        </Section>
      )}

      <Section id="designs" title={t('designs.title')}>
        <Rounds
          rounds={p.designs.map((d) => ({ ...d, heading: d.title, text: d.description, images: d.imageUrls }))}
          empty={t('designs.none')}
        />
        {p.stage === 'DESIGN' && (
          <ActionForm
            id="design-submit"
            title={t('designs.submit')}
            submit={t('designs.submit')}
            fields={[
              { name: 'title', label: t('form.title'), required: true },
              { name: 'description', label: t('form.description'), type: 'textarea', required: true },
              { name: 'images', label: t('form.images'), type: 'file', accept: 'image/jpeg,image/png,image/webp', multiple: true, hint: t('form.imagesHint') },
            ]}
            onSubmit={async (v, files) => {
              const imageUrls = await uploads(id, files, 'design');
              return ok(api.POST('/products/{id}/designs', { ...path, body: { title: v.title, description: v.description, imageUrls } }));
            }}
            onDone={reload}
          />
        )}
      </Section>

      <Section id="samples" title={t('samples.title')}>
        <Rounds
          rounds={p.samples.map((s) => ({ ...s, heading: s.supplier, text: s.notes, images: s.photoUrls }))}
          empty={t('samples.none')}
        />
        {p.stage === 'SAMPLING' && (
          <div class="forms">
            <ActionForm
              id="sample-record"
              title={t('samples.record')}
              submit={t('samples.record')}
              fields={[
                { name: 'supplierId', label: t('form.registeredSupplier'), type: 'select', options: supplierOptions },
                { name: 'supplier', label: t('form.supplier'), hint: t('form.supplierHint') },
                { name: 'notes', label: t('form.notes'), type: 'textarea' },
                { name: 'photos', label: t('form.photos'), type: 'file', accept: 'image/jpeg,image/png,image/webp', multiple: true, hint: t('form.imagesHint') },
              ]}
              onSubmit={async (v, files) => {
                const photoUrls = await uploads(id, files, 'sample');
                return ok(
                  api.POST('/products/{id}/samples', {
                    ...path,
                    body: { ...(v.supplierId ? { supplierId: v.supplierId } : v.supplier ? { supplier: v.supplier } : {}), notes: v.notes, photoUrls },
                  }),
                );
              }}
              onDone={reload}
            />
            <ActionForm
              id="sample-request"
              title={t('samples.request')}
              submit={t('samples.request')}
              fields={[
                { name: 'supplierId', label: t('form.registeredSupplier'), type: 'select', required: true, options: supplierOptions.slice(1) },
                { name: 'notes', label: t('form.notes'), type: 'textarea' },
                { name: 'dueDate', label: t('form.dueDate'), type: 'datetime' },
              ]}
              onSubmit={(v) =>
                ok(api.POST('/products/{id}/samples/requests', { ...path, body: { supplierId: v.supplierId, notes: v.notes, ...(v.dueDate ? { dueDate: v.dueDate } : {}) } }))
              }
              onDone={reload}
            />
          </div>
        )}
      </Section>

      <Section id="production" title={t('production.title')}>
        {p.production.run ? (
          <p>
            {t('production.run', { quantity: p.production.run.quantity, supplier: p.production.run.supplier, due: time(p.production.run.dueDate) })}
          </p>
        ) : (
          <p class="empty">{t('production.none', { n: p.suggestedQuantity ?? '—' })}</p>
        )}
        <ol class="milestones">
          {MILESTONES.map((m) => {
            const done = p.production.milestones.find((r) => r.milestone === m);
            return (
              <li key={m} class={done ? 'done' : undefined}>
                {t(`milestone.${m}` as Key)}
                {done ? ` — ${time(done.at)}${done.note ? ` (${done.note})` : ''}` : ''}
              </li>
            );
          })}
        </ol>
        {p.stage === 'PRODUCTION' && !p.production.run && (
          <ActionForm
            id="production-start"
            title={t('production.start')}
            submit={t('production.start')}
            fields={[
              { name: 'supplierId', label: t('form.registeredSupplier'), type: 'select', options: supplierOptions },
              { name: 'supplier', label: t('form.supplier'), hint: t('form.supplierHint') },
              { name: 'quantity', label: t('form.quantity'), type: 'number', defaultValue: p.suggestedQuantity ? String(p.suggestedQuantity) : '' },
              { name: 'dueDate', label: t('form.dueDate'), type: 'datetime', required: true },
            ]}
            onSubmit={(v) =>
              ok(
                api.POST('/products/{id}/production', {
                  ...path,
                  body: { ...(v.supplierId ? { supplierId: v.supplierId } : { supplier: v.supplier }), ...(v.quantity ? { quantity: Number(v.quantity) } : {}), dueDate: v.dueDate },
                }),
              )
            }
            onDone={reload}
          />
        )}
        {p.stage === 'PRODUCTION' && p.production.run && (
          <ActionForm
            id="production-milestone"
            title={t('production.milestone')}
            submit={t('production.milestone')}
            fields={[
              {
                name: 'milestone',
                label: t('form.milestone'),
                type: 'select',
                required: true,
                options: MILESTONES.filter((m) => !p.production.milestones.some((r) => r.milestone === m)).map((m) => ({ value: m, label: t(`milestone.${m}` as Key) })),
              },
              { name: 'note', label: t('form.note') },
            ]}
            onSubmit={(v) => ok(api.POST('/products/{id}/production/milestones', { ...path, body: { milestone: v.milestone as (typeof MILESTONES)[number], ...(v.note ? { note: v.note } : {}) } }))}
            onDone={reload}
          />
        )}
      </Section>

      <Section id="launch" title={t('launch.title')}>
        {p.launch.launchAt ? (
          <p>
            {t('launch.at', { at: time(p.launch.launchAt) })} {!p.launch.launchedAt && <Countdown to={p.launch.launchAt} />}
          </p>
        ) : (
          <p class="empty">{t('launch.none')}</p>
        )}
        {p.launch.launchedAt && <p>{t('launch.launched', { at: time(p.launch.launchedAt) })}</p>}
        {p.launch.countdowns.length > 0 && (
          <ul class="plain">
            {p.launch.countdowns.map((c) => (
              <li key={c.at}>{t(c.sent ? 'launch.countdownSent' : 'launch.countdownPlanned', { at: time(c.at) })}</li>
            ))}
          </ul>
        )}
        {extras.announcement && extras.announcement.status !== 'not_required' && (
          <div class="announcement">
            <h4>{t(extras.announcement.status === 'approved' ? 'launch.announcementApproved' : 'launch.announcementWaiting')}</h4>
            <p>
              <strong>{extras.announcement.text.title}</strong>
            </p>
            <p class="pre">{extras.announcement.text.body}</p>
          </div>
        )}
        {p.stage === 'LAUNCH' && (
          <ActionForm
            id="launch-schedule"
            title={p.launch.launchAt ? t('launch.reschedule') : t('launch.schedule')}
            submit={p.launch.launchAt ? t('launch.reschedule') : t('launch.schedule')}
            fields={[{ name: 'launchAt', label: t('form.launchAt'), type: 'datetime', required: true, defaultValue: p.launch.launchAt ? localFromIso(p.launch.launchAt) : undefined }]}
            onSubmit={(v) => ok(api.POST('/products/{id}/launch', { ...path, body: { launchAt: v.launchAt } }))}
            onDone={reload}
          />
        )}
      </Section>

      {p.sales && <SalesSection product={p} reload={reload} supplierOptions={supplierOptions} />}

      <SponsorshipSection product={p} sponsorship={extras.sponsorship} reload={reload} />

      <Section id="updates" title={t('updates.title')}>
        {!extras.updates || extras.updates.updates.length === 0 ? (
          <p class="empty">{t('updates.none')}</p>
        ) : (
          <ul class="updates">
            {extras.updates.updates.map((u) => (
              <li key={u.id} class="update">
                {/* Only a published update has a public card: an internal or withheld one's card URL answers 404. */}
                {u.status === 'published' && <img src={sitePath(u.imageUrl)} alt={t('updates.card', { title: u.title })} width={300} height={158} loading="lazy" decoding="async" />}
                <div>
                  <h4>{u.title}</h4>
                  <p class="meta">
                    {u.event} · {u.platform} · {u.status} · {time(u.occurredAt)}
                  </p>
                  <p class="score">{t('updates.score', { score: u.optimisation.score, density: (u.optimisation.density * 100).toFixed(1) })}</p>
                  <details>
                    <summary>{t('updates.reasons')}</summary>
                    <ul>
                      {u.optimisation.reasons.map((r) => (
                        <li key={r.rule}>
                          {r.rule}: {r.points}/{r.max} — {r.detail}
                        </li>
                      ))}
                    </ul>
                    <p class="pre">{u.body}</p>
                  </details>
                  {u.status === 'published' && (
                    <p>
                      <a href={sitePath(u.shareUrl)}>{t('updates.share')}</a>
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <DeliveriesSection product={p} deliveries={extras.deliveries} reload={reload} />

      <InfluencerLinks influencerId={p.influencerId} />

      <Section id="timeline" title={t('timeline.title')}>
        {!extras.timeline || extras.timeline.events.length === 0 ? (
          <p class="empty">{t('timeline.none')}</p>
        ) : (
          <ol class="timeline">
            {extras.timeline.events.map((e) => (
              <li key={e.seq}>
                <time dateTime={e.at}>{time(e.at)}</time> <strong>{e.type}</strong> <span class="meta">({t(`stage.${e.stage}` as Key)}, {e.actor.label ?? e.actor.kind})</span>
              </li>
            ))}
          </ol>
        )}
      </Section>

      {!final && p.stage !== 'ON_SALE' && (
        <Section id="cancel" title={t('cancel.title')}>
          <ActionForm
            id="product-cancel"
            danger
            title={t('cancel.title')}
            submit={t('cancel.submit')}
            fields={[{ name: 'reason', label: t('form.reason'), required: true }]}
            onSubmit={(v) => ok(api.POST('/products/{id}/cancel', { ...path, body: { reason: v.reason } }))}
            onDone={reload}
          />
        </Section>
      )}
    </article>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="panel" id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

async function uploads(productId: string, files: Files, purpose: 'design' | 'sample'): Promise<string[]> {
  const urls: string[] = [];
  for (const file of Object.values(files).flat()) urls.push((await uploadImage(productId, file, purpose)).urls.display);
  return urls;
}

interface RoundView {
  round: number;
  status: string;
  heading: string;
  text: string;
  images: string[];
  feedback?: string;
  submittedAt: string;
  reviewedAt?: string;
}

function Rounds({ rounds, empty }: { rounds: RoundView[]; empty: string }) {
  const { t, time } = useI18n();
  if (rounds.length === 0) return <p class="empty">{empty}</p>;
  return (
    <ol class="rounds">
      {rounds.map((r) => (
        <li key={r.round} class={`round status-${r.status}`}>
          <h3>{t('rounds.heading', { round: r.round, heading: r.heading })}</h3>
          <p class="meta">
            {t(`review.${r.status}` as Key)} · {t('rounds.submitted', { at: time(r.submittedAt) })}
            {r.reviewedAt ? ` · ${t('rounds.reviewed', { at: time(r.reviewedAt) })}` : ''}
          </p>
          {r.text && <p class="pre">{r.text}</p>}
          {r.images.length > 0 && (
            <div class="thumbs">
              {r.images.map((url, i) =>
                isOwnImage(url) ? (
                  <a key={url} href={url.replace(/\/display$/, '/full')}>
                    <img src={url.replace(/\/display$/, '/thumb')} alt={t('rounds.image', { n: i + 1, heading: r.heading })} loading="lazy" decoding="async" />
                  </a>
                ) : (
                  <a key={url} href={url} rel="noopener noreferrer" target="_blank">
                    {t('me.openImage', { n: i + 1 })}
                  </a>
                ),
              )}
            </div>
          )}
          {r.feedback && <blockquote class="feedback">{t('rounds.feedback', { feedback: r.feedback })}</blockquote>}
        </li>
      ))}
    </ol>
  );
}

function PollSection({ product: p, reload }: { product: Product; reload: () => Promise<void> }) {
  const { t, time } = useI18n();
  const [live, setLive] = useState<Live | null>(null);
  const path = { params: { path: { id: p.id } } };
  const open = p.stage === 'POLL' && p.poll.status === 'OPEN';
  useEffect(() => {
    if (p.poll.status === 'DRAFT') return;
    let stopped = false;
    const fetchLive = () =>
      api.GET('/products/{id}/poll/results', path).then(
        (r) => !stopped && r.data && setLive(r.data),
        () => undefined,
      );
    void fetchLive();
    // Live while fans vote: the public results (cached for LIVE_RESULTS_TTL by the API).
    const timer = open ? setInterval(() => void fetchLive(), LIVE_MS) : undefined;
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
    };
  }, [p.id, p.poll.status]);
  const counts = p.poll.result?.counts ?? p.poll.lastTally?.counts;
  const bars = live
    ? live.options.map((o) => ({ id: o.id, label: o.label, votes: o.votes }))
    : p.poll.options.map((o) => ({ id: o.id, label: o.label, votes: counts?.find((c) => c.optionId === o.id)?.votes ?? 0 }));
  return (
    <Section id="poll" title={t('poll.title')}>
      <p class="question">{p.poll.question}</p>
      <p class="meta">
        {t(`pollStatus.${p.poll.status}` as Key)} · {t(p.poll.status === 'DRAFT' ? 'poll.closesDraft' : 'poll.closes', { at: time(p.poll.closesAt) })} · {t('poll.minVotes', { n: p.poll.minVotes })}
      </p>
      {p.poll.draft?.changesRequested && <blockquote class="feedback">{t('rounds.feedback', { feedback: p.poll.draft.changesRequested.feedback })}</blockquote>}
      <PollChart bars={bars} winnerId={p.poll.result?.winningOptionId ?? live?.winningOptionId} title={p.poll.question} />
      {p.stage === 'POLL' && (
        <div class="forms">
          {(p.poll.status === 'OPEN' || p.poll.status === 'AWAITING_DECISION') && (
            <ActionForm id="poll-close" title={t('poll.close')} submit={t('poll.close')} onSubmit={() => ok(api.POST('/products/{id}/poll/close', path))} onDone={reload} />
          )}
          {p.poll.status !== 'DRAFT' && (
            <ActionForm
              id="poll-extend"
              title={t('poll.extend')}
              submit={t('poll.extend')}
              fields={[{ name: 'closesAt', label: t('form.newClosingTime'), type: 'datetime', required: true }]}
              onSubmit={(v) => ok(api.POST('/products/{id}/poll/extend', { ...path, body: { closesAt: v.closesAt } }))}
              onDone={reload}
            />
          )}
          {p.poll.status === 'DRAFT' && (
            <ActionForm
              id="poll-options"
              title={t('poll.edit')}
              submit={t('poll.edit')}
              fields={[
                { name: 'question', label: t('new.question'), defaultValue: p.poll.question },
                { name: 'options', label: t('new.options'), type: 'textarea', required: true, defaultValue: p.poll.options.map((o) => o.label).join('\n'), hint: t('new.optionsHint') },
              ]}
              onSubmit={(v) =>
                ok(
                  api.PUT('/products/{id}/poll/options', {
                    ...path,
                    body: {
                      ...(v.question ? { question: v.question } : {}),
                      options: v.options
                        .split('\n')
                        .map((l) => l.trim())
                        .filter(Boolean)
                        .map((label) => ({ label })),
                    },
                  }),
                )
              }
              onDone={reload}
            />
          )}
        </div>
      )}
    </Section>
  );
}

function SalesSection({ product: p, reload, supplierOptions }: { product: Product; reload: () => Promise<void>; supplierOptions: { value: string; label: string }[] }) {
  const { t, time } = useI18n();
  const sales = p.sales!;
  const path = { params: { path: { id: p.id } } };
  const open = sales.restocks.find((r) => r.status === 'PROPOSED' || r.status === 'IN_PRODUCTION');
  const onSale = p.stage === 'ON_SALE';
  return (
    <Section id="sales" title={t('sales.title')}>
      <p>{t('sales.onSale', { at: time(sales.onSaleAt) })}</p>
      {sales.lastReport && (
        <table>
          <caption>{t('sales.stock')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sales.variant')}</th>
              <th scope="col">{t('sales.produced')}</th>
              <th scope="col">{t('sales.sold')}</th>
              <th scope="col">{t('sales.available')}</th>
            </tr>
          </thead>
          <tbody>
            {sales.lastReport.variants.map((v) => (
              <tr key={v.variantId}>
                <th scope="row">{v.variantId}</th>
                <td>{v.produced}</td>
                <td>{v.sold}</td>
                <td>{v.available}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sales.restocks.length > 0 && (
        <ul class="plain">
          {sales.restocks.map((r) => (
            <li key={r.number}>{t('sales.restock', { n: r.number, status: r.status, at: time(r.proposedAt) })}</li>
          ))}
        </ul>
      )}
      {onSale && (
        <div class="forms">
          {open?.status === 'PROPOSED' && (
            <>
              <ActionForm
                id="restock-approve"
                title={t('sales.approve')}
                submit={t('sales.approve')}
                fields={[
                  { name: 'supplierId', label: t('form.registeredSupplier'), type: 'select', options: supplierOptions },
                  { name: 'supplier', label: t('form.supplier'), hint: t('form.supplierHint') },
                  { name: 'dueDate', label: t('form.dueDate'), type: 'datetime', required: true },
                ]}
                onSubmit={(v) => ok(api.POST('/products/{id}/restocks/approve', { ...path, body: { ...(v.supplierId ? { supplierId: v.supplierId } : { supplier: v.supplier }), dueDate: v.dueDate } }))}
                onDone={reload}
              />
              <ActionForm
                id="restock-decline"
                title={t('sales.decline')}
                submit={t('sales.decline')}
                fields={[{ name: 'reason', label: t('form.reason'), required: true }]}
                onSubmit={(v) => ok(api.POST('/products/{id}/restocks/decline', { ...path, body: { reason: v.reason } }))}
                onDone={reload}
              />
            </>
          )}
          {open?.status === 'IN_PRODUCTION' && (
            <>
              <ActionForm
                id="restock-milestone"
                title={t('sales.milestone')}
                submit={t('sales.milestone')}
                fields={[
                  {
                    name: 'milestone',
                    label: t('form.milestone'),
                    type: 'select',
                    required: true,
                    options: MILESTONES.filter((m) => !open.milestones.some((r) => r.milestone === m)).map((m) => ({ value: m, label: t(`milestone.${m}` as Key) })),
                  },
                  { name: 'note', label: t('form.note') },
                ]}
                onSubmit={(v) => ok(api.POST('/products/{id}/restocks/milestones', { ...path, body: { milestone: v.milestone as (typeof MILESTONES)[number], ...(v.note ? { note: v.note } : {}) } }))}
                onDone={reload}
              />
              <ActionForm
                id="restock-cancel"
                danger
                title={t('sales.cancelRestock')}
                submit={t('sales.cancelRestock')}
                fields={[{ name: 'reason', label: t('form.reason'), required: true }]}
                onSubmit={(v) => ok(api.POST('/products/{id}/restocks/cancel', { ...path, body: { reason: v.reason } }))}
                onDone={reload}
              />
            </>
          )}
          <ActionForm
            id="sales-end"
            danger
            title={t('sales.end')}
            submit={t('sales.end')}
            fields={[{ name: 'reason', label: t('form.reason'), required: true }]}
            onSubmit={(v) => ok(api.POST('/products/{id}/end', { ...path, body: { reason: v.reason } }))}
            onDone={reload}
          />
        </div>
      )}
    </Section>
  );
}

function SponsorshipSection({ product: p, sponsorship, reload }: { product: Product; sponsorship?: Sponsorship; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const path = { params: { path: { id: p.id } } };
  const terms = sponsorship?.sponsorship;
  const held = sponsorship?.posts.filter((post) => post.status === 'held' || post.status === 'blocked') ?? [];
  const fields: Field[] = [
    { name: 'partner', label: t('sponsor.partner'), required: true, defaultValue: terms?.partner },
    { name: 'defaultFeeMinor', label: t('sponsor.fee'), type: 'number', defaultValue: terms?.defaultFeeMinor != null ? String(terms.defaultFeeMinor) : undefined },
    { name: 'currency', label: t('sponsor.currency'), defaultValue: terms?.currency ?? undefined },
  ];
  return (
    <Section id="sponsorship" title={t('sponsor.title')}>
      <p>{terms ? t('sponsor.declared', { partner: terms.partner }) : t('sponsor.none')}</p>
      {sponsorship && sponsorship.totals.length > 0 && (
        <p>
          {sponsorship.totals.map((f) => t('sponsor.total', { amount: (f.feeMinor / 100).toFixed(2), currency: f.currency, posts: f.posts })).join(' · ')}
        </p>
      )}
      <div class="forms">
        <ActionForm
          id="sponsor-declare"
          title={terms ? t('sponsor.change') : t('sponsor.declare')}
          submit={terms ? t('sponsor.change') : t('sponsor.declare')}
          fields={fields}
          onSubmit={(v) =>
            ok(
              api.PUT('/products/{id}/sponsorship', {
                ...path,
                body: { partner: v.partner, ...(v.defaultFeeMinor ? { defaultFeeMinor: Number(v.defaultFeeMinor), currency: v.currency } : {}) },
              }),
            )
          }
          onDone={reload}
        />
        {terms && <ActionForm id="sponsor-remove" danger title={t('sponsor.remove')} submit={t('sponsor.remove')} onSubmit={() => ok(api.DELETE('/products/{id}/sponsorship', path))} onDone={reload} />}
        {held.map((post) => (
          <ActionForm
            key={`${post.updateId}-${post.platform}`}
            id={`sponsor-order-${post.updateId}-${post.platform === '*' ? 'all' : post.platform}`}
            title={t('sponsor.order', { event: post.event, platform: post.platform, status: post.status })}
            submit={t('sponsor.record')}
            fields={[
              {
                name: 'status',
                label: t('sponsor.answer'),
                type: 'select',
                required: true,
                options: [
                  { value: 'accepted', label: t('sponsor.accepted') },
                  { value: 'refused', label: t('sponsor.refused') },
                ],
              },
              { name: 'orderReference', label: t('sponsor.reference') },
              { name: 'reason', label: t('form.reason') },
            ]}
            onSubmit={(v) =>
              ok(
                api.POST('/products/{id}/social-updates/{updateId}/sponsorship', {
                  params: { path: { id: p.id, updateId: post.updateId } },
                  // Each platform's post has its own order (a post from before per-platform posts, '*', names none).
                  body: {
                    ...(v.status === 'refused' ? { status: 'refused', reason: v.reason } : { status: 'accepted', orderReference: v.orderReference }),
                    ...(post.platform === '*' ? {} : { platform: post.platform as NonNullable<Schema<'RecordSponsoredOrderDto'>['platform']> }),
                  },
                }),
              )
            }
            onDone={reload}
          />
        ))}
      </div>
    </Section>
  );
}

function DeliveriesSection({ product: p, deliveries, reload }: { product: Product; deliveries?: Deliveries; reload: () => Promise<void> }) {
  const { t, time } = useI18n();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const resend = async (deliveryId: string) => {
    setErrors((e) => ({ ...e, [deliveryId]: '' }));
    try {
      await ok(api.POST('/products/{id}/deliveries/{deliveryId}/resend', { params: { path: { id: p.id, deliveryId } } }));
      await reload();
    } catch (err) {
      setErrors((e) => ({ ...e, [deliveryId]: failureMessage(err, t) }));
    }
  };
  const rows = deliveries?.deliveries ?? [];
  const channels = [...new Set(rows.map((d) => d.channelId))];
  return (
    <Section id="deliveries" title={t('deliveries.title')}>
      {rows.length === 0 && <p class="empty">{t('deliveries.none')}</p>}
      {channels.map((channel) => (
        <div class="table-wrap" key={channel}>
          <table>
            <caption>{t('deliveries.channel', { channel, kind: rows.find((d) => d.channelId === channel)?.channelKind ?? '' })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('deliveries.event')}</th>
                <th scope="col">{t('deliveries.status')}</th>
                <th scope="col">{t('deliveries.attempts')}</th>
                <th scope="col">{t('deliveries.when')}</th>
                <th scope="col">{t('deliveries.action')}</th>
              </tr>
            </thead>
            <tbody>
              {rows
                .filter((d) => d.channelId === channel)
                .map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{d.event}</th>
                    <td>
                      <span class={`status status-${d.status}`}>{d.status}</span>
                      {d.lastError && <span class="meta"> {d.lastError}</span>}
                    </td>
                    <td>{d.attempts}</td>
                    <td>{time(d.deliveredAt ?? d.failedAt ?? d.createdAt)}</td>
                    <td>
                      <button type="button" class="small" onClick={() => void resend(d.id)} aria-describedby={errors[d.id] ? `resend-${d.id}` : undefined}>
                        {t('deliveries.resend')}
                      </button>
                      {errors[d.id] && (
                        <p class="error" role="alert" id={`resend-${d.id}`}>
                          {errors[d.id]}
                        </p>
                      )}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
    </Section>
  );
}

/** Her page's links (magic links): issue one to send her, see which are live, revoke one. */
function InfluencerLinks({ influencerId }: { influencerId: string }) {
  const { t, time } = useI18n();
  const [links, setLinks] = useState<MagicLink[] | null>(null);
  const [issued, setIssued] = useState<MagicLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    try {
      setLinks(await magicLinks.list(influencerId));
    } catch (err) {
      setError(failureMessage(err, t));
    }
  };
  useEffect(() => {
    void load();
  }, [influencerId]);
  const revoke = async (linkId: string) => {
    try {
      await magicLinks.revoke(influencerId, linkId);
      await load();
    } catch (err) {
      setError(failureMessage(err, t));
    }
  };
  return (
    <Section id="links" title={t('links.title')}>
      <p class="hint">{t('links.explain')}</p>
      <ActionForm
        id="link-issue"
        title={t('links.issue')}
        submit={t('links.issue')}
        onSubmit={async () => {
          setIssued(await magicLinks.issue(influencerId));
          await load();
        }}
      />
      {issued?.url && (
        <div class="issued" role="status">
          <label for="issued-link">{t('links.copy', { at: time(issued.expiresAt) })}</label>
          <input id="issued-link" readOnly value={issued.url} onFocus={(e) => (e.currentTarget).select()} />
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {links && links.length > 0 && (
        <ul class="plain">
          {links.map((l) => (
            <li key={l.id}>
              {t('links.item', { created: time(l.createdAt), expires: time(l.expiresAt) })}
              {l.revokedAt ? ` — ${t('links.revoked')}` : (
                <>
                  {' '}
                  <button type="button" class="small" onClick={() => void revoke(l.id)}>
                    {t('links.revoke')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
