import { ApolloProvider } from '@apollo/client/react';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { createApolloClient } from '../../apollo/client';
import { storeKey } from '../api-key';
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
