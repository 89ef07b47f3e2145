import { useState, type FormEvent } from 'react';
import { keyFromFragment } from '../api-key';

export type SignInReason = 'none' | 'rejected';

export interface SignInProps {
  reason: SignInReason;
  onSignIn: (key: string) => void;
}

export function SignIn({ reason, onSignIn }: SignInProps) {
  const [value, setValue] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Accept the whole link `npm start` prints as well as the bare key.
    const key = keyFromFragment(value.slice(value.indexOf('#'))) ?? value.trim();
    if (key) onSignIn(key);
  };

  return (
    <main className="sign-in" id="main">
      <form className="card sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <div className="brand-mark" aria-hidden="true">
          R
        </div>
        <h1 id="sign-in-title">Sign in to Resonance</h1>
        {reason === 'rejected' ? (
          <p className="notice notice-error" role="alert">
            That key was not accepted: it may have been revoked or belong to another server. Paste a current key.
          </p>
        ) : (
          <p className="muted">
            Paste your API key, or the link <code>npm start</code> printed (it ends in <code>#key=…</code>).
          </p>
        )}
        <label className="field">
          <span>API key</span>
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder="rk_…"
            required
            autoFocus
          />
        </label>
        <button type="submit" className="primary-button" disabled={value.trim() === ''}>
          Sign in
        </button>
      </form>
    </main>
  );
}
