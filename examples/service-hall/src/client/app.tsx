/**
 * The console's shell: sign-in, the header with the member and the language toggle, the
 * navigation, and the screen the hash route names.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { SIGNED_OUT_EVENT } from './api.js';
import { useAppTexts } from './app-texts.js';
import { initialLocale, keepLocale, LocaleContext, type Locale } from './i18n.js';
import { DashboardPage } from './pages/dashboard/dashboard-page.js';
import { EnterprisePage, EnterpriseSearchPage } from './pages/enterprise/enterprise-page.js';
import { IntakePage } from './pages/intake/intake-page.js';
import { QueuePage } from './pages/queue/queue-page.js';
import { RequestPage } from './pages/request/request-page.js';
import { RulesPage } from './pages/rules/rules-page.js';
import { href, match, navigate, useRoute } from './router.js';
import { loadSession, SessionContext, type HallSession } from './session.js';
import { useShared } from './shared-texts.js';
import { SignIn } from './sign-in.js';

const NAV = [
  { key: 'intake', path: '/intake' },
  { key: 'queue', path: '/queue' },
  { key: 'enterprises', path: '/enterprises' },
  { key: 'rules', path: '/rules' },
  { key: 'dashboard', path: '/dashboard' },
] as const;

/** Where each member starts: captains report, the station head watches, others work their queue. */
function homeOf(session: HallSession): string {
  if (session.is('station_head') || session.is('office_staff')) return '/dashboard';
  if (session.is('captain')) return '/intake';
  return '/queue';
}

function Screen({ session }: { session: HallSession }) {
  const route = useRoute();
  const { path } = route;
  let params: Record<string, string> | null;
  if (path === '/' || path === '') {
    navigate(homeOf(session));
    return null;
  }
  if (path === '/intake') return <IntakePage />;
  if (path === '/queue') return <QueuePage />;
  if ((params = match('/requests/:id', path))) return <RequestPage id={params['id']!} />;
  if (path === '/enterprises') return <EnterpriseSearchPage />;
  if ((params = match('/enterprises/:id', path))) return <EnterprisePage id={params['id']!} />;
  if (path === '/rules') return <RulesPage />;
  if (path === '/dashboard') return <DashboardPage />;
  navigate(homeOf(session));
  return null;
}

function Shell({ session, locale, setLocale }: { session: HallSession; locale: Locale; setLocale: (l: Locale) => void }) {
  const t = useAppTexts();
  const shared = useShared();
  const { path } = useRoute();
  const roles = session.member.roles.map((r) => shared.role[r.role] ?? r.role).join(' · ');
  return (
    <div class="shell">
      <header class="topbar">
        <a class="brand" href={href('/')}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>
            <strong>{shared.appName}</strong>
            <small>{session.office.name}</small>
          </span>
        </a>
        <div class="topbar__me">
          <span class="topbar__who" data-testid="signed-in-as" title={t.signedInAs}>
            {session.member.name}
            <small>{roles}</small>
          </span>
          <button type="button" class="button button--ghost button--small" lang={locale === 'en' ? 'zh-CN' : 'en'} aria-label={t.languageLabel} data-testid="language-toggle" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
            {t.language}
          </button>
          <button type="button" class="button button--ghost button--small" onClick={() => void session.signOut()}>
            {t.switchUser}
          </button>
        </div>
      </header>
      <nav class="nav" aria-label={shared.appName}>
        {NAV.map((item) => (
          <a key={item.key} href={href(item.path)} class={path.startsWith(item.path) || (item.key === 'queue' && path.startsWith('/requests')) ? 'nav__item nav__item--active' : 'nav__item'} data-nav={item.key}>
            {t.nav[item.key]}
          </a>
        ))}
      </nav>
      <main class="content">
        <Screen session={session} />
      </main>
    </div>
  );
}

export function App() {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [session, setSession] = useState<HallSession | null | undefined>(undefined);
  const setLocale = useCallback((next: Locale) => {
    keepLocale(next);
    setLocaleState(next);
  }, []);
  const refresh = useCallback(() => {
    setSession(undefined);
    void loadSession(() => setSession(null)).then(setSession, () => setSession(null));
  }, []);
  useEffect(() => {
    keepLocale(locale);
    refresh();
    // Any screen's call that finds the sign-in gone brings the member back to the sign-in screen.
    const signedOut = (): void => setSession(null);
    addEventListener(SIGNED_OUT_EVENT, signedOut);
    return () => removeEventListener(SIGNED_OUT_EVENT, signedOut);
  }, []);

  return (
    <LocaleContext.Provider value={locale}>
      {session === undefined ? (
        <Loading />
      ) : session === null ? (
        <div class="shell shell--signed-out">
          <header class="topbar">
            <span class="brand">
              <img src="/favicon.svg" alt="" width={28} height={28} />
              <LocalizedName />
            </span>
            <button type="button" class="button button--ghost button--small" data-testid="language-toggle" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
              {locale === 'en' ? '中文' : 'English'}
            </button>
          </header>
          <SignIn
            onSignedIn={() => {
              location.hash = '/';
              refresh();
            }}
          />
        </div>
      ) : (
        <SessionContext.Provider value={session}>
          <Shell session={session} locale={locale} setLocale={setLocale} />
        </SessionContext.Provider>
      )}
    </LocaleContext.Provider>
  );
}

function LocalizedName() {
  return <strong>{useShared().appName}</strong>;
}

function Loading() {
  return <p class="splash">{useAppTexts().loadingSession}</p>;
}
