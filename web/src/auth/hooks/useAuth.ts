import { createContext, useContext } from 'react';

export interface Auth {
  apiKey: string;
  signOut: () => void;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth() outside <AuthGate>');
  return auth;
}
