import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  ArrowDown,
  ArrowUp,
  ChartColumn,
  ChevronLeft,
  ChevronRight,
  ChevronsLeft,
  ChevronsRight,
} from 'lucide-react';
import {
  type KeyboardEvent,
  type MouseEvent,
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { formatCount } from '@/features/jobs/job-format';
import { errorMessage } from '@/lib/api';
import { cn } from '@/lib/utils';
import './data-grid.css';
import { ColumnKindIcon } from './column-kind-icon';
import {
  type CellValue,
  type ColumnKind,
  type DatasetColumn,
  type DatasetSort,
  type DatasetView,
  type RowsPage,
  rowsKey,
  rowsPageSize,
  useRowPages,
} from './use-dataset';

export const rowHeight = 32;
const headerHeight = 36;
const numberWidth = 72;
/**
 * Rows the scroll area holds at once. Browsers cap an element's height (about 17 million pixels in
 * Firefox), so 10 million rows of 32 px cannot be one scroll; beyond a block the pager moves on.
 */
export const blockSize = 100_000;

const kindWidth: Record<ColumnKind, number> = {
  integer: 110,
  decimal: 130,
  boolean: 96,
  text: 200,
  date: 128,
  timestamp: 208,
  other: 180,
};

/** A column's width: enough for its kind's values and for its name with the icons beside it. */
function columnWidth(column: DatasetColumn): number {
  return Math.min(360, Math.max(kindWidth[column.kind], column.name.length * 7.5 + 100));
}

const rightAligned = new Set<ColumnKind>(['integer', 'decimal']);

/** How a column's cells look: numbers right-aligned in monospace, dates in monospace. */
const cellClass: Record<ColumnKind, string> = {
  integer: 'dg-cell dg-number',
  decimal: 'dg-cell dg-number',
  boolean: 'dg-cell dg-mono',
  text: 'dg-cell',
  date: 'dg-cell dg-mono',
  timestamp: 'dg-cell dg-mono',
  other: 'dg-cell',
};

type GridRowProps = {
  id: string;
  /** Row number in the whole view, from 0. */
  index: number;
  top: number;
  cells: CellValue[] | undefined;
  columns: DatasetColumn[];
  width: number;
  firstColumn: number;
  lastColumn: number;
  active: boolean;
  onOpen: (index: number) => void;
};

// Rows keep their key while they stay on screen, and memo skips them: a scroll frame renders only
// the rows that just came into view. Rows and cells carry a class or two of data-grid.css (no
// utility lists, no wrappers): style recalculation per new row is what limits a fast scroll.
const GridRow = memo(function GridRow({
  id,
  index,
  top,
  cells,
  columns,
  width,
  firstColumn,
  lastColumn,
  active,
  onOpen,
}: GridRowProps) {
  const rendered = [];
  for (let column = firstColumn; column <= lastColumn; column++) {
    const spec = columns[column];
    if (!spec) continue;
    const value = cells?.[column];
    const place = ` dg-c${column}`;
    if (cells === undefined) {
      rendered.push(
        <td key={spec.name} aria-colindex={column + 2} className={`dg-cell dg-pending${place}`} />,
      );
    } else if (value === null || value === undefined) {
      rendered.push(
        <td key={spec.name} aria-colindex={column + 2} className={`dg-cell dg-null${place}`}>
          null
        </td>,
      );
    } else {
      const text = String(value);
      rendered.push(
        <td
          key={spec.name}
          aria-colindex={column + 2}
          className={`${cellClass[spec.kind]}${place}`}
          title={text.length > 24 ? text : undefined}
        >
          {text}
        </td>,
      );
    }
  }
  return (
    // The grid takes the keys (arrows, Enter) for its active row; a click opens the row too.
    <tr
      id={id}
      aria-rowindex={index + 2}
      aria-selected={active}
      onClick={() => onOpen(index)}
      className={active ? 'dg-row dg-active' : index % 2 === 1 ? 'dg-row dg-odd' : 'dg-row'}
      style={{ width, transform: `translateY(${top}px)` }}
    >
      <th scope="row" className="dg-rownum">
        {formatCount(index + 1)}
      </th>
      {rendered}
    </tr>
  );
});

type HeaderProps = {
  columns: DatasetColumn[];
  lefts: number[];
  widths: number[];
  width: number;
  firstColumn: number;
  lastColumn: number;
  sort: DatasetSort[];
  onSort: (column: string, additive: boolean) => void;
  onOpenColumn: (column: string) => void;
};

const GridHeader = memo(function GridHeader({
  columns,
  lefts,
  widths,
  width,
  firstColumn,
  lastColumn,
  sort,
  onSort,
  onOpenColumn,
}: HeaderProps) {
  const visible: number[] = [];
  for (let column = firstColumn; column <= lastColumn; column++) visible.push(column);
  return (
    <thead className="sticky top-0 z-20 block" style={{ width, height: headerHeight }}>
      <tr
        aria-rowindex={1}
        className="relative flex h-full border-b bg-muted text-xs font-medium shadow-[0_1px_0_var(--border)]"
        style={{ width }}
      >
        <th
          scope="col"
          aria-colindex={1}
          className="sticky left-0 z-10 flex h-full shrink-0 items-center justify-end border-r bg-muted px-2 font-medium text-muted-foreground"
          style={{ width: numberWidth }}
        >
          #
        </th>
        {visible.map((index) => {
          const column = columns[index];
          if (!column) return null;
          const position = sort.findIndex((item) => item.column === column.name);
          const direction = position === -1 ? undefined : sort[position]?.direction;
          const Arrow = direction === 'desc' ? ArrowDown : ArrowUp;
          return (
            <th
              key={column.name}
              scope="col"
              aria-colindex={index + 2}
              aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
              className="group absolute top-0 flex h-full items-center border-r border-border/60"
              style={{ left: lefts[index], width: widths[index] }}
            >
              <button
                type="button"
                onClick={(event: MouseEvent) => onSort(column.name, event.shiftKey)}
                aria-label={`Sort by ${column.name}`}
                title={`Sort by ${column.name} (${column.sqlType}). Shift-click adds it to the sort.`}
                className={cn(
                  'flex h-full min-w-0 flex-1 items-center gap-1.5 px-2.5 text-left hover:bg-accent/70 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset',
                  rightAligned.has(column.kind) && 'flex-row-reverse text-right',
                )}
              >
                <ColumnKindIcon kind={column.kind} />
                <span className="truncate font-mono">{column.name}</span>
                {direction && (
                  <span className="flex shrink-0 items-center text-primary">
                    <Arrow aria-hidden="true" className="size-3.5" />
                    {sort.length > 1 && <span className="text-[10px] leading-none">{position + 1}</span>}
                  </span>
                )}
              </button>
              <button
                type="button"
                onClick={() => onOpenColumn(column.name)}
                aria-label={`Statistics of ${column.name}`}
                title="Statistics and histogram"
                className="mr-1 flex size-6 shrink-0 items-center justify-center rounded-sm text-muted-foreground opacity-0 group-hover:opacity-100 hover:bg-accent hover:text-foreground focus-visible:opacity-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              >
                <ChartColumn aria-hidden="true" className="size-3.5" />
              </button>
            </th>
          );
        })}
      </tr>
    </thead>
  );
});

/** Waits `ms` between updates of a fast-changing value: pages are asked for at most that often. */
function useThrottled<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = Math.max(0, ms - (performance.now() - last.current));
    const timer = setTimeout(() => {
      last.current = performance.now();
      setCurrent(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

export type DataGridProps = {
  label: string;
  projectId: string;
  jobId: string;
  table: string;
  columns: DatasetColumn[];
  view: DatasetView;
  /** Rows matching the view; undefined until the first page answers. */
  total: number | undefined;
  onSort: (column: string, additive: boolean) => void;
  onOpenColumn: (column: string) => void;
  onOpenRow: (index: number) => void;
  /** Shown over the grid instead of rows: nothing matches, or the view is invalid. */
  overlay?: React.ReactNode;
  /** The view could not be queried: the overlay says why, the position stays blank. */
  failed?: boolean;
  /** The row the detail sheet shows, kept highlighted. */
  activeRow: number | undefined;
  onActiveRowChange: (index: number | undefined) => void;
};

/**
 * The rows of one table in a virtualised grid: only the rows and columns on screen are in the DOM,
 * rows have one fixed height, and pages of rows are fetched as they scroll into view.
 */
export function DataGrid({
  label,
  projectId,
  jobId,
  table,
  columns,
  view,
  total,
  onSort,
  onOpenColumn,
  onOpenRow,
  overlay,
  failed = false,
  activeRow,
  onActiveRowChange,
}: DataGridProps) {
  const id = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const queryClient = useQueryClient();
  const [blockStart, setBlockStart] = useState(0);
  const rowCount = total === undefined ? 0 : Math.max(0, Math.min(blockSize, total - blockStart));

  const widths = useMemo(() => columns.map(columnWidth), [columns]);
  const lefts = useMemo(() => {
    const result: number[] = [];
    let left = numberWidth;
    for (const width of widths) {
      result.push(left);
      left += width;
    }
    return result;
  }, [widths]);
  const width = numberWidth + widths.reduce((sum, value) => sum + value, 0);
  const scope = `dg-${id.replace(/[^a-zA-Z0-9]/g, '')}`;
  const placement = useMemo(
    () =>
      widths
        .map((value, index) => `.${scope} .dg-c${index}{left:${lefts[index]}px;width:${value}px}`)
        .join(''),
    [scope, widths, lefts],
  );

  const rows = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    paddingStart: headerHeight,
    scrollPaddingStart: headerHeight,
    overscan: 8,
  });
  const columnsVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => widths[index] ?? 160,
    paddingStart: numberWidth,
    overscan: 2,
  });

  // A new sort or filter starts at the top of the view; the horizontal position stays.
  const viewKey = JSON.stringify(view);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the view and table are the triggers, not read
  useEffect(() => {
    setBlockStart(0);
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [viewKey, table]);

  const items = rows.getVirtualItems();
  const columnItems = columnsVirtualizer.getVirtualItems();
  const firstColumn = columnItems[0]?.index ?? 0;
  const lastColumn = columnItems.at(-1)?.index ?? -1;

  // The pages under the rows on screen (with the overscan), asked for at most every 120 ms.
  const firstItem = items[0]?.index;
  const lastItem = items.at(-1)?.index;
  const wanted =
    firstItem === undefined || lastItem === undefined
      ? '0'
      : [
          ...new Set([
            Math.floor((blockStart + firstItem) / rowsPageSize),
            Math.floor((blockStart + lastItem) / rowsPageSize),
          ]),
        ].join(',');
  const requested = useThrottled(wanted, 120);
  const pages = useMemo(() => requested.split(',').map(Number), [requested]);
  const { loaded, error } = useRowPages(projectId, jobId, table, view, pages);

  // A page asked for earlier is still in the cache: show it at once rather than after the throttle.
  const seen = new Map<number, RowsPage | undefined>();
  const pageOf = (page: number): RowsPage | undefined => {
    if (!seen.has(page))
      seen.set(
        page,
        loaded.get(page) ?? queryClient.getQueryData<RowsPage>(rowsKey(projectId, jobId, table, view, page)),
      );
    return seen.get(page);
  };
  const cellsAt = (index: number): CellValue[] | undefined => {
    const page = pageOf(Math.floor(index / rowsPageSize));
    return page?.rows[index - page.offset];
  };

  const onOpen = useCallback((index: number) => onOpenRow(index), [onOpenRow]);

  const viewport = (rows.scrollRect?.height ?? 400) - headerHeight;
  const perPage = Math.max(1, Math.floor(viewport / rowHeight) - 1);
  const scrollTop = rows.scrollOffset ?? 0;
  const firstVisible = blockStart + Math.min(rowCount - 1, Math.floor(scrollTop / rowHeight));
  const lastVisible = blockStart + Math.min(rowCount - 1, Math.floor((scrollTop + viewport - 1) / rowHeight));

  // Scrolling to a row of another block first switches the block; the scroll follows its render.
  const pendingScroll = useRef<{ index: number; align: 'start' | 'auto' } | null>(null);
  const scrollToRow = (index: number, align: 'start' | 'auto') => {
    if (total === undefined || total === 0) return;
    const target = Math.max(0, Math.min(total - 1, index));
    const block = Math.floor(target / blockSize) * blockSize;
    if (block !== blockStart) {
      pendingScroll.current = { index: target - block, align };
      setBlockStart(block);
    } else {
      rows.scrollToIndex(target - block, { align });
    }
  };
  const scrollRef = useRef(scrollToRow);
  scrollRef.current = scrollToRow;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the new block is rendered
  useLayoutEffect(() => {
    const pending = pendingScroll.current;
    if (!pending) return;
    pendingScroll.current = null;
    rows.scrollToIndex(pending.index, { align: pending.align });
  }, [blockStart]);
  // The row the detail sheet moves to stays in sight.
  useEffect(() => {
    if (activeRow !== undefined) scrollRef.current(activeRow, 'auto');
  }, [activeRow]);

  const goTo = (index: number, align: 'start' | 'auto') => {
    if (total === undefined || total === 0) return;
    const target = Math.max(0, Math.min(total - 1, index));
    onActiveRowChange(target);
    scrollToRow(target, align);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || total === undefined || total === 0) return;
    const current = activeRow ?? firstVisible - 1;
    const moves: Record<string, number | undefined> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + perPage,
      PageUp: current - perPage,
      Home: event.ctrlKey || event.metaKey ? 0 : undefined,
      End: event.ctrlKey || event.metaKey ? total - 1 : undefined,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      goTo(next, 'auto');
    } else if ((event.key === 'Enter' || event.key === ' ') && activeRow !== undefined) {
      event.preventDefault();
      onOpen(activeRow);
    } else if (event.key === 'Escape' && activeRow !== undefined) {
      onActiveRowChange(undefined);
    }
  };

  const moveRef = useRef((_: 'first' | 'previous' | 'next' | 'last') => {});
  moveRef.current = (where) => {
    if (where === 'first') scrollToRow(0, 'start');
    else if (where === 'previous') scrollToRow(Math.max(0, firstVisible - perPage), 'start');
    else if (where === 'next') scrollToRow(lastVisible + 1, 'start');
    else scrollToRow((total ?? 1) - 1, 'start');
  };
  const onMove = useCallback((where: 'first' | 'previous' | 'next' | 'last') => moveRef.current(where), []);
  const goToRef = useRef(goTo);
  goToRef.current = goTo;
  const onGoTo = useCallback((row: number) => {
    goToRef.current(row, 'start');
    tableRef.current?.focus({ preventScroll: true });
  }, []);
  // The table is as tall as its rows: its focus ring is drawn on the scroll area instead.
  const [focusRing, setFocusRing] = useState(false);

  return (
    <div className="flex min-h-0 flex-1 flex-col overflow-hidden rounded-lg border bg-card">
      <div className="relative min-h-0 flex-1">
        <div
          ref={scroller}
          className={cn(
            'absolute inset-0 overflow-auto overscroll-contain',
            focusRing && 'ring-2 ring-ring ring-inset',
          )}
          style={{ contain: 'strict' }}
          data-testid="data-grid"
        >
          <style>{placement}</style>
          <table
            ref={tableRef}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an interactive table is what the grid role is for (arrows move the active row, Enter opens it)
            role="grid"
            aria-label={label}
            aria-rowcount={total === undefined ? -1 : total + 1}
            aria-colcount={columns.length + 1}
            aria-activedescendant={
              activeRow !== undefined && activeRow >= blockStart && activeRow < blockStart + rowCount
                ? `${id}-row-${activeRow}`
                : undefined
            }
            tabIndex={0}
            onKeyDown={onKeyDown}
            onFocus={(event) =>
              setFocusRing(event.target === event.currentTarget && event.target.matches(':focus-visible'))
            }
            onBlur={() => setFocusRing(false)}
            // Table elements laid out as blocks: rows are placed by the virtualiser, not by table layout.
            className={`relative block focus-visible:outline-none ${scope}`}
            style={{ height: rows.getTotalSize() || headerHeight, width }}
          >
            <GridHeader
              columns={columns}
              lefts={lefts}
              widths={widths}
              width={width}
              firstColumn={firstColumn}
              lastColumn={lastColumn}
              sort={view.sort}
              onSort={onSort}
              onOpenColumn={onOpenColumn}
            />
            <tbody className="block">
              {!overlay &&
                items.map((item) => {
                  const index = blockStart + item.index;
                  return (
                    <GridRow
                      key={item.index}
                      id={`${id}-row-${index}`}
                      index={index}
                      top={item.start}
                      cells={cellsAt(index)}
                      columns={columns}
                      width={width}
                      firstColumn={firstColumn}
                      lastColumn={lastColumn}
                      active={activeRow === index}
                      onOpen={onOpen}
                    />
                  );
                })}
            </tbody>
          </table>
        </div>
        {!overlay && total !== undefined && blockStart > 0 && firstVisible === blockStart && (
          <BlockButton direction="previous" onClick={() => onMove('previous')} />
        )}
        {!overlay &&
          total !== undefined &&
          blockStart + rowCount < total &&
          lastVisible === blockStart + rowCount - 1 && (
            <BlockButton direction="next" onClick={() => onMove('next')} />
          )}
        {overlay && (
          <div className="absolute inset-x-0 top-9 bottom-0 flex items-center justify-center p-6">
            {overlay}
          </div>
        )}
        {!overlay && total === undefined && (
          <div className="absolute inset-x-0 top-9 bottom-0 grid content-start" aria-hidden="true">
            {Array.from({ length: 8 }, (_, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
              <div key={index} className="flex h-8 items-center gap-6 border-b border-border/60 px-4">
                <span className="h-3 w-10 animate-pulse rounded-sm bg-muted" />
                <span className="h-3 w-40 animate-pulse rounded-sm bg-muted" />
                <span className="h-3 w-24 animate-pulse rounded-sm bg-muted" />
                <span className="h-3 w-32 animate-pulse rounded-sm bg-muted" />
              </div>
            ))}
          </div>
        )}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-t bg-muted/40 px-3 py-2 text-sm">
        <p className="tabular-nums text-muted-foreground" data-testid="grid-position">
          {overlay && total === 0 && failed ? (
            '—'
          ) : total === undefined ? (
            'Counting rows…'
          ) : total === 0 ? (
            'No rows'
          ) : (
            <>
              Rows{' '}
              <span className="font-medium text-foreground">
                {formatCount(Math.max(0, firstVisible) + 1)}–{formatCount(Math.max(0, lastVisible) + 1)}
              </span>{' '}
              of <span className="font-medium text-foreground">{formatCount(total)}</span>
            </>
          )}
          {error !== undefined && !overlay && (
            <span role="alert" className="ml-3 text-destructive">
              Some rows did not load: {errorMessage(error)}
            </span>
          )}
        </p>
        <Pager
          total={total}
          canGoBack={!!total && firstVisible > 0}
          canGoOn={!!total && lastVisible < total - 1}
          firstBlock={blockStart === 0}
          lastBlock={blockStart + blockSize >= (total ?? 0)}
          onMove={onMove}
          onGoTo={onGoTo}
        />
      </div>
    </div>
  );
}

type PagerProps = {
  total: number | undefined;
  canGoBack: boolean;
  canGoOn: boolean;
  firstBlock: boolean;
  lastBlock: boolean;
  onMove: (where: 'first' | 'previous' | 'next' | 'last') => void;
  onGoTo: (row: number) => void;
};

/** Page buttons and "Go to row"; memoised, so a scroll frame does not re-render them. */
const Pager = memo(function Pager({
  total,
  canGoBack,
  canGoOn,
  firstBlock,
  lastBlock,
  onMove,
  onGoTo,
}: PagerProps) {
  const id = useId();
  const [text, setText] = useState('');
  const multiBlock = total !== undefined && total > blockSize;
  return (
    <div className="flex items-center gap-1">
      {multiBlock && (
        <Button
          variant="ghost"
          size="sm"
          aria-label="First rows"
          disabled={firstBlock}
          onClick={() => onMove('first')}
        >
          <ChevronsLeft />
        </Button>
      )}
      <Button
        variant="ghost"
        size="sm"
        aria-label="Previous page of rows"
        disabled={!canGoBack}
        onClick={() => onMove('previous')}
      >
        <ChevronLeft />
      </Button>
      <Button
        variant="ghost"
        size="sm"
        aria-label="Next page of rows"
        disabled={!canGoOn}
        onClick={() => onMove('next')}
      >
        <ChevronRight />
      </Button>
      {multiBlock && (
        <Button
          variant="ghost"
          size="sm"
          aria-label="Last rows"
          disabled={lastBlock}
          onClick={() => onMove('last')}
        >
          <ChevronsRight />
        </Button>
      )}
      <form
        className="ml-2 flex items-center gap-1.5"
        onSubmit={(event) => {
          event.preventDefault();
          const row = Number(text.replace(/[\s,_]/g, ''));
          if (Number.isInteger(row) && row >= 1) onGoTo(row - 1);
        }}
      >
        <label htmlFor={`${id}-goto`} className="text-xs text-muted-foreground">
          Go to row
        </label>
        <Input
          id={`${id}-goto`}
          inputMode="numeric"
          value={text}
          onChange={(event) => setText(event.target.value)}
          className="h-7 w-24 text-xs tabular-nums"
          placeholder={total ? formatCount(total) : ''}
          disabled={!total}
        />
      </form>
    </div>
  );
});

/** At a block's edge, the way on: the scroll area holds 100,000 rows at a time. */
function BlockButton({ direction, onClick }: { direction: 'previous' | 'next'; onClick: () => void }) {
  const Icon = direction === 'next' ? ArrowDown : ArrowUp;
  return (
    <div
      className={cn(
        'pointer-events-none absolute inset-x-0 flex justify-center',
        direction === 'next' ? 'bottom-3' : 'top-12',
      )}
    >
      <Button size="sm" className="pointer-events-auto shadow-md" onClick={onClick}>
        <Icon /> {direction === 'next' ? 'Next' : 'Previous'} {formatCount(blockSize)} rows
      </Button>
    </div>
  );
}
