import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { AppShell } from './app/components/AppShell';
import { ThemeProvider } from './app/components/ThemeProvider';
import './app/styles.css';
import { preloadPage } from './app/pages';
import { adoptKeyFromLocation } from './auth/api-key';
import { AuthGate } from './auth/components/AuthGate';

// Before anything renders, so the key never stays in the address bar.
const initialKey = adoptKeyFromLocation();
if (initialKey) preloadPage(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

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
);
