// Staff sign in with a one-time link mailed to them: the email form asks for it (POST /auth/sign-in-links);
// the link opens this page with #token=…, exchanged for the cookie session (POST /auth/sessions), the
// token taken out of the address bar, and on to the board.
import { useEffect, useState } from 'preact/hooks';
import { failureMessage, auth, type Session } from '../api';
import { useI18n } from '../i18n';
import { dropFragment, navigate, tokenInFragment } from '../router';

export function SignIn({ onSession }: { onSession: (s: Session) => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ kind: 'form' } | { kind: 'opening' } | { kind: 'sent' } | { kind: 'refused'; message: string }>(() =>
    tokenInFragment() ? { kind: 'opening' } : { kind: 'form' },
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The link's token, on opening the page and when a link is opened in a tab already on it (only the fragment changes).
  useEffect(() => {
    const consume = () => {
      const token = tokenInFragment();
      if (!token) return;
      dropFragment();
      setState({ kind: 'opening' });
      auth.open(token).then(
        (session) => {
          onSession(session);
          navigate(session.role === 'influencer' ? '/me' : '/', true);
        },
        (err: unknown) => setState({ kind: 'refused', message: failureMessage(err, t) }),
      );
    };
    consume();
    window.addEventListener('hashchange', consume);
    return () => window.removeEventListener('hashchange', consume);
  }, []);

  const request = async (e: Event) => {
    e.preventDefault();
    const email = ((e.currentTarget as HTMLFormElement).elements.namedItem('email') as HTMLInputElement).value.trim();
    setBusy(true);
    setError(null);
    try {
      await auth.requestLink(email);
      setState({ kind: 'sent' });
    } catch (err) {
      setError(failureMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="page narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      {state.kind === 'opening' && <p role="status">{t('signIn.opening')}</p>}
      {state.kind === 'sent' && <p role="status">{t('signIn.sent')}</p>}
      {state.kind === 'refused' && (
        <p class="error" role="alert">
          {state.message}
        </p>
      )}
      {(state.kind === 'form' || state.kind === 'refused' || state.kind === 'sent') && (
        <form onSubmit={request} class="action">
          <p class="hint">{t('signIn.explain')}</p>
          <div class="field">
            <label for="sign-in-email">{t('signIn.email')}</label>
            <input id="sign-in-email" name="email" type="email" autoComplete="email" required />
          </div>
          <div class="buttons">
            <button type="submit" class="primary" disabled={busy}>
              {busy ? t('form.working') : t('signIn.send')}
            </button>
          </div>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
