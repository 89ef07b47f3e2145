import { createContext, useContext } from 'react';
import type { ThemeName } from '../../charts/palette';

export interface ThemeState {
  theme: ThemeName;
  toggleTheme: () => void;
}

export const ThemeContext = createContext<ThemeState | null>(null);

export function useTheme(): ThemeState {
  const state = useContext(ThemeContext);
  if (!state) throw new Error('useTheme() outside <ThemeProvider>');
  return state;
}
