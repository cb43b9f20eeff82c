// The staff board: every product as a card in its stage's column, filtered by influencer and searched by name.
// A card says what the product waits for (whose action, what), since when (its last event) and until when
// (API's `due`), and flags it late once that time has passed.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { allProducts, api, ApiFailure, failureMessage, ok, type Influencer, type ProductSummary } from '../api';
import { useI18n, type Key } from '../i18n';
import { BASE, onLinkClick } from '../router';

export const BOARD_STAGES = ['POLL', 'DEMAND', 'DESIGN', 'SAMPLING', 'PRODUCTION', 'LAUNCH', 'ON_SALE', 'ENDED', 'CANCELLED'] as const;
const REFRESH_MS = 15_000;

/** Late: what it waits for fell due and nothing has happened since. */
export function isLate(p: ProductSummary, now: number): boolean {
  return p.due !== undefined && Date.parse(p.due.at) < now && p.pendingAction.by !== null;
}

export function Board() {
  const { t } = useI18n();
  const [products, setProducts] = useState<ProductSummary[] | null>(null);
  const [influencers, setInfluencers] = useState<Influencer[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [influencerId, setInfluencerId] = useState(() => new URLSearchParams(location.search).get('influencer') ?? '');
  const [search, setSearch] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [now, setNow] = useState(Date.now());

  const load = async () => {
    try {
      const [items, people] = await Promise.all([allProducts(), ok(api.GET('/influencers'))]);
      setProducts(items);
      setInfluencers(people);
      setNow(Date.now());
      setError(null);
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401) return;
      setError(failureMessage(err, t));
    }
  };

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  // The filter lives in the address, so a filtered board can be bookmarked and shared.
  useEffect(() => {
    const params = new URLSearchParams();
    if (influencerId) params.set('influencer', influencerId);
    if (search) params.set('q', search);
    const query = params.toString();
    history.replaceState(null, '', `${BASE}/${query ? `?${query}` : ''}`);
  }, [influencerId, search]);

  const names = useMemo(() => new Map(influencers.map((i) => [i.id, i.displayName])), [influencers]);
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (products ?? []).filter((p) => (!influencerId || p.influencerId === influencerId) && (!q || p.name.toLowerCase().includes(q)));
  }, [products, influencerId, search]);
  const late = shown.filter((p) => isLate(p, now)).length;
  const stages = [...BOARD_STAGES, ...(shown.some((p) => p.stage === 'LAUNCHED') ? (['LAUNCHED'] as const) : [])];

  return (
    <section class="page board-page" aria-labelledby="board-title">
      <div class="page-head">
        <h1 id="board-title">{t('board.title')}</h1>
        <a class="button primary" href={`${BASE}/products/new`} onClick={onLinkClick}>
          {t('board.new')}
        </a>
      </div>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="board-influencer">{t('board.influencer')}</label>
          <select id="board-influencer" value={influencerId} onChange={(e) => setInfluencerId((e.currentTarget).value)}>
            <option value="">{t('board.everyone')}</option>
            {influencers.map((i) => (
              <option key={i.id} value={i.id}>
                {i.displayName} (@{i.handle})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="board-search">{t('board.search')}</label>
          <input id="board-search" type="search" value={search} onInput={(e) => setSearch((e.currentTarget).value)} />
        </div>
        <p class="counts" role="status">
          {products ? t('board.counts', { n: shown.length, late }) : t('shell.loading')}
        </p>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="board">
        {stages.map((stage) => {
          const cards = shown.filter((p) => p.stage === stage);
          return (
            <section class="column" key={stage} aria-labelledby={`col-${stage}`} data-stage={stage}>
              <h2 id={`col-${stage}`}>
                {t(`stage.${stage}` as Key)} <span class="count">{cards.length}</span>
              </h2>
              {cards.length === 0 ? (
                <p class="empty">{t('board.none')}</p>
              ) : (
                <ul>
                  {cards.map((p) => (
                    <li key={p.id}>
                      <Card product={p} influencer={names.get(p.influencerId) ?? p.influencerId} now={now} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}

function Card({ product: p, influencer, now }: { product: ProductSummary; influencer: string; now: number }) {
  const { t, relative, time } = useI18n();
  const late = isLate(p, now);
  const by = p.pendingAction.by;
  return (
    <article class={`product-card${late ? ' late' : ''}`} data-product={p.id} aria-labelledby={`card-${p.id}`}>
      <h3 id={`card-${p.id}`}>
        <a href={`${BASE}/products/${p.id}`} onClick={onLinkClick}>
          {p.name}
        </a>
      </h3>
      <p class="influencer">{influencer}</p>
      {by && (
        <p class="waits">
          <span class={`who who-${by}`}>{t(`by.${by}` as Key)}</span> <span lang="en">{p.pendingAction.description}</span>
        </p>
      )}
      <dl class="times">
        <dt>{t('card.since')}</dt>
        <dd>
          <time dateTime={p.updatedAt} title={time(p.updatedAt)}>
            {relative(p.updatedAt, now)}
          </time>
        </dd>
        {p.due && (
          <>
            <dt>{t(`due.${p.due.kind}` as Key)}</dt>
            <dd>
              <time dateTime={p.due.at} title={time(p.due.at)}>
                {relative(p.due.at, now)}
              </time>
            </dd>
          </>
        )}
      </dl>
      {late && <p class="late-flag">{t('card.late')}</p>}
    </article>
  );
}
