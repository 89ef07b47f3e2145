import { ApolloProvider } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createApolloClient } from '../../apollo/client';
import { storeKey, takeKeyFromLocation } from '../api-key';
import { AuthContext } from '../hooks/useAuth';
import { SignIn, type SignInReason } from './SignIn';

/** Shows the sign-in screen until there is a key; an UNAUTHENTICATED answer brings it back. */
export function AuthGate({ initialKey, children }: { initialKey: string | null; children: ReactNode }) {
  const [apiKey, setApiKey] = useState(initialKey);
  const [reason, setReason] = useState<SignInReason>('none');

  const signOut = useCallback(() => {
    storeKey(null);
    setApiKey(null);
    setReason('none');
  }, []);

  // A link with #key= opened in a tab that already shows the app changes only the fragment: no
  // reload, so the key is picked up here.
  useEffect(() => {
    const onHashChange = () => {
      const key = takeKeyFromLocation();
      if (key) {
        setApiKey(key);
        setReason('none');
      }
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const client = useMemo(
    () =>
      apiKey
        ? createApolloClient({
            apiKey,
            onUnauthenticated: () => {
              storeKey(null);
              setApiKey(null);
              setReason('rejected');
            },
          })
        : null,
    [apiKey],
  );

  const auth = useMemo(() => (apiKey ? { apiKey, signOut } : null), [apiKey, signOut]);

  if (!client || !auth) {
    return (
      <SignIn
        reason={reason}
        onSignIn={(key) => {
          storeKey(key);
          setApiKey(key);
        }}
      />
    );
  }
  return (
    <AuthContext.Provider value={auth}>
      <ApolloProvider client={client}>{children}</ApolloProvider>
    </AuthContext.Provider>
  );
}
