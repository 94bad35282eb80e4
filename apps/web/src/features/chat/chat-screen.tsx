import { MessageSquarePlus, MessagesSquare, RotateCcw, SendHorizontal, Trash2 } from 'lucide-react';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { Textarea } from '@/components/ui/textarea';
import { ConfirmDialog } from '@/features/projects/confirm-dialog';
import { PreparingDataset } from '@/features/viewer/dataset-page';
import { readyDataset, useDataset } from '@/features/viewer/use-dataset';
import { ApiError, errorMessage } from '@/lib/api';
import { relativeTime } from '@/lib/format';
import { cn } from '@/lib/utils';
import { ChatMessageView, Suggestions, TypingIndicator } from './chat-message';
import {
  type ChatConversation,
  type ChatOverview,
  useAsk,
  useChatOverview,
  useConversation,
  useDeleteConversation,
} from './use-chat';

const maxQuestion = 1000;

/** What went wrong with a question, in words: a 429 says how long to wait. */
function askProblem(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    const seconds = error.retryAfterSeconds;
    return seconds === undefined
      ? 'You have asked many questions in the last minute. Wait a moment, then ask again.'
      : `You have asked many questions in the last minute. Ask again in ${seconds <= 60 ? `${Math.max(1, Math.ceil(seconds))} s` : `${Math.ceil(seconds / 60)} min`}.`;
  }
  if (error instanceof ApiError && error.status === 503)
    return `The chat model is not answering: ${error.message}`;
  return errorMessage(error);
}

function ConversationList({
  projectId,
  jobId,
  conversations,
  selected,
  onSelect,
  onNew,
}: {
  projectId: string;
  jobId: string;
  conversations: ChatConversation[];
  selected: string | undefined;
  onSelect: (id: string | undefined) => void;
  onNew: () => void;
}) {
  const remove = useDeleteConversation(projectId, jobId);
  return (
    <aside
      aria-labelledby="conversations-heading"
      className="flex min-h-0 flex-col gap-3 md:border-r md:pr-4"
    >
      <div className="flex items-center justify-between gap-2">
        <h3 id="conversations-heading" className="text-sm font-semibold">
          Conversations
        </h3>
        <Button variant="outline" size="sm" onClick={onNew}>
          <MessageSquarePlus /> New
        </Button>
      </div>
      {conversations.length === 0 ? (
        <p className="text-sm text-muted-foreground">Your questions about this dataset are kept here.</p>
      ) : (
        <ul
          className="-mr-2 grid min-h-0 content-start gap-0.5 overflow-y-auto pr-2"
          aria-label="Your conversations"
        >
          {conversations.map((conversation) => (
            <li key={conversation.id} className="group relative">
              <button
                type="button"
                onClick={() => onSelect(conversation.id)}
                aria-current={conversation.id === selected ? 'true' : undefined}
                className={cn(
                  'grid w-full gap-0.5 rounded-md px-2.5 py-2 pr-9 text-left hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring',
                  conversation.id === selected && 'bg-accent text-accent-foreground',
                )}
              >
                <span className="line-clamp-2 text-sm">{conversation.title}</span>
                <span className="text-xs text-muted-foreground">{relativeTime(conversation.updatedAt)}</span>
              </button>
              <ConfirmDialog
                trigger={
                  <Button
                    variant="ghost"
                    size="icon"
                    className="absolute top-1.5 right-1 size-7 text-muted-foreground opacity-0 group-hover:opacity-100 focus-visible:opacity-100 hover:text-destructive"
                    aria-label={`Delete conversation “${conversation.title}”`}
                  >
                    <Trash2 />
                  </Button>
                }
                title="Delete this conversation?"
                description={`“${conversation.title}” and its answers are deleted. This cannot be undone.`}
                confirmLabel="Delete conversation"
                destructive
                onConfirm={async () => {
                  // Leave it first: a screen still showing it would ask for it again, and get a 404.
                  if (conversation.id === selected) onSelect(undefined);
                  await remove.mutateAsync(conversation.id);
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

function QuestionBox({
  onAsk,
  pending,
  problem,
  inputRef,
}: {
  onAsk: (question: string, onFailed: () => void) => boolean;
  pending: boolean;
  problem: string | undefined;
  inputRef: React.RefObject<HTMLTextAreaElement | null>;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const send = () => {
    const question = text.trim();
    if (!question || pending || question.length > maxQuestion) return;
    // The box empties at once (the question shows as a bubble) and gets it back if asking fails.
    if (onAsk(question, () => setText((current) => current || question))) setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  const tooLong = text.length > maxQuestion;
  return (
    <form
      className="grid gap-1.5"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      {problem && (
        <Alert variant="destructive" id={`${id}-problem`}>
          {problem}
        </Alert>
      )}
      <label htmlFor={`${id}-question`} className="sr-only">
        Your question
      </label>
      <div className="relative">
        <Textarea
          ref={inputRef}
          id={`${id}-question`}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          disabled={pending}
          rows={2}
          placeholder="Ask about this data, e.g. “average age by city”"
          className="min-h-16 resize-none pr-14"
          aria-invalid={tooLong || undefined}
          aria-describedby={`${id}-hint`}
        />
        <Button
          type="submit"
          size="icon"
          className="absolute right-2 bottom-2 size-9"
          disabled={pending || text.trim() === '' || tooLong}
          aria-label="Send question"
        >
          <SendHorizontal />
        </Button>
      </div>
      <p id={`${id}-hint`} className={cn('text-xs text-muted-foreground', tooLong && 'text-destructive')}>
        {tooLong
          ? `Keep the question under ${maxQuestion.toLocaleString('en-US')} characters (${text.length.toLocaleString('en-US')} now).`
          : 'Enter sends, Shift+Enter starts a new line.'}
      </p>
    </form>
  );
}

function EngineNote({ engine }: { engine: ChatOverview['engine'] }) {
  return engine === 'built-in' ? (
    <>
      The built-in engine turns common questions (counts, averages by group, top values, comparisons,
      distributions, correlations) into one read-only SQL query over this dataset. Nothing leaves Synoptic.
    </>
  ) : (
    <>
      A language model writes one read-only SQL query from the columns and a few sample rows; the same sandbox
      checks and runs it, and the answer comes from its result.
    </>
  );
}

/** Questions about a dataset: your conversations beside, the current one with its answers, the box. */
export function ChatScreen({ projectId, jobId, rows }: { projectId: string; jobId: string; rows: number }) {
  const dataset = useDataset(projectId, jobId);
  const overview = useChatOverview(projectId, jobId, readyDataset(dataset) !== undefined);
  const [params, setParams] = useSearchParams();
  const selected = params.get('c') ?? undefined;
  const conversation = useConversation(projectId, jobId, selected);
  const ask = useAsk(projectId, jobId);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const endRef = useRef<HTMLDivElement>(null);

  const select = (id: string | undefined) => {
    setParams(id ? { c: id } : {}, { replace: false });
    ask.reset();
  };

  const messages = selected ? (conversation.data?.messages ?? []) : [];
  const pendingQuestion = ask.isPending ? ask.variables?.question : undefined;
  const count = messages.length + (pendingQuestion ? 1 : 0);

  // The newest turn (and the typing dots) stay in sight.
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls when the number of turns changes
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end', behavior: 'smooth' });
  }, [count, ask.isPending]);

  const onAsk = (question: string, onFailed?: () => void): boolean => {
    if (ask.isPending) return false;
    ask.mutate(
      { question, ...(selected ? { conversationId: selected } : {}) },
      {
        onError: () => onFailed?.(),
        onSuccess: (reply) => {
          if (reply.conversation.id !== selected)
            setParams({ c: reply.conversation.id }, { replace: !selected });
          requestAnimationFrame(() => inputRef.current?.focus());
        },
      },
    );
    return true;
  };

  const failed = dataset.error ?? overview.error;
  if (failed) {
    return (
      <Alert variant="destructive">
        <AlertTitle>Could not open the chat</AlertTitle>
        <AlertDescription className="grid gap-3">
          <span>{errorMessage(failed)}</span>
          <Button
            variant="outline"
            size="sm"
            className="w-fit"
            onClick={() => void (dataset.error ? dataset.refetch() : overview.refetch())}
          >
            <RotateCcw /> Try again
          </Button>
        </AlertDescription>
      </Alert>
    );
  }
  if (!overview.data) return <PreparingDataset rows={rows} />;
  const { engine, suggestions, conversations } = overview.data;

  return (
    <div className="grid h-[max(32rem,calc(100dvh-19rem))] grid-rows-[auto_minmax(0,1fr)] gap-4 md:grid-cols-[15rem_minmax(0,1fr)] md:grid-rows-1">
      <ConversationList
        projectId={projectId}
        jobId={jobId}
        conversations={conversations}
        selected={selected}
        onSelect={select}
        onNew={() => {
          select(undefined);
          requestAnimationFrame(() => inputRef.current?.focus());
        }}
      />
      <section aria-label="Conversation" className="flex min-h-0 flex-col gap-3">
        <div
          className="min-h-0 flex-1 overflow-y-auto rounded-lg border bg-muted/20 p-4"
          aria-live="polite"
          aria-busy={ask.isPending}
        >
          {selected && conversation.isError ? (
            <Alert variant="destructive">
              {conversation.error instanceof ApiError && conversation.error.status === 404
                ? 'This conversation does not exist any more.'
                : errorMessage(conversation.error)}
            </Alert>
          ) : selected && conversation.isPending ? (
            <div className="grid gap-3" aria-hidden="true">
              <Skeleton className="ml-auto h-9 w-1/2" />
              <Skeleton className="h-28 w-4/5" />
            </div>
          ) : count === 0 ? (
            <div className="mx-auto flex max-w-xl flex-col items-center gap-4 py-8 text-center">
              <span className="flex size-12 items-center justify-center rounded-full bg-primary/10">
                <MessagesSquare aria-hidden="true" className="size-6 text-primary" />
              </span>
              <div className="grid gap-1.5">
                <h3 className="text-lg font-semibold">Ask about this data</h3>
                <p className="text-sm text-muted-foreground">
                  <EngineNote engine={engine} />
                </p>
              </div>
              <Suggestions
                suggestions={suggestions}
                onAsk={onAsk}
                disabled={ask.isPending}
                className="justify-center"
              />
            </div>
          ) : (
            <ol className="grid gap-4" aria-label="Messages">
              {messages.map((message) => (
                <ChatMessageView key={message.id} message={message} onAsk={onAsk} busy={ask.isPending} />
              ))}
              {pendingQuestion && (
                <li className="flex justify-end" aria-label="Question">
                  <p className="max-w-[85%] rounded-2xl rounded-br-sm bg-primary px-4 py-2 text-sm whitespace-pre-wrap text-primary-foreground">
                    {pendingQuestion}
                  </p>
                </li>
              )}
              {ask.isPending && <TypingIndicator />}
            </ol>
          )}
          <div ref={endRef} />
        </div>
        <QuestionBox
          onAsk={onAsk}
          pending={ask.isPending}
          problem={ask.isError ? askProblem(ask.error) : undefined}
          inputRef={inputRef}
        />
      </section>
    </div>
  );
}
