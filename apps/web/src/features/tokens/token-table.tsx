import { formatDate, formatDateTime, relativeTime } from '@/lib/format';
import { TokenRevokeDialog } from './token-revoke-dialog';
import type { PersonalAccessToken } from './use-tokens';

function Expiry({ expiresAt }: { expiresAt: string | null }) {
  if (!expiresAt) return <span className="text-muted-foreground">Never</span>;
  const soon = new Date(expiresAt).getTime() - Date.now() < 7 * 24 * 3600 * 1000;
  return (
    <time
      dateTime={expiresAt}
      title={formatDateTime(expiresAt)}
      className={soon ? 'text-warning' : undefined}
    >
      {formatDate(expiresAt)}
    </time>
  );
}

export function TokenTable({ tokens }: { tokens: PersonalAccessToken[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Your API tokens</caption>
        <thead className="border-b bg-muted/40 text-left text-xs font-medium text-muted-foreground">
          <tr>
            <th scope="col" className="px-6 py-2.5 font-medium">
              Name
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Token
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Created
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Last used
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Expires
            </th>
            <th scope="col" className="px-6 py-2.5">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {tokens.map((token) => (
            <tr key={token.id}>
              <td className="px-6 py-3 font-medium">{token.name}</td>
              <td className="px-3 py-3">
                <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{token.prefix}…</code>
              </td>
              <td className="px-3 py-3 whitespace-nowrap">
                <time dateTime={token.createdAt} title={formatDateTime(token.createdAt)}>
                  {formatDate(token.createdAt)}
                </time>
              </td>
              <td className="px-3 py-3 whitespace-nowrap">
                {token.lastUsedAt ? (
                  <time dateTime={token.lastUsedAt} title={formatDateTime(token.lastUsedAt)}>
                    {relativeTime(token.lastUsedAt)}
                  </time>
                ) : (
                  <span className="text-muted-foreground">Never used</span>
                )}
              </td>
              <td className="px-3 py-3 whitespace-nowrap">
                <Expiry expiresAt={token.expiresAt} />
              </td>
              <td className="px-6 py-3 text-right">
                <TokenRevokeDialog token={token} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
