import { formatCount } from '@/features/jobs/job-format';
import { PassFail } from './pass-fail';
import { formatScore, formatShare } from './report-format';
import type { ConformanceReport } from './report-types';

const th = 'px-3 py-1.5 font-medium';
const td = 'px-3 py-1.5 align-top';

/** A rule-based table against its schema: nulls, uniqueness, distribution fit, key integrity. */
export function ConformanceSection({
  table,
  conformance,
}: {
  table: string;
  conformance: ConformanceReport;
}) {
  return (
    <section aria-labelledby={`${table}-conformance`} className="grid gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h4 id={`${table}-conformance`} className="text-base font-semibold">
          Conformance
        </h4>
        <PassFail passed={conformance.passed} failLabel="Issues" soft className="text-sm" />
        <span className="text-sm text-muted-foreground">
          {formatCount(conformance.rowsChecked)} rows checked
        </span>
      </div>
      <div className="overflow-x-auto rounded-lg border">
        <table className="w-full text-sm" aria-label={`Conformance of ${table}`}>
          <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
            <tr>
              <th scope="col" className={th}>
                Column
              </th>
              <th scope="col" className={th}>
                Type
              </th>
              <th scope="col" className={th}>
                Nulls expected → observed
              </th>
              <th scope="col" className={th}>
                Duplicates
              </th>
              <th scope="col" className={th}>
                Fit
              </th>
              <th scope="col" className={th}>
                Result
              </th>
            </tr>
          </thead>
          <tbody>
            {conformance.columns.map((column) => {
              const passed =
                column.nulls.passed && (column.uniqueness?.passed ?? true) && (column.fit?.passed ?? true);
              return (
                <tr key={column.column} className="border-t">
                  <td className={`${td} font-medium`}>{column.column}</td>
                  <td className={`${td} font-mono text-xs`}>{column.fieldType}</td>
                  <td className={`${td} tabular-nums ${column.nulls.passed ? '' : 'text-warning'}`}>
                    {formatShare(column.nulls.expected)} → {formatShare(column.nulls.observed)}
                  </td>
                  <td
                    className={`${td} tabular-nums ${column.uniqueness?.passed === false ? 'text-warning' : ''}`}
                  >
                    {column.uniqueness ? formatCount(column.uniqueness.duplicates) : '—'}
                  </td>
                  <td className={td}>
                    {column.fit ? (
                      <div className="grid gap-0.5">
                        <span className={`tabular-nums ${column.fit.passed ? '' : 'text-warning'}`}>
                          {formatScore(column.fit.score)}{' '}
                          <span className="text-xs text-muted-foreground">{column.fit.metric}</span>
                        </span>
                        <span className="text-xs text-muted-foreground">Expected {column.fit.expected}</span>
                      </div>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className={td}>
                    <PassFail passed={passed} failLabel="Issue" soft />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="grid gap-2">
        <h5 className="text-sm font-medium">Key integrity</h5>
        {conformance.keys.length === 0 ? (
          <p className="text-sm text-muted-foreground">This table references no other table.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border">
            <table className="w-full text-sm" aria-label={`Key integrity of ${table}`}>
              <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
                <tr>
                  <th scope="col" className={th}>
                    Column
                  </th>
                  <th scope="col" className={th}>
                    References
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Checked
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Orphans
                  </th>
                  <th scope="col" className={th}>
                    Result
                  </th>
                </tr>
              </thead>
              <tbody>
                {conformance.keys.map((key) => (
                  <tr key={key.column} className="border-t">
                    <td className={`${td} font-medium`}>{key.column}</td>
                    <td className={`${td} font-mono text-xs`}>{key.references}</td>
                    <td className={`${td} text-right tabular-nums`}>{formatCount(key.checked)}</td>
                    <td className={`${td} text-right tabular-nums ${key.orphans > 0 ? 'text-warning' : ''}`}>
                      {formatCount(key.orphans)}
                    </td>
                    <td className={td}>
                      <PassFail passed={key.passed} failLabel="Issue" soft />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
