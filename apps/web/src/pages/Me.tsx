// The influencer's phone page, opened from her magic link (#token=…): what waits for her across her products —
// a draft poll's options, designs and samples to review (images full-width), the launch announcement to edit
// and approve. One column, big touch targets; only her products (the API keeps her session to them).
import { useEffect, useState } from 'preact/hooks';
import { allProducts, api, ApiFailure, failureMessage, auth, isOwnImage, ok, type Product, type Session } from '../api';
import { useI18n } from '../i18n';
import { dropFragment, tokenInFragment } from '../router';

type Announcement = NonNullable<Awaited<ReturnType<typeof loadAnnouncement>>>;

async function loadAnnouncement(id: string) {
  return ok(api.GET('/products/{id}/launch-announcement', { params: { path: { id } } }));
}

interface Waiting {
  product: Product;
  announcement?: Announcement;
}

type Phase = { kind: 'opening' } | { kind: 'refused'; message: string } | { kind: 'no-session' } | { kind: 'staff' } | { kind: 'ready' };

export function Me({ session, onSession }: { session: Session | null; onSession: (s: Session | null) => void }) {
  const { t } = useI18n();
  const [phase, setPhase] = useState<Phase>(() => (session?.role === 'influencer' ? { kind: 'ready' } : { kind: 'opening' }));
  const [items, setItems] = useState<Waiting[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    // Her link's token: on opening the page, and when she opens a link in a tab already on it (only the fragment changes).
    const consume = () => {
      const token = tokenInFragment();
      if (!token) return false;
      dropFragment();
      setPhase({ kind: 'opening' });
      auth.open(token).then(
        (s) => {
          onSession(s);
          setPhase(s.role === 'influencer' ? { kind: 'ready' } : { kind: 'staff' });
        },
        (err: unknown) => setPhase({ kind: 'refused', message: failureMessage(err, t) }),
      );
      return true;
    };
    const onHash = () => void consume();
    window.addEventListener('hashchange', onHash);
    if (!consume()) {
      if (session) setPhase(session.role === 'influencer' ? { kind: 'ready' } : { kind: 'staff' });
      else
        auth.current().then(
          (s) => {
            onSession(s);
            setPhase(s.role === 'influencer' ? { kind: 'ready' } : { kind: 'staff' });
          },
          () => setPhase({ kind: 'no-session' }),
        );
    }
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // A session that ends while she is here (expired, revoked) turns the page into the "ask for a new link" note.
  useEffect(() => {
    if (phase.kind === 'ready' && session === null) setPhase({ kind: 'no-session' });
  }, [session]);

  const load = async () => {
    setLoadError(null);
    try {
      const mine = (await allProducts()).filter((p) => p.pendingAction.by === 'influencer');
      const loaded = await Promise.all(
        mine.map(async (summary): Promise<Waiting> => {
          const product = await ok(api.GET('/products/{id}', { params: { path: { id: summary.id } } }));
          const announcement = product.pendingAction.action === 'APPROVE_LAUNCH_ANNOUNCEMENT' ? await loadAnnouncement(product.id) : undefined;
          return { product, announcement };
        }),
      );
      setItems(loaded);
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401) return;
      setLoadError(failureMessage(err, t));
    }
  };

  useEffect(() => {
    if (phase.kind === 'ready') void load();
  }, [phase.kind]);

  return (
    <section class="page phone" aria-labelledby="me-title">
      <h1 id="me-title">{session?.role === 'influencer' ? t('me.hello', { name: session.name }) : t('me.title')}</h1>
      {phase.kind === 'opening' && <p role="status">{t('me.opening')}</p>}
      {phase.kind === 'refused' && (
        <div class="notice" role="alert">
          <p class="error">{phase.message}</p>
          <p>{t('me.askForLink')}</p>
        </div>
      )}
      {phase.kind === 'no-session' && (
        <div class="notice" role="alert">
          <p>{t('me.noSession')}</p>
          <p>{t('me.askForLink')}</p>
        </div>
      )}
      {phase.kind === 'staff' && <p>{t('me.staff')}</p>}
      {phase.kind === 'ready' && (
        <>
          {loadError && (
            <p class="error" role="alert">
              {loadError}
            </p>
          )}
          {!items && !loadError && <p role="status">{t('shell.loading')}</p>}
          {items && items.length === 0 && <p class="empty">{t('me.nothing')}</p>}
          {items && items.length > 0 && <p>{t('me.waiting', { n: items.length })}</p>}
          {items?.map((w) => <WaitingItem key={`${w.product.id}-${w.product.seq}`} item={w} onDone={load} />)}
        </>
      )}
    </section>
  );
}

function WaitingItem({ item, onDone }: { item: Waiting; onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const p = item.product;
  const id = p.id;
  const path = { params: { path: { id } } };
  switch (p.pendingAction.action) {
    case 'APPROVE_POLL':
      return (
        <article class="card phone-card" aria-labelledby={`w-${id}`}>
          <h2 id={`w-${id}`}>{t('me.pollTitle', { product: p.name })}</h2>
          <p class="question">{p.poll.question}</p>
          <ul class="options">
            {p.poll.options.map((o) => (
              <li key={o.id}>
                <strong>{o.label}</strong>
                {o.description && <span> — {o.description}</span>}
              </li>
            ))}
          </ul>
          <Review
            id={`poll-${id}`}
            approveLabel={t('me.approvePoll')}
            approve={() => ok(api.POST('/products/{id}/poll/approve', path))}
            requestChanges={(feedback) => ok(api.POST('/products/{id}/poll/request-changes', { ...path, body: { feedback } }))}
            onDone={onDone}
          />
        </article>
      );
    case 'REVIEW_DESIGN':
    case 'REVIEW_SAMPLE': {
      const design = p.pendingAction.action === 'REVIEW_DESIGN';
      const rounds = design ? p.designs : p.samples;
      const round = rounds[rounds.length - 1];
      if (!round) return null;
      const images = design ? (round as Product['designs'][number]).imageUrls : (round as Product['samples'][number]).photoUrls;
      const heading = design ? t('me.designTitle', { product: p.name, round: round.round }) : t('me.sampleTitle', { product: p.name, round: round.round });
      const roundPath = { params: { path: { id, round: round.round } } };
      return (
        <article class="card phone-card" aria-labelledby={`w-${id}`}>
          <h2 id={`w-${id}`}>{heading}</h2>
          {design ? (
            <>
              <p class="question">{(round as Product['designs'][number]).title}</p>
              <p>{(round as Product['designs'][number]).description}</p>
            </>
          ) : (
            <>
              <p>{t('me.supplier', { supplier: (round as Product['samples'][number]).supplier })}</p>
              {(round as Product['samples'][number]).notes && <p>{(round as Product['samples'][number]).notes}</p>}
            </>
          )}
          <Images urls={images} alt={heading} />
          <Review
            id={`${design ? 'design' : 'sample'}-${id}-${round.round}`}
            approveLabel={design ? t('me.approveDesign') : t('me.approveSample')}
            approve={() =>
              design
                ? ok(api.POST('/products/{id}/designs/{round}/review', { ...roundPath, body: { decision: 'APPROVE' } }))
                : ok(api.POST('/products/{id}/samples/{round}/review', { ...roundPath, body: { decision: 'APPROVE' } }))
            }
            requestChanges={(feedback) =>
              design
                ? ok(api.POST('/products/{id}/designs/{round}/review', { ...roundPath, body: { decision: 'REQUEST_CHANGES', feedback } }))
                : ok(api.POST('/products/{id}/samples/{round}/review', { ...roundPath, body: { decision: 'REQUEST_CHANGES', feedback } }))
            }
            onDone={onDone}
          />
        </article>
      );
    }
    case 'APPROVE_LAUNCH_ANNOUNCEMENT':
      return item.announcement ? <AnnouncementCard product={p} announcement={item.announcement} onDone={onDone} /> : null;
    default:
      return (
        <article class="card phone-card" aria-labelledby={`w-${id}`}>
          <h2 id={`w-${id}`}>{p.name}</h2>
          <p lang="en">{p.pendingAction.description}</p>
        </article>
      );
  }
}

/** Images the engine serves, full-width, lazily loaded; others (older https links) as links to open. */
export function Images({ urls, alt }: { urls: string[]; alt: string }) {
  const { t } = useI18n();
  if (urls.length === 0) return <p class="hint">{t('me.noImages')}</p>;
  return (
    <div class="images">
      {urls.map((url, i) =>
        isOwnImage(url) ? (
          <img key={url} src={url} alt={`${alt} (${i + 1}/${urls.length})`} loading={i === 0 ? 'eager' : 'lazy'} decoding="async" />
        ) : (
          <p key={url}>
            <a href={url} target="_blank" rel="noopener noreferrer">
              {t('me.openImage', { n: i + 1 })}
            </a>
          </p>
        ),
      )}
    </div>
  );
}

/** A card's action: busy while it runs, then the page reloaded (`onDone`), or the refusal kept to show in place. */
function useAction(onDone: () => Promise<void>) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await onDone();
    } catch (err) {
      setError(failureMessage(err, t));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

/** Approve, or request changes with feedback (required then): two big buttons, the API's refusal in place. */
function Review({ id, approveLabel, approve, requestChanges, onDone }: { id: string; approveLabel: string; approve: () => Promise<unknown>; requestChanges: (feedback: string) => Promise<unknown>; onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const { busy, error, setError, run } = useAction(onDone);
  const [feedback, setFeedback] = useState('');
  return (
    <form
      class="review large"
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      <button type="button" class="primary big" disabled={busy} onClick={() => void run(approve)}>
        {approveLabel}
      </button>
      <div class="field">
        <label for={`${id}-feedback`}>{t('me.feedback')}</label>
        <textarea id={`${id}-feedback`} rows={3} value={feedback} onInput={(e) => setFeedback((e.currentTarget).value)} />
      </div>
      <button
        type="button"
        class="secondary big"
        disabled={busy}
        onClick={() => {
          if (!feedback.trim()) {
            setError(t('me.feedbackNeeded'));
            document.getElementById(`${id}-feedback`)?.focus();
            return;
          }
          void run(() => requestChanges(feedback.trim()));
        }}
      >
        {t('me.requestChanges')}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function AnnouncementCard({ product, announcement, onDone }: { product: Product; announcement: Announcement; onDone: () => Promise<void> }) {
  const { t, time } = useI18n();
  const { busy, error, run } = useAction(onDone);
  const id = product.id;
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const title = (form.elements.namedItem('title') as HTMLInputElement).value.trim();
    const body = (form.elements.namedItem('body') as HTMLTextAreaElement).value.trim();
    await run(() => ok(api.POST('/products/{id}/launch-announcement/approve', { params: { path: { id } }, body: { title, body } })));
  };
  return (
    <article class="card phone-card" aria-labelledby={`w-${id}`}>
      <h2 id={`w-${id}`}>{t('me.announcementTitle', { product: product.name })}</h2>
      {announcement.launchAt && <p>{t('me.launchesAt', { at: time(announcement.launchAt) })}</p>}
      {announcement.approveBy && <p>{t('me.approveBy', { at: time(announcement.approveBy) })}</p>}
      <form class="review large" onSubmit={submit}>
        <div class="field">
          <label for={`ann-${id}-title`}>{t('me.announcementHeadline')}</label>
          <input id={`ann-${id}-title`} name="title" defaultValue={announcement.text.title} required />
        </div>
        <div class="field">
          <label for={`ann-${id}-body`}>{t('me.announcementBody')}</label>
          <textarea id={`ann-${id}-body`} name="body" rows={8} defaultValue={announcement.text.body} required />
        </div>
        <button type="submit" class="primary big" disabled={busy}>
          {t('me.approveAnnouncement')}
        </button>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </article>
  );
}
