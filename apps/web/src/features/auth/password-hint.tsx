import { Check, Circle, X } from 'lucide-react';
import { cn } from '@/lib/utils';

type RuleState = 'idle' | 'met' | 'unmet' | 'server';

/**
 * The password rules, checked live where the browser can; the api is the judge (it also refuses
 * common passwords, which only it knows), and its word appears under the field.
 */
export function PasswordHint({ password, email }: { password: string; email: string }) {
  const length = [...password.normalize('NFKC')].length;
  const local = email.trim().toLowerCase().split('@')[0] ?? '';
  const rules: Array<{ label: string; state: RuleState }> = [
    {
      label: '12 to 128 characters',
      state: length === 0 ? 'idle' : length >= 12 && length <= 128 ? 'met' : 'unmet',
    },
    { label: 'Not a commonly used password', state: 'server' },
    {
      label: 'Does not contain your email address',
      state:
        length === 0 || local.length < 3
          ? 'idle'
          : password.normalize('NFKC').toLowerCase().includes(local)
            ? 'unmet'
            : 'met',
    },
  ];
  return (
    <ul className="grid gap-1">
      {rules.map((rule) => (
        <li
          key={rule.label}
          className={cn(
            'flex items-center gap-1.5',
            rule.state === 'met' && 'text-success',
            rule.state === 'unmet' && 'text-destructive',
          )}
        >
          {rule.state === 'met' ? (
            <Check aria-hidden="true" className="size-3.5" />
          ) : rule.state === 'unmet' ? (
            <X aria-hidden="true" className="size-3.5" />
          ) : (
            <Circle aria-hidden="true" className="size-3.5 p-0.5" />
          )}
          {rule.label}
          {rule.state === 'met' && <span className="sr-only">(done)</span>}
          {rule.state === 'unmet' && <span className="sr-only">(not yet)</span>}
        </li>
      ))}
    </ul>
  );
}
