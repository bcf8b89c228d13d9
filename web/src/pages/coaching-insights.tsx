/** A client's insights on a coach's read-only view: the Insights page's own charts, loaded lazily. */
import { coachingApi } from '../api/client';
import { ErrorNote, Loading } from '../components/notes';
import { useLoad } from '../components/use-load';
import { InsightsCharts } from './insights-page';

export function ClientInsights({ clientId }: { clientId: string }) {
  const ins = useLoad(() => coachingApi.insights(clientId), [clientId]);
  if (ins.loading) return <Loading what="insights" />;
  return (
    <section aria-labelledby="client-insights">
      <h2 id="client-insights">Insights</h2>
      {ins.data ? <InsightsCharts data={ins.data.insights} /> : <ErrorNote error={ins.error} />}
    </section>
  );
}
