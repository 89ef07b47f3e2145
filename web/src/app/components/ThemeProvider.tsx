import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ThemeName } from '../../charts/palette';
import { ThemeContext } from '../hooks/useTheme';

// index.html applies the stored theme before the first paint with this same key.
const STORAGE_KEY = 'resonance.theme';

function initialTheme(): ThemeName {
  const applied = document.documentElement.dataset['theme'];
  if (applied === 'light' || applied === 'dark') return applied;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function ThemeProvider({ children }: { children: ReactNode }) {
  const [theme, setTheme] = useState<ThemeName>(initialTheme);

  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);

  const toggleTheme = useCallback(() => {
    setTheme((current) => {
      const next = current === 'dark' ? 'light' : 'dark';
      try {
        window.localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Storage disabled: the choice lasts for this page.
      }
      return next;
    });
  }, []);

  const value = useMemo(() => ({ theme, toggleTheme }), [theme, toggleTheme]);
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}
