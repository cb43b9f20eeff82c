// The pages' entry: the shell (header with the language switch and sign-out, the main landmark), the
// session, and the route's page. Staff pages load as a chunk of their own, so the influencer's phone page
// (her magic link) loads only the shell and her page.
import { render, type ComponentChildren, type ComponentType } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { auth, currentSession, onUnauthorized, setSession, type Lang, type Session } from './api';
import { chosenLang, I18n, i18nValue, LANGS, rememberLang, useI18n } from './i18n';
import { BASE, navigate, onLinkClick, useRoute, type Route } from './router';
import { SignIn } from './pages/SignIn';
import { Me } from './pages/Me';

type StaffPages = typeof import('./pages/staff');

function App() {
  const route = useRoute();
  const [session, setLocalSession] = useState<Session | null>(currentSession());
  const [lang, setLang] = useState<Lang>(() => chosenLang());
  const i18n = useMemo(
    () =>
      i18nValue(lang, (l) => {
        rememberLang(l);
        setLang(l);
      }),
    [lang],
  );
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const signedIn = (s: Session | null) => {
    setSession(s);
    setLocalSession(s);
    if (s) setLang(chosenLang(s.language));
  };

  // Any 401 means the session ended: staff sign in again; her phone page says her link has ended.
  useEffect(
    () =>
      onUnauthorized(() => {
        const r = currentSession()?.role;
        signedIn(null);
        if (r !== 'influencer' && location.pathname !== `${BASE}/sign-in` && location.pathname !== `${BASE}/me`) navigate('/sign-in', true);
      }),
    [],
  );

  return (
    <I18n.Provider value={i18n}>
      <Shell route={route} session={session} onSignOut={() => signedIn(null)}>
        <Page route={route} session={session} onSession={signedIn} />
      </Shell>
    </I18n.Provider>
  );
}

function Shell({ route, session, onSignOut, children }: { route: Route; session: Session | null; onSignOut: () => void; children: ComponentChildren }) {
  const { t, lang, setLang } = useI18n();
  const staff = session?.role === 'staff';
  const signOut = async () => {
    await auth.signOut().catch(() => undefined);
    onSignOut();
    // Staff sign in again from the sign-in page; an influencer comes back through her link.
    navigate(staff ? '/sign-in' : '/me', true);
  };
  return (
    <>
      <a class="skip" href="#main">
        {t('shell.skip')}
      </a>
      <header class={`banner${route.page === 'me' ? ' compact' : ''}`}>
        <span class="brand">{t('shell.brand')}</span>
        {staff && (
          <nav aria-label={t('shell.nav')}>
            <a href={`${BASE}/`} onClick={onLinkClick} aria-current={route.page === 'board' ? 'page' : undefined}>
              {t('shell.board')}
            </a>
            <a href={`${BASE}/products/new`} onClick={onLinkClick} aria-current={route.page === 'new-product' ? 'page' : undefined}>
              {t('shell.newProduct')}
            </a>
          </nav>
        )}
        <div class="tools">
          <label class="lang">
            <span class="visually-hidden">{t('shell.language')}</span>
            <select value={lang} onChange={(e) => setLang((e.currentTarget).value as Lang)}>
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {l === 'en' ? 'English' : '简体中文'}
                </option>
              ))}
            </select>
          </label>
          {session && (
            <>
              <span class="who">{session.name}</span>
              <button type="button" class="link-button" onClick={signOut}>
                {t('shell.signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

function Page({ route, session, onSession }: { route: Route; session: Session | null; onSession: (s: Session | null) => void }) {
  const { t } = useI18n();
  switch (route.page) {
    case 'sign-in':
      return <SignIn onSession={onSession} />;
    case 'me':
      return <Me session={session} onSession={onSession} />;
    case 'not-found':
      return (
        <section class="page">
          <h1>{t('notFound.title')}</h1>
          <p>
            <a href={`${BASE}/`} onClick={onLinkClick}>
              {t('notFound.back')}
            </a>
          </p>
        </section>
      );
    case 'board':
    case 'new-product':
    case 'product':
      return <StaffArea route={route} session={session} onSession={onSession} />;
    default: {
      const unknown: never = route;
      return unknown;
    }
  }
}

let staffPages: Promise<StaffPages> | null = null;

/** Staff pages: the session first (else sign in), then the staff chunk. */
function StaffArea({ route, session, onSession }: { route: Extract<Route, { page: 'board' | 'new-product' | 'product' }>; session: Session | null; onSession: (s: Session | null) => void }) {
  const { t } = useI18n();
  const [pages, setPages] = useState<StaffPages | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (session) return;
    auth.current().then(onSession, () => navigate('/sign-in', true));
  }, [session]);
  useEffect(() => {
    if (session?.role === 'influencer') navigate('/me', true);
  }, [session]);
  useEffect(() => {
    staffPages ??= import('./pages/staff');
    staffPages.then(setPages, () => setFailed(true));
  }, []);
  if (failed) return <p role="alert">{t('error.network')}</p>;
  if (!session || session.role !== 'staff' || !pages) return <p class="loading">{t('shell.loading')}</p>;
  const View: ComponentType<{ route: typeof route }> = pages.StaffPage;
  return <View route={route} />;
}

// The "Loading…" index.html shows until the script runs goes; the app takes the container over.
const root = document.getElementById('app')!;
root.textContent = '';
render(<App />, root);
