/** Insights: charts people would rather look at than read. Loaded lazily (recharts is large). */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { plural } from '../../../src/core/plural';
import type { InsightsView } from '../../../src/features/insights/insights.presenter';
import { request } from '../api/client';
import { ErrorNote, Loading, PageTitle } from '../components/notes';
import { useLoad } from '../components/use-load';
import { STAGE_LABELS } from '../format';

function Chart({
  title,
  summary,
  table,
  children,
  empty,
  height = 260,
}: {
  title: string;
  summary: string;
  /** The chart's numbers as a table, for screen readers and anyone who prefers reading them. */
  table?: React.ReactElement | undefined;
  children: React.ReactElement;
  /** What to say instead of empty axes when there is nothing to chart yet. */
  empty?: string | undefined;
  /** Bar charts with one row per company grow with the number of companies. */
  height?: number;
}) {
  const id = title.toLowerCase().replace(/[^a-z]+/g, '-');
  return (
    <figure className="card chart" aria-labelledby={id}>
      <figcaption id={id}>
        <h2>{title}</h2>
        <p className="muted">{summary}</p>
      </figcaption>
      {empty ? (
        <p className="chart-empty">{empty}</p>
      ) : (
        <>
          <div className="chart-box">
            <ResponsiveContainer width="100%" height={height}>
              {children}
            </ResponsiveContainer>
          </div>
          {table && <div className="chart-table-wrap">{table}</div>}
        </>
      )}
    </figure>
  );
}

export function InsightsPage() {
  const ins = useLoad(() => request<InsightsView>('GET', '/api/insights'), []);
  if (ins.loading) return <Loading what="insights" />;
  if (!ins.data) return <ErrorNote error={ins.error ?? 'Insights could not be loaded.'} />;
  return (
    <section>
      <PageTitle title="Insights">Insights</PageTitle>
      <InsightsCharts data={ins.data} />
    </section>
  );
}

/** The charts themselves: the Insights page, and a coach's read-only view of a client. */
export function InsightsCharts({ data }: { data: InsightsView }) {
  const { funnel, responseDays, responseDaysByStage, thankYous, checkIns } = data;
  const byStage = responseDaysByStage.map((r) => ({ ...r, stage: STAGE_LABELS[r.stage] ?? r.stage }));
  const funnelData = funnel.map((f) => ({ stage: STAGE_LABELS[f.stage] ?? f.stage, count: f.count }));
  const anyOpportunity = funnel.some((f) => f.count > 0);
  /** One horizontal bar per company: names stay readable on the axis, even on a phone. */
  const rowsHeight = (n: number) => Math.max(160, 40 + n * 36);
  const thanks = [
    { name: 'On time', value: thankYous.onTime },
    { name: 'Late', value: thankYous.late },
  ];
  return (
    <div className="charts">
      <Chart
        title="Funnel"
        summary={
          anyOpportunity
            ? funnelData.map((f) => `${f.stage}: ${f.count}`).join(', ')
            : 'How many opportunities reached each stage.'
        }
        empty={anyOpportunity ? undefined : 'No opportunities yet: the funnel fills in as you add them.'}
      >
        <BarChart data={funnelData} layout="vertical" margin={{ left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="stage" width={100} />
          <Tooltip />
          <Bar dataKey="count" name="Opportunities" fill="#3b6ea5" />
        </BarChart>
      </Chart>
      <Chart
        title="Days to first response"
        summary="How many days each company took to answer your first note."
        empty={responseDays.length ? undefined : 'No replies recorded yet.'}
        height={rowsHeight(responseDays.length)}
        table={
          <table className="chart-table">
            <caption className="visually-hidden">Days to first response by company</caption>
            <thead>
              <tr>
                <th scope="col">Company</th>
                <th scope="col">Days</th>
              </tr>
            </thead>
            <tbody>
              {responseDays.map((r) => (
                <tr key={r.company}>
                  <th scope="row">{r.company}</th>
                  <td>{plural(r.days, 'day')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <BarChart data={responseDays} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="company" width={110} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="days" name="Days" fill="#5a8f5a" />
        </BarChart>
      </Chart>
      <Chart
        title="Days to first response by stage"
        summary="Average days to the first reply, by the stage each opportunity was in when your first note went out or interview ended."
        empty={byStage.length ? undefined : 'No replies recorded yet.'}
        table={
          byStage.length ? (
            <table className="chart-table">
              <caption className="visually-hidden">Days to first response by stage</caption>
              <thead>
                <tr>
                  <th scope="col">Stage</th>
                  <th scope="col">Average days</th>
                  {/* Short enough for a phone beside "Interviewing"; read out in full. */}
                  <th scope="col">
                    Count<span className="visually-hidden"> of opportunities</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {byStage.map((r) => (
                  <tr key={r.stage}>
                    <th scope="row">{r.stage}</th>
                    <td>{r.days}</td>
                    <td>{r.opportunities}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : undefined
        }
      >
        <BarChart data={byStage}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="stage" />
          <YAxis />
          <Tooltip />
          <Bar dataKey="days" name="Average days" fill="#7a5fa5" />
        </BarChart>
      </Chart>
      <Chart
        title="Thank-you notes on time"
        summary={
          thankYous.onTime + thankYous.late > 0
            ? `${thankYous.onTime} on time, ${thankYous.late} late.`
            : 'Thank-you notes sent within the playbook’s time, and late ones.'
        }
        empty={thankYous.onTime + thankYous.late > 0 ? undefined : 'No thank-you notes sent yet.'}
      >
        <PieChart>
          <Pie data={thanks} dataKey="value" nameKey="name" innerRadius={50} outerRadius={90} label>
            <Cell fill="#5a8f5a" />
            <Cell fill="#b5543c" />
          </Pie>
          <Legend />
          <Tooltip />
        </PieChart>
      </Chart>
      <Chart
        title="Check-ins per reply"
        summary={
          checkIns.length
            ? `${plural(
                checkIns.reduce((n, c) => n + c.checkIns, 0),
                'check-in',
              )} sent and ${plural(
                checkIns.reduce((n, c) => n + c.replies, 0),
                'reply',
              )} received, across ${plural(checkIns.length, 'company', 'companies')}.`
            : 'Check-ins you sent and the replies they brought, by company.'
        }
        table={
          <table className="chart-table">
            <caption className="visually-hidden">Check-ins and replies by company</caption>
            <thead>
              <tr>
                <th scope="col">Company</th>
                <th scope="col">Check‑ins</th>
                <th scope="col">Replies</th>
              </tr>
            </thead>
            <tbody>
              {checkIns.map((c) => (
                <tr key={c.company}>
                  <th scope="row">{c.company}</th>
                  <td>{c.checkIns}</td>
                  <td>{c.replies}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
        empty={checkIns.length ? undefined : 'No check-ins or replies yet.'}
        height={rowsHeight(checkIns.length)}
      >
        <BarChart data={checkIns} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="company" width={110} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="checkIns" name="Check-ins sent" fill="#3b6ea5" />
          <Bar dataKey="replies" name="Replies" fill="#5a8f5a" />
        </BarChart>
      </Chart>
    </div>
  );
}
