/**
 * Words job seekers write in interview notes that the general English dictionary lacks. Plural
 * and other forms are listed where the note is likely to use them, since added words take no affixes.
 */
export const WORKPLACE_WORDS: readonly string[] = (
  'onboarding onboard onboarded microservice microservices walkthrough walkthroughs frontend backend ' +
  'fullstack roadmap roadmaps observability standup standups async codebase codebases monorepo monorepos ' +
  'serverless runbook runbooks postmortem postmortems touchpoint touchpoints cybersecurity chatbot chatbots ' +
  'upskilling reskilling hackathon hackathons mentee mentees signup signups preprocessing whiteboarding ' +
  'realtime incentivize fintech healthtech edtech ecommerce cofounder cofounders dataset datasets ' +
  'Kubernetes GraphQL TypeScript JavaScript Postgres PostgreSQL Terraform Golang LinkedIn GitHub GitLab ' +
  'Figma Jira Confluence Slack Zoom Kafka Redis Docker DevOps SaaS APIs OKRs KPIs ' +
  // Gaps in the cspell lists found by running job-search jargon through the checker.
  'dbt embeddings scikit upsell upsells upselling failover rollout rollouts wireframe wireframes wireframing ' +
  'insurtech proptech martech adtech omnichannel upskill dashboarding lakehouse Pulumi Jetpack dedupe dedup ' +
  'timebox timeboxed timeboxing roadmapping replatform replatforming autoscaling autoscaler Fargate hotfix ' +
  'hotfixes hypergrowth scaleup scaleups merch Vercel Supabase Netlify Databricks PySpark NumPy learnings ' +
  'backfills backfilling runbooked offsites ' +
  // Tools the cspell lists lack, often typed in lower case ("pgbouncer"): matched ignoring case.
  'PgBouncer pgbench pgvector ClickHouse FastAPI PyTorch TensorFlow Airflow TimescaleDB DuckDB Vitest ' +
  'esbuild Turborepo Playwright Storybook Jaeger SvelteKit Snowflake Looker Tableau Pulsar Flink'
).split(' ');
