import { useQuery } from '@apollo/client/react';
import { Suspense } from 'react';
import { Link, NavLink, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from '../../auth/hooks/useAuth';
import { DrillProvider } from '../../drilldown/components/DrillProvider';
import { FilterBar } from '../../filters/components/FilterBar';
import { WORKSPACE_QUERY } from '../../workspace/graphql/workspace.query';
import { WorkspaceContext } from '../../workspace/hooks/useWorkspace';
import { useTheme } from '../hooks/useTheme';
import { PAGES, type PageEntry } from '../pages';
import { ErrorState } from './ErrorState';
import { Icon } from './Icon';

export function AppShell() {
  const { data, error, refetch } = useQuery(WORKSPACE_QUERY);
  const workspace = data?.workspace;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar workspaceName={workspace?.name} />
      <div className="content">
        {workspace ? (
          <WorkspaceContext.Provider value={workspace}>
            <Routes>
              {PAGES.map((page) => (
                <Route key={page.path} path={page.path} element={<PageFrame page={page} />} />
              ))}
              <Route path="*" element={<NotFound />} />
            </Routes>
          </WorkspaceContext.Provider>
        ) : error ? (
          <main id="main" className="page">
            <ErrorState title="The workspace could not be loaded" error={error} onRetry={() => void refetch()} />
          </main>
        ) : (
          <main id="main" className="page" aria-busy="true">
            <div className="skeleton skeleton-bar" />
          </main>
        )}
      </div>
    </div>
  );
}

function PageFrame({ page }: { page: PageEntry }) {
  const Page = page.component;
  return (
    <>
      <title>{`${page.label} · Resonance`}</title>
      {page.filtered && <FilterBar />}
      <main id="main" tabIndex={-1}>
        <DrillProvider>
          <Suspense fallback={<div className="page" aria-busy="true" />}>
            <Page />
          </Suspense>
        </DrillProvider>
      </main>
    </>
  );
}

function Sidebar({ workspaceName }: { workspaceName: string | undefined }) {
  const { search } = useLocation();
  const { theme, toggleTheme } = useTheme();
  const { signOut } = useAuth();
  return (
    <aside className="sidebar">
      {/* The aside spans the whole page height (its background); its content stays in view. */}
      <div className="sidebar-inner">
        <div className="sidebar-brand">
          <div className="brand-mark" aria-hidden="true">
            R
          </div>
          <div>
            <div className="brand-name">Resonance</div>
            <div className="workspace-name">{workspaceName ?? ' '}</div>
          </div>
        </div>
        <nav aria-label="Pages">
          <ul className="nav-list">
            {PAGES.map((page) => (
              <li key={page.path}>
                {/* Filters are kept across pages: they are the question, the page is the view. */}
                <NavLink to={{ pathname: page.path, search }} end={page.path === '/'} className="nav-link">
                  <Icon name={page.icon} />
                  <span>{page.label}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar-footer">
          <button
            type="button"
            className="ghost-button"
            onClick={toggleTheme}
            aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
          >
            <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
            <span>{theme === 'dark' ? 'Light theme' : 'Dark theme'}</span>
          </button>
          <button type="button" className="ghost-button" onClick={signOut}>
            <Icon name="signOut" />
            <span>Sign out</span>
          </button>
        </div>
      </div>
    </aside>
  );
}

function NotFound() {
  const { search } = useLocation();
  return (
    <main id="main" className="page">
      <title>Not found · Resonance</title>
      <section className="card state-card">
        <h1>There is no such page</h1>
        <p className="muted">The link may be from an older version of the dashboard.</p>
        <Link className="primary-button" to={{ pathname: '/', search }}>
          Go to the Overview
        </Link>
      </section>
    </main>
  );
}
