/** Pipeline: opportunities by stage; move one with its menu or by dragging it to a column. */
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Stage } from '../../../src/core/types';
import { api, type OpportunityView } from '../api/client';
import { Field } from '../components/field';
import { ErrorNote, Loading, PageTitle } from '../components/notes';
import { useStageChange } from '../components/stage-change';
import { useForm } from '../components/use-form';
import { useLoad } from '../components/use-load';
import { STAGE_LABELS } from '../format';

const STAGES = Object.keys(STAGE_LABELS) as Stage[];
/**
 * Cards shown per stage until "Show all" is asked for: a 5,000-row import made the board
 * 622,000 px tall at 375 px and took 12 s to render.
 */
export const CARDS_PER_STAGE = 25;

function AddOpportunity({ onAdded }: { onAdded: (o: OpportunityView) => void }) {
  const { form, set, busy, fieldError, formError, submit } = useForm({
    company: '',
    role: '',
    recruiter: '',
    decisionBy: '',
  });
  const send = submit(async (f) => {
    const created = await api.addOpportunity({
      company: f.company,
      role: f.role,
      ...(f.recruiter.trim() && { recruiter: f.recruiter }),
      ...(f.decisionBy && { decisionBy: f.decisionBy }),
    });
    onAdded(created);
  });
  return (
    <form className="card form" onSubmit={send} aria-labelledby="add-opp-heading" noValidate>
      <h2 id="add-opp-heading">Add an opportunity</h2>
      <Field label="Company" error={fieldError('company')}>
        {(p) => (
          <input
            {...p}
            name="company"
            value={form.company}
            onChange={set('company')}
            required
            maxLength={200}
            autoComplete="organization"
          />
        )}
      </Field>
      <Field label="Role" error={fieldError('role')}>
        {(p) => (
          <input {...p} name="role" value={form.role} onChange={set('role')} required maxLength={200} />
        )}
      </Field>
      <Field
        label="Recruiter (optional)"
        hint='As "Name <email>", e.g. Dana Whitfield <dana@northwind.example>'
        error={fieldError('recruiter')}
      >
        {(p) => (
          <input {...p} name="recruiter" value={form.recruiter} onChange={set('recruiter')} maxLength={320} />
        )}
      </Field>
      <Field
        label="They said they would decide by (optional)"
        errorName="The decision date"
        error={fieldError('decisionBy')}
      >
        {(p) => (
          <input {...p} name="decisionBy" type="date" value={form.decisionBy} onChange={set('decisionBy')} />
        )}
      </Field>
      <ErrorNote error={formError} />
      <button type="submit" className="primary" disabled={busy}>
        Add opportunity
      </button>
    </form>
  );
}

function Card({ o, onStage }: { o: OpportunityView; onStage: (o: OpportunityView, stage: Stage) => void }) {
  return (
    <li className="card opp" draggable onDragStart={(e) => e.dataTransfer.setData('text/plain', o.id)}>
      <Link to={`/opportunities/${o.id}`}>
        <strong>{o.company}</strong>
        <span className="block">{o.role}</span>
      </Link>
      <label className="compact">
        <span className="visually-hidden">
          Stage of {o.company} ({o.role})
        </span>
        <select value={o.stage} onChange={(e) => onStage(o, e.target.value as Stage)}>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
    </li>
  );
}

export function PipelinePage() {
  const list = useLoad(() => api.opportunities(), []);
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const stage = useStageChange(list.reload);
  const [opened, setOpened] = useState<ReadonlySet<Stage>>(new Set());
  const adding = params.get('add') === '1';
  if (list.loading) return <Loading what="your pipeline" />;
  const all = list.data?.opportunities ?? [];
  return (
    <section>
      <PageTitle title="Pipeline">Pipeline</PageTitle>
      <ErrorNote error={list.error ?? stage.error} />
      {stage.dialog}
      {adding ? (
        <AddOpportunity onAdded={(o) => navigate(`/opportunities/${o.id}`)} />
      ) : (
        <button type="button" className="primary" onClick={() => setParams({ add: '1' })}>
          Add an opportunity
        </button>
      )}
      {all.length === 0 && !adding && <p className="calm">No opportunities yet.</p>}
      <div className="board">
        {STAGES.map((column) => {
          const here = all.filter((o) => o.stage === column);
          const shown = opened.has(column) ? here : here.slice(0, CARDS_PER_STAGE);
          return (
            <section
              key={column}
              className="column"
              aria-labelledby={`col-${column}`}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                const dragged = all.find((o) => o.id === e.dataTransfer.getData('text/plain'));
                if (dragged) stage.request(dragged, column);
              }}
            >
              <h2 id={`col-${column}`}>
                {STAGE_LABELS[column]} <span className="count">{here.length}</span>
              </h2>
              <ul className="plain">
                {shown.map((o) => (
                  <Card key={o.id} o={o} onStage={stage.request} />
                ))}
              </ul>
              {shown.length < here.length && (
                <button type="button" onClick={() => setOpened(new Set([...opened, column]))}>
                  Show all {here.length.toLocaleString()}
                  <span className="visually-hidden"> {STAGE_LABELS[column]}</span>
                </button>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
