import { CircleCheck, CircleX } from 'lucide-react';
import { formatCount } from '@/features/jobs/job-format';
import { formatNumber } from '@/features/viewer/number-format';
import { FigureList } from './figure-list';
import { PassFail } from './pass-fail';
import { formatShare } from './report-format';
import type { PrivacyReport } from './report-types';

/** Whether a sample table's twin gives the sample away: each check, and the figures behind them. */
export function PrivacySection({ table, privacy }: { table: string; privacy: PrivacyReport }) {
  const { exactMatches, closestRecord, personalDataLeaks } = privacy;
  return (
    <section aria-labelledby={`${table}-privacy`} className="grid gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h4 id={`${table}-privacy`} className="text-base font-semibold">
          Privacy
        </h4>
        <PassFail passed={privacy.passed} failLabel="Failed privacy checks" className="text-sm" />
      </div>
      <ul aria-label={`Privacy checks of ${table}`} className="grid gap-2">
        {privacy.checks.map((check) => (
          <li
            key={check.id}
            className="flex items-start gap-2.5 rounded-lg border px-3 py-2 text-sm data-[passed=false]:border-destructive/40 data-[passed=false]:bg-destructive/5"
            data-passed={check.passed}
          >
            {check.passed ? (
              <CircleCheck aria-label="Passed" className="mt-0.5 size-4 shrink-0 text-success" />
            ) : (
              <CircleX aria-label="Failed" className="mt-0.5 size-4 shrink-0 text-destructive" />
            )}
            <div className="grid gap-0.5">
              <span className="font-medium">{check.label}</span>
              <span className="text-muted-foreground">{check.detail}</span>
            </div>
          </li>
        ))}
      </ul>
      <FigureList
        className="lg:grid-cols-4"
        items={[
          {
            label: 'Exact-match rate',
            hint: 'Share of synthetic rows identical to a sample row',
            value: (
              <>
                {formatShare(exactMatches.rate)}{' '}
                <span className="text-muted-foreground">
                  ({formatCount(exactMatches.count)} of {formatCount(exactMatches.rowsChecked)})
                </span>
              </>
            ),
          },
          {
            label: 'Sample’s own duplicates',
            hint: 'Share of holdout rows identical to a training row',
            value: formatShare(exactMatches.holdoutRate),
          },
          {
            label: 'Median distance to closest record',
            hint: 'Synthetic rows, and held-out real rows, to their closest training row',
            value: (
              <>
                {formatNumber(closestRecord.syntheticMedian)}{' '}
                <span className="text-muted-foreground">
                  synthetic · {formatNumber(closestRecord.holdoutMedian)} holdout
                </span>
              </>
            ),
          },
          {
            label: 'Distance ratio',
            hint: 'Synthetic median / holdout median: well below 1 means memorisation',
            value: (
              <>
                {closestRecord.ratio.toFixed(2)}{' '}
                <span className="text-muted-foreground">
                  ({formatShare(closestRecord.shareCloserToTraining)} closer to training)
                </span>
              </>
            ),
          },
        ]}
      />
      <div className="grid gap-2">
        <h5 className="text-sm font-medium">Personal data in the output</h5>
        {personalDataLeaks.columns.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            No personal-data value of the sample appears in the output.
          </p>
        ) : (
          <div className="overflow-x-auto rounded-lg border">
            <table className="w-full text-sm" aria-label={`Personal-data leaks of ${table}`}>
              <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
                <tr>
                  <th scope="col" className="px-3 py-1.5 font-medium">
                    Column
                  </th>
                  <th scope="col" className="px-3 py-1.5 font-medium">
                    Kind
                  </th>
                  <th scope="col" className="px-3 py-1.5 text-right font-medium">
                    Sample values found
                  </th>
                </tr>
              </thead>
              <tbody>
                {personalDataLeaks.columns.map((leak) => (
                  <tr key={leak.column} className="border-t">
                    <td className="px-3 py-1.5 font-medium">{leak.column}</td>
                    <td className="px-3 py-1.5">{leak.kind}</td>
                    <td
                      className={`px-3 py-1.5 text-right tabular-nums ${leak.count > 0 ? 'font-medium text-destructive' : ''}`}
                    >
                      {formatCount(leak.count)}
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
