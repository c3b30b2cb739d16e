import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { onUnauthorized, loadSession, Role, saveSession, Session } from './api';
import {
  AuditLogPage,
  DepartmentsPage,
  IndustryChainsPage,
  UsersPage,
  DisplayTokensPage,
} from './components/admin-pages';
import { ConferencesPage } from './components/conferences-page';
import { DossierPage, EnterprisesPage } from './components/enterprises-page';
import { ImportPage } from './components/import-page';
import { InboxPage } from './components/inbox-page';
import { SupervisionPage } from './components/supervision';
import { DashboardProjectsPage } from './components/dashboard-projects-page';
import { LoginPage } from './components/login-page';
import {
  CooperationPage,
  CooperationsPage,
  DemandBoardPage,
  MatchmakingEventPage,
  MatchmakingEventsPage,
} from './components/matchmaking-pages';
import { NewProjectPage } from './components/new-project-page';
import { DeliveriesPage, NotificationBell, NotificationsPage, WebhooksPage } from './components/notification-pages';
import { ProjectPage } from './components/project-page';
import { ProjectsPage } from './components/projects-page';
import { ReportPage, ReportsPage } from './components/reports-page';
import { ScorecardItemsPage, ScorecardsPage } from './components/scorecards-page';
import { MessageKey, useI18n } from './i18n';
import { clearReferenceData } from './reference';
import { href, navigate, Route, useRoute } from './router';
import { preloadable } from './preloadable';

// ECharts is most of the bundle and only the dashboard needs it: load it with that page.
const { Page: DashboardPage, preload: preloadDashboardPage } = preloadable(() =>
  import('./components/dashboard-page').then((m) => m.DashboardPage),
);
const WallPage = lazy(() => import('./components/wall-page').then((m) => ({ default: m.WallPage })));
const MatchmakingDashboardPage = lazy(() =>
  import('./components/matchmaking-dashboard-page').then((m) => ({ default: m.MatchmakingDashboardPage })),
);

interface NavItem {
  path: string;
  label: MessageKey;
  roles: Role[];
}

const NAV: NavItem[] = [
  { path: '/dashboard', label: 'nav.dashboard', roles: ['leader', 'taskforce', 'admin'] },
  { path: '/reviews', label: 'nav.reviews', roles: ['reviewer'] },
  { path: '/projects', label: 'nav.projects', roles: ['taskforce', 'admin', 'reviewer', 'leader'] },
  { path: '/projects/new', label: 'nav.newProject', roles: ['taskforce', 'admin'] },
  { path: '/inbox', label: 'nav.inbox', roles: ['department', 'taskforce', 'admin'] },
  { path: '/supervision', label: 'nav.supervision', roles: ['leader', 'taskforce', 'admin'] },
  { path: '/enterprises', label: 'nav.enterprises', roles: ['leader', 'taskforce', 'admin', 'reviewer', 'department'] },
  { path: '/conferences', label: 'nav.conferences', roles: ['leader', 'taskforce', 'admin'] },
  { path: '/scorecards', label: 'nav.scorecards', roles: ['leader', 'taskforce', 'admin', 'department'] },
  { path: '/reports', label: 'nav.reports', roles: ['leader', 'taskforce', 'admin', 'department'] },
  { path: '/import', label: 'nav.import', roles: ['taskforce', 'admin'] },
  { path: '/matchmaking/demands', label: 'nav.demands', roles: ['leader', 'taskforce', 'admin'] },
  { path: '/matchmaking/events', label: 'nav.matchmakingEvents', roles: ['leader', 'taskforce', 'admin'] },
  { path: '/matchmaking/dashboard', label: 'nav.matchmakingDashboard', roles: ['leader', 'taskforce', 'admin'] },
  { path: '/admin/users', label: 'nav.users', roles: ['admin'] },
  { path: '/admin/departments', label: 'nav.departments', roles: ['admin'] },
  { path: '/admin/industry-chains', label: 'nav.industryChains', roles: ['admin'] },
  { path: '/admin/audit-log', label: 'nav.auditLog', roles: ['admin'] },
  { path: '/admin/displays', label: 'nav.displays', roles: ['admin'] },
  { path: '/admin/webhooks', label: 'nav.webhooks', roles: ['admin'] },
];

/** Where each role starts: its main work. */
const HOME: Record<Role, string> = {
  leader: '/dashboard',
  admin: '/dashboard',
  taskforce: '/projects',
  reviewer: '/reviews',
  department: '/inbox',
};

export function App() {
  const i18n = useI18n();
  const { t, code, lang, setLang } = i18n;
  const route = useRoute();
  const [session, setSession] = useState<Session | null>(loadSession);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t('app.title')} · ${t('app.subtitle').split(' · ')[0]}`;
  }, [lang, t]);

  // Most users land on the dashboard: while the login page waits for them, its code (ECharts
  // above all) is fetched and evaluated, so signing in is followed at once by the data requests.
  useEffect(() => {
    if (session) return;
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    idle(() => void preloadDashboardPage());
  }, [session]);

  useEffect(() => {
    onUnauthorized(() => {
      saveSession(null);
      setSession(null);
      setExpired(true);
    });
  }, []);

  const signIn = (next: Session) => {
    saveSession(next);
    clearReferenceData();
    setExpired(false);
    setSession(next);
    navigate(HOME[next.user.role]);
  };

  const signOut = () => {
    saveSession(null);
    clearReferenceData();
    setSession(null);
    navigate('/login');
  };

  const nav = session ? NAV.filter((item) => item.roles.includes(session.user.role)) : [];
  const active = nav
    .filter((item) => route.path.startsWith(item.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const navElement = useRef<HTMLElement>(null);

  // On a phone the navigation is one line that scrolls sideways: keep the current page's item in sight.
  useEffect(() => {
    const current = navElement.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (navElement.current && current)
      navElement.current.scrollLeft = current.offsetLeft - navElement.current.offsetLeft - 12;
  }, [active?.path]);

  // The wall screen has no navigation and no session: its display token is its own.
  if (route.path === '/wall') {
    return (
      <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
        <WallPage route={route} />
      </Suspense>
    );
  }

  return (
    <>
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            落
          </span>
          <div>
            <div className="brand-title">{t('app.title')}</div>
            <div className="brand-subtitle">{t('app.subtitle')}</div>
          </div>
        </div>
        {session ? (
          <nav className="nav" aria-label={t('nav.main')} ref={navElement}>
            {nav.map((item) => (
              <a key={item.path} href={href(item.path)} aria-current={item === active ? 'page' : undefined}>
                {t(item.label)}
              </a>
            ))}
          </nav>
        ) : null}
        <div className="topbar-tools">
          {session ? <NotificationBell key={session.user.id} /> : null}
          {session ? (
            <span className="whoami">
              {session.user.username} · {code('role', session.user.role)}
            </span>
          ) : null}
          <button
            type="button"
            className="link-button"
            aria-label={t('lang.switchLabel')}
            onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
          >
            {t('lang.switch')}
          </button>
          {session ? (
            <button type="button" className="link-button" onClick={signOut}>
              {t('nav.logout')}
            </button>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {session ? <Page route={route} session={session} /> : <LoginPage onSignedIn={signIn} expired={expired} />}
      </main>
    </>
  );
}

function Page({ route, session }: { route: Route; session: Session }) {
  const { t } = useI18n();
  const [first, second] = route.segments;
  const role = session.user.role;
  if (first === 'dashboard' && second === 'projects') return <DashboardProjectsPage route={route} />;
  if (first === 'dashboard') {
    return (
      <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
        <DashboardPage route={route} />
      </Suspense>
    );
  }
  if (first === 'projects' && second === 'new') return <NewProjectPage />;
  if (first === 'projects' && second) return <ProjectPage id={second} user={session.user} />;
  if (first === 'projects') return <ProjectsPage route={route} />;
  if (first === 'reviews') return <ProjectsPage route={route} reviewQueue />;
  if (first === 'inbox') return <InboxPage route={route} user={session.user} />;
  if (first === 'supervision' && role !== 'department' && role !== 'reviewer') return <SupervisionPage route={route} />;
  if (first === 'enterprises' && second) return <DossierPage id={second} user={session.user} />;
  if (first === 'enterprises') return <EnterprisesPage route={route} user={session.user} />;
  if (first === 'import' && (role === 'taskforce' || role === 'admin')) return <ImportPage />;
  if (first === 'conferences') return <ConferencesPage route={route} user={session.user} />;
  if (first === 'scorecards' && second && role !== 'reviewer')
    return <ScorecardItemsPage code={second} route={route} />;
  if (first === 'scorecards' && role !== 'reviewer') return <ScorecardsPage route={route} user={session.user} />;
  if (first === 'reports' && second && role !== 'reviewer') return <ReportPage id={second} />;
  if (first === 'reports' && role !== 'reviewer') return <ReportsPage route={route} user={session.user} />;
  if (first === 'matchmaking') {
    const third = route.segments[2];
    if (second === 'dashboard' && role !== 'department' && role !== 'reviewer') {
      return (
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <MatchmakingDashboardPage route={route} />
        </Suspense>
      );
    }
    if (second === 'demands') return <DemandBoardPage route={route} user={session.user} />;
    if (second === 'events' && third) return <MatchmakingEventPage id={third} />;
    if (second === 'events') return <MatchmakingEventsPage route={route} user={session.user} />;
    if (second === 'cooperations' && third) return <CooperationPage id={third} user={session.user} />;
    if (second === 'cooperations') return <CooperationsPage route={route} user={session.user} />;
  }
  if (first === 'admin' && second === 'users' && role === 'admin')
    return <UsersPage route={route} user={session.user} />;
  if (first === 'admin' && second === 'departments' && role === 'admin') return <DepartmentsPage route={route} />;
  if (first === 'admin' && second === 'industry-chains' && role === 'admin')
    return <IndustryChainsPage route={route} />;
  if (first === 'admin' && second === 'audit-log' && role === 'admin') return <AuditLogPage route={route} />;
  if (first === 'admin' && second === 'displays' && role === 'admin') return <DisplayTokensPage route={route} />;
  if (first === 'notifications') return <NotificationsPage route={route} />;
  if (first === 'admin' && second === 'webhooks' && role === 'admin') {
    const third = route.segments[2];
    return third ? <DeliveriesPage id={third} route={route} /> : <WebhooksPage />;
  }
  // Unknown or empty route (including #/login after signing in): the role's home.
  return <Redirect to={HOME[role]} />;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to), [to]);
  return null;
}
