import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { AppShell } from './app/components/AppShell';
import { ThemeProvider } from './app/components/ThemeProvider';
import './app/styles.css';
import { adoptInlineRequests, peekEarly, registerEarlyDocument, sendEarly } from './apollo/early';
import { preloadPage } from './app/pages';
import { adoptKeyFromLocation } from './auth/api-key';
import { AuthGate } from './auth/components/AuthGate';
import { overviewOperation } from './overview/early';
import { workspaceOf, workspaceOperation } from './workspace/early';
import { WORKSPACE_QUERY } from './workspace/graphql/workspace.query';

/** The longest React waits for the workspace before rendering the shell without it. */
const WORKSPACE_WAIT_MS = 1000;

// Before anything renders, so the key never stays in the address bar.
const initialKey = adoptKeyFromLocation();
adoptInlineRequests();
registerEarlyDocument('Workspace', WORKSPACE_QUERY);
let workspaceKnown: Promise<unknown> = Promise.resolve();
if (initialKey) {
  const { pathname, search } = window.location;
  // The page's code and first queries load together: the Overview's query needs the workspace's
  // latest data day, which index.html's early request is already fetching.
  preloadPage(pathname);
  const workspace = peekEarly(initialKey, 'Workspace') ?? sendEarly(initialKey, workspaceOperation());
  if (pathname === '/') {
    void workspace.then((result) => {
      const found = workspaceOf(result);
      if (found) void sendEarly(initialKey, overviewOperation(found, search, new Date()));
    });
  }
  // React starts once the workspace is in (it usually is by now): the first render then shows the
  // page from the primed cache instead of a skeleton shell, and the Overview's query has left.
  workspaceKnown = Promise.race([workspace, new Promise((resolve) => setTimeout(resolve, WORKSPACE_WAIT_MS))]);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

void workspaceKnown.then(() =>
  createRoot(root).render(
    <StrictMode>
      <ThemeProvider>
        <BrowserRouter>
          <AuthGate initialKey={initialKey}>
            <AppShell />
          </AuthGate>
        </BrowserRouter>
      </ThemeProvider>
    </StrictMode>,
  ),
);
