import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Card } from '../../app/components/Card';
import { ErrorState } from '../../app/components/ErrorState';
import { Loadable } from '../../app/components/Loadable';
import type { Role } from '../../auth/graphql/caller.query';
import { formatDateTime } from '../../format/format';
import { DataTable, type Column } from '../../tables/components/DataTable';
import { API_KEYS_QUERY, type ApiKeyInfo } from '../graphql/api-keys.query';
import { CREATE_API_KEY_MUTATION } from '../graphql/create-api-key.mutation';
import { REVOKE_API_KEY_MUTATION } from '../graphql/revoke-api-key.mutation';
import { keyNameProblem, MAX_KEY_NAME, ROLE_CHOICES, sortKeys } from '../key-form';

const ROLE_LABEL = Object.fromEntries(ROLE_CHOICES.map((c) => [c.role, c.label])) as Record<Role, string>;

/** A new key's secret, shown once with a copy button: the api keeps only its hash. */
function NewSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // No clipboard permission (an insecure origin, a denied prompt): the text is selectable.
      setCopied('failed');
    }
  };
  return (
    <div className="notice notice-good new-key" role="status" data-new-key="">
      <p>
        <strong>Key “{name}” created.</strong> Copy its secret now: it is shown only once.
      </p>
      <div className="new-key-secret">
        <code data-secret="">{secret}</code>
        <button type="button" className="primary-button" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          Done
        </button>
      </div>
      {copied === 'failed' && (
        <p className="muted">The browser refused the clipboard: select the secret and copy it.</p>
      )}
    </div>
  );
}

/**
 * The workspace's API keys for admins (Data page): the list, a new key (its secret shown once)
 * and revoking one after a confirmation. The api's `apiKeys`, `createApiKey`, `revokeApiKey`.
 * Last use is not shown: the api does not record it.
 */
export function KeysCard({ ownKeyId }: { ownKeyId: string }) {
  const keys = useQuery(API_KEYS_QUERY);
  const [create, created] = useMutation(CREATE_API_KEY_MUTATION, { refetchQueries: [API_KEYS_QUERY] });
  const [revoke, revoked] = useMutation(REVOKE_API_KEY_MUTATION, { refetchQueries: [API_KEYS_QUERY] });
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('VIEWER');
  const [touched, setTouched] = useState(false);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [confirming, setConfirming] = useState<ApiKeyInfo | null>(null);
  const problem = keyNameProblem(name);

  const submit = async () => {
    setTouched(true);
    if (problem) return;
    const result = await create({ variables: { name: name.trim(), role } }).catch(() => null);
    if (result?.data) {
      setSecret({ name: result.data.createApiKey.key.name, secret: result.data.createApiKey.secret });
      setName('');
      setTouched(false);
    }
  };

  const confirmRevoke = async () => {
    if (!confirming) return;
    await revoke({ variables: { id: confirming.id } }).catch(() => null);
    setConfirming(null);
  };

  const columns: Column<ApiKeyInfo>[] = [
    {
      id: 'name',
      header: 'Name',
      value: (k) => k.name,
      render: (k) => (
        <span className="cell-text">
          {k.name}
          {k.id === ownKeyId && <span className="muted"> · this browser’s key</span>}
        </span>
      ),
    },
    { id: 'role', header: 'Role', value: (k) => k.role, render: (k) => ROLE_LABEL[k.role] },
    { id: 'createdAt', header: 'Created', value: (k) => k.createdAt, render: (k) => formatDateTime(k.createdAt) },
    {
      id: 'status',
      header: 'Status',
      value: (k) => (k.revokedAt ? `revoked ${k.revokedAt}` : 'active'),
      render: (k) =>
        k.revokedAt ? (
          <span className="badge badge-failed">revoked {formatDateTime(k.revokedAt)}</span>
        ) : (
          <span className="badge badge-succeeded">active</span>
        ),
    },
    {
      id: 'actions',
      header: 'Actions',
      value: () => null,
      render: (k) =>
        k.revokedAt ? null : (
          <button
            type="button"
            className="link-button"
            aria-label={`Revoke ${k.name}`}
            onClick={() => setConfirming(k)}
            disabled={revoked.loading}
          >
            Revoke
          </button>
        ),
    },
  ];

  const rows = sortKeys(keys.data?.apiKeys ?? []);

  return (
    <Card
      id="api-keys"
      title="API keys"
      description="Admins only. A key signs in the dashboard and the api; its role decides what it sees: viewer (aggregates), analyst (also rows and uploads), admin (also keys)."
      wide
    >
      <form
        className="form-row keys-form"
        aria-label="New API key"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span>Key name</span>
          <input
            type="text"
            value={name}
            maxLength={MAX_KEY_NAME + 50}
            placeholder="e.g. analyst laptop"
            aria-invalid={touched && problem !== null}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Role</span>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLE_CHOICES.map((c) => (
              <option key={c.role} value={c.role}>
                {c.label}: {c.detail}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary-button" disabled={created.loading}>
          {created.loading ? 'Creating…' : 'Create key'}
        </button>
      </form>
      {touched && problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      {created.error && <ErrorState title="The key could not be created" error={created.error} />}
      {secret && <NewSecret {...secret} onDone={() => setSecret(null)} />}

      {confirming && (
        <div className="notice notice-error confirm-revoke" role="alertdialog" aria-label="Confirm revoking the key">
          <p>
            Revoke “{confirming.name}” ({ROLE_LABEL[confirming.role].toLowerCase()})? Requests with it are refused from
            then on{confirming.id === ownKeyId ? ', including this browser’s: you will be signed out' : ''}. This cannot
            be undone.
          </p>
          <div className="form-row">
            <button type="button" className="primary-button" onClick={() => void confirmRevoke()} autoFocus>
              Revoke key
            </button>
            <button type="button" className="link-button" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {revoked.error && <ErrorState title="The key could not be revoked" error={revoked.error} />}

      <Loadable
        ready={keys.data !== undefined}
        error={keys.error}
        empty={rows.length === 0}
        emptyText="No keys yet."
        what="The keys"
        skeleton="table"
        onRetry={() => void keys.refetch()}
      >
        <DataTable id="api-keys" title="API keys" columns={columns} rows={rows} rowKey={(k) => k.id} />
      </Loadable>
    </Card>
  );
}
