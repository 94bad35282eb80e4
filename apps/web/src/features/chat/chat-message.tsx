import { Code, Lightbulb, ShieldAlert, Sparkles } from 'lucide-react';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { formatCount } from '@/features/jobs/job-format';
import { cn } from '@/lib/utils';
import { AnswerChart } from './answer-chart';
import type { ChatMessage, ChatResult } from './use-chat';

const numericType =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|DOUBLE|FLOAT|REAL|DECIMAL)/i;

function ResultTable({ result }: { result: ChatResult }) {
  const numeric = result.columns.map((column) => numericType.test(column.sqlType));
  // One number is the answer itself: the sentence says it, a table would only repeat it.
  if (result.rows.length === 1 && result.columns.length === 1) return null;
  return (
    <div className="grid gap-1.5">
      <div className="max-h-72 overflow-auto rounded-lg border">
        <table className="w-full text-xs" aria-label="Result rows">
          <thead className="sticky top-0 bg-muted text-left">
            <tr>
              {result.columns.map((column, index) => (
                <th
                  key={column.name}
                  scope="col"
                  className={cn(
                    'px-2.5 py-1.5 font-medium whitespace-nowrap',
                    numeric[index] && 'text-right',
                  )}
                  title={column.sqlType}
                >
                  <span className="font-mono">{column.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row, rowIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: result rows have no identity but their place
              <tr key={rowIndex} className="border-t">
                {row.map((value, index) => (
                  <td
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells by column position
                    key={index}
                    className={cn(
                      'max-w-72 truncate px-2.5 py-1 font-mono whitespace-nowrap',
                      numeric[index] && 'text-right tabular-nums',
                    )}
                  >
                    {value === null ? (
                      <span className="text-muted-foreground italic">null</span>
                    ) : (
                      String(value)
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-muted-foreground">
        {formatCount(result.rows.length)} {result.rows.length === 1 ? 'row' : 'rows'}
        {result.truncated && ' · truncated: more rows matched than are kept with the answer'}
      </p>
    </div>
  );
}

function SqlToggle({ sql, refused }: { sql: string; refused: boolean }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="grid gap-2">
      <div className="flex items-center gap-2">
        <Button
          variant="ghost"
          size="sm"
          className="h-7 px-2 text-xs"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          <Code /> {open ? 'Hide SQL' : refused ? 'Show the refused SQL' : 'Show SQL'}
        </Button>
        {open && <CopyButton value={sql} label="Copy SQL" className="h-7 text-xs" />}
      </div>
      {open && (
        <pre
          id={id}
          className="max-h-80 overflow-auto rounded-lg border bg-muted/60 p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap"
        >
          <code>{sql}</code>
        </pre>
      )}
    </div>
  );
}

export function Suggestions({
  suggestions,
  onAsk,
  disabled,
  label = 'Suggested questions',
  className,
}: {
  suggestions: string[];
  onAsk: (question: string) => void;
  disabled: boolean;
  label?: string;
  className?: string;
}) {
  return (
    <ul aria-label={label} className={cn('flex flex-wrap gap-2', className)}>
      {suggestions.map((suggestion) => (
        <li key={suggestion}>
          <button
            type="button"
            disabled={disabled}
            onClick={() => onAsk(suggestion)}
            className="rounded-full border bg-background px-3 py-1.5 text-left text-sm shadow-xs transition-colors hover:border-primary/50 hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:pointer-events-none disabled:opacity-50"
          >
            {suggestion}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** One turn: the question as a bubble; an answer with its words, chart, rows and SQL on demand. */
export function ChatMessageView({
  message,
  onAsk,
  busy,
}: {
  message: ChatMessage;
  onAsk: (question: string) => void;
  busy: boolean;
}) {
  if (message.role === 'user') {
    return (
      <li className="flex justify-end" aria-label="Question">
        <p className="max-w-[85%] rounded-2xl rounded-br-sm bg-primary px-4 py-2 text-sm whitespace-pre-wrap text-primary-foreground">
          {message.content}
        </p>
      </li>
    );
  }
  const outcome = message.outcome ?? 'answered';
  return (
    <li
      aria-label={outcome === 'answered' ? 'Answer' : outcome === 'refused' ? 'Refused' : 'Cannot answer'}
      data-outcome={outcome}
    >
      <article
        className={cn(
          'grid gap-3 rounded-2xl rounded-bl-sm border px-4 py-3',
          outcome === 'answered' && 'bg-card',
          outcome === 'unanswerable' && 'border-warning/50 bg-warning/10',
          outcome === 'refused' && 'border-destructive/40 bg-destructive/10',
        )}
      >
        <div className="flex items-start gap-2.5">
          {outcome === 'answered' ? (
            <Sparkles aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-primary" />
          ) : outcome === 'unanswerable' ? (
            <Lightbulb aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-warning" />
          ) : (
            <ShieldAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-destructive" />
          )}
          <div className="grid min-w-0 gap-1">
            {outcome === 'refused' && (
              <p className="text-xs font-semibold tracking-wide text-destructive uppercase">Query not run</p>
            )}
            <p className="text-sm leading-relaxed whitespace-pre-wrap" data-testid="answer-text">
              {message.content}
            </p>
          </div>
        </div>
        {message.chart && message.result && <AnswerChart chart={message.chart} result={message.result} />}
        {message.result && <ResultTable result={message.result} />}
        {message.suggestions && message.suggestions.length > 0 && (
          <div className="grid gap-2">
            {outcome !== 'unanswerable' && (
              <p className="text-xs text-muted-foreground">Questions I can answer about this dataset:</p>
            )}
            <Suggestions
              suggestions={message.suggestions}
              onAsk={onAsk}
              disabled={busy}
              label="Try instead"
            />
          </div>
        )}
        {message.sql && <SqlToggle sql={message.sql} refused={outcome === 'refused'} />}
        {message.engine && (
          <p className="text-[11px] text-muted-foreground">
            {message.engine === 'built-in' ? 'Built-in engine' : 'Language model'}
            {outcome === 'answered' && ' · one read-only query over this dataset'}
          </p>
        )}
      </article>
    </li>
  );
}

/** Three dots while the answer is worked out; screen readers hear it once. */
export function TypingIndicator() {
  return (
    <li aria-label="Answering" className="flex">
      <div
        role="status"
        className="flex items-center gap-2 rounded-2xl rounded-bl-sm border bg-card px-4 py-3"
      >
        <span className="sr-only">Working out the answer…</span>
        {[0, 150, 300].map((delay) => (
          <span
            key={delay}
            aria-hidden="true"
            className="size-1.5 animate-bounce rounded-full bg-muted-foreground"
            style={{ animationDelay: `${delay}ms` }}
          />
        ))}
      </div>
    </li>
  );
}
