import type { ColumnRef, Item } from './column-matcher.ts';
import type { ParseState, PendingCondition } from './question-parser.ts';

// "Berlin vs Paris", "web versus mobile orders", "VIP vs non-VIP": two values of one category set
// side by side. The values stay a filter and their column becomes a group, so each value gets its
// own row; both sides of a yes/no column ("VIP vs non-VIP") simply become the two groups.

const COMPARING = ['compare', 'compared', 'comparing', 'versus', 'vs', 'against'];

function groupItem(ref: ColumnRef): Item {
  return {
    k: 'column',
    raw: ref.column.name,
    refs: [{ table: ref.table, column: ref.column }],
    full: true,
    used: true,
  };
}

/** Turns a comparison of values into a grouping; returns whether it did. */
export function groupComparedValues(items: Item[], st: ParseState): boolean {
  const i = items.findIndex(
    (it) => !it.used && (it.k === 'word' || it.k === 'concept') && COMPARING.includes(it.w),
  );
  if (i < 0) return false;
  for (const c of st.conditions) {
    if (c.kind !== 'values' || c.negate) continue;
    const columns = [...new Set(c.item.refs.map((r) => r.column))];
    const values = new Set(c.item.refs.map((r) => r.value));
    if (columns.length !== 1 || values.size < 2) continue;
    items[i]!.used = true;
    st.groups.push({ subject: { type: 'item', item: groupItem(c.item.refs[0]!) } });
    return true;
  }
  // "VIP vs non-VIP": a yes/no column asked both ways
  const bools = st.conditions.filter(
    (c): c is Extract<PendingCondition, { kind: 'bool' }> => c.kind === 'bool' && c.item.k === 'column',
  );
  for (const a of bools) {
    const ref = (a.item as Extract<Item, { k: 'column' }>).refs[0]!;
    const b = bools.find(
      (x) =>
        x !== a &&
        x.value !== a.value &&
        (x.item as Extract<Item, { k: 'column' }>).refs[0]?.column === ref.column,
    );
    if (!b) continue;
    items[i]!.used = true;
    st.conditions = st.conditions.filter((c) => c !== a && c !== b);
    st.groups.push({ subject: { type: 'item', item: groupItem(ref) } });
    return true;
  }
  return false;
}
