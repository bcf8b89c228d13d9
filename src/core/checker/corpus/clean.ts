/**
 * Notes that must come back with no finding at all, of any rule: thank-yous, check-ins,
 * thanks-for-consideration notes and reconnects, in US and British English, full of the software
 * and business jargon people really write, and addressed to names with accents, particles and
 * apostrophes. Written for this corpus.
 */
import type { CorpusCase } from './cases';
import { CLEAN_2, CLEAN_3 } from './second-batch';
import { THEY_CLEAN } from './singular-they';
import { SUBJECT_CLEAN } from './subjects';

/** A clean note: nothing is expected of it. */
type Unfound = Omit<CorpusCase, 'expect'>;

const THANK_YOUS: Unfound[] = [
  {
    name: 'thank-you, platform engineering, event sourcing',
    details: ['moving billing to event sourcing', 'flaky integration tests'],
    body: `Hi Siobhán,

Thank you for taking the time to talk with me on Tuesday. Your account of moving billing to event sourcing, and of the replay bugs the team chased down along the way, was the most useful hour of my week.

You mentioned that flaky integration tests slow down releases. I would start by quarantining the worst offenders and tracking them on a shared dashboard, which worked well on my last team.

Best regards,
Sam Okafor`,
  },
  {
    name: 'thank-you, Kubernetes and Terraform jargon',
    to: 'Wen-Li Zhang',
    details: ['Kubernetes upgrade', 'Terraform modules drift'],
    body: `Hi Wen-Li,

Thanks for the conversation this morning about the Kubernetes upgrade and the Terraform modules that drifted out of sync with production. I have run into the same problem with Helm charts and ended up adding a nightly plan in CI that posts the diff to Slack.

I'd be glad to share the GitHub Actions workflow if it's useful.

Cheers,
Sam`,
  },
  {
    name: 'thank-you, Dutch surname with particles',
    to: 'Pieter van der Berg',
    details: ['warehouse routing', 'Kafka consumer lag'],
    body: `Dear Mr van der Berg,

Thank you for walking me through the warehouse routing system yesterday. The way your team watches Kafka consumer lag to decide when to scale out was new to me, and I have been reading about it since.

I look forward to hearing about the next steps.

Kind regards,
Sam Okafor`,
  },
  {
    name: 'thank-you, Irish surname with an apostrophe, title',
    details: ['on-call rotation', 'alert fatigue'],
    body: `Dear Ms O'Connell,

Thank you for the conversation on Thursday. I keep coming back to what you said about alert fatigue and the on-call rotation you redesigned around it.

With thanks,
Sam Okafor`,
  },
  {
    name: 'thank-you, accented hyphenated surname with a title',
    to: 'María García-López',
    company: 'Umbrella Health',
    details: ['HL7 interfaces', 'clinical data pipeline'],
    body: `Dear Dr. García-López,

Thank you for the time you spent with me on Monday. Your overview of the clinical data pipeline, and of the HL7 interfaces that feed it, made it clear how much care goes into every record.

I would be glad to talk more about how I have handled PHI in previous roles.

Sincerely,
Sam Okafor`,
  },
  {
    name: 'thank-you, double-barrelled surname whole',
    to: 'Amara Smith-Okafor',
    company: 'Contoso',
    details: ['data lineage', 'dbt models'],
    body: `Dear Dr. Smith-Okafor,

Thank you for explaining how Contoso tracks data lineage across several hundred dbt models. I had not seen lineage used to decide which dashboards to retire before, and it is a clever use of it.

Best wishes,
Sam Okafor`,
  },
  {
    name: 'thank-you, British spelling',
    locale: 'en-GB',
    to: 'Aoife Ní Bhriain',
    company: 'Contoso',
    details: ['organisation-wide design system', 'colour tokens'],
    body: `Hi Aoife,

Thank you for Wednesday's conversation. I enjoyed hearing how you are rolling out an organisation-wide design system, and the decision to centralise the colour tokens so that every product team can customise them safely.

I have prioritised similar work before and would love to help with the programme.

Best wishes,
Sam`,
  },
  {
    name: 'thank-you, colleague named with a pronoun',
    to: 'Diego Fernández-Ortiz',
    details: ['incident reviews', 'blameless postmortems'],
    body: `Hi Diego,

Thanks for the conversation about incident reviews. Your colleague Tom said he had never seen blameless postmortems stick until your team made them part of the sprint, and that has stayed with me.

All the best,
Sam Okafor`,
  },
  {
    name: 'thank-you, a manager mentioned as she',
    to: 'Kwame Mensah',
    company: 'Tailspin Toys',
    details: ['mobile release train', 'feature flags'],
    body: `Hi Kwame,

Thank you for showing me how the mobile release train works at Tailspin Toys. When I asked about feature flags, you mentioned that your manager had pushed for them after a bad launch, and that she now reviews every flag older than a month.

Looking forward to hearing from you,
Sam Okafor`,
  },
  {
    name: 'thank-you, SQL and API acronyms',
    to: 'Priya Raman',
    details: ['sharding the payments ledger', 'Postgres'],
    body: `Hi Priya,

Thank you for the system design round. Sharding the payments ledger in Postgres is a problem I would love to work on, and your point about keeping the API idempotent while rows move between shards was a good one. I have used SQL advisory locks for something similar on AWS.

Best,
Sam Okafor`,
  },
  {
    name: 'thank-you, short and warm',
    to: 'Chloé Dubois',
    company: 'Contoso',
    details: ['accessibility audit'],
    body: `Hi Chloé,

Thank you for a lovely conversation this afternoon. Your accessibility audit of the checkout flow is exactly the kind of work I want to do more of.

Warmly,
Sam`,
  },
  {
    name: 'thank-you, German umlaut and a promise',
    to: 'Jürgen Müller',
    details: ['gRPC migration', 'latency budget'],
    body: `Dear Jürgen,

Thank you for talking with me about the gRPC migration and the latency budget each service has to live within. As promised, I am attaching the write-up on how we cut p99 latency by a third.

Kind regards,
Sam Okafor`,
  },
  {
    name: 'thank-you, business jargon',
    to: 'Sanjay Patel',
    company: 'Global Payments',
    details: ['go-to-market plan', 'enterprise churn'],
    body: `Hi Sanjay,

Thanks for walking me through the go-to-market plan for the enterprise tier. Your point about enterprise churn showing up in the NPS survey a quarter before it hits ARR was sharp, and I would like to help build the dashboards that catch it early.

Regards,
Sam Okafor`,
  },
  {
    name: 'thank-you, greeting by first name to a titled reader',
    to: 'Priya Raman',
    details: ['chaos drills'],
    body: `Hi Priya,

Thank you for the panel this morning. Hearing about the chaos drills your team runs on Fridays made me want to try them on my current project.

Best,
Sam Okafor`,
  },
  {
    name: 'thank-you, the user’s own words',
    to: 'Tomasz Wójcik',
    details: ['dogfooding the scheduler', 'test flakiness'],
    body: `Hi Tomasz,

Thank you for the time on Friday. I liked hearing that the team is dogfooding the scheduler before each release, and how that cut the test flakiness you had been fighting with Quarkus.

Best regards,
Sam Okafor`,
  },
  {
    name: 'thank-you, en-GB with analyse and behaviour',
    locale: 'en-GB',
    to: 'Aoife Ní Bhriain',
    company: 'Contoso',
    details: ['user behaviour analytics', 'licence costs'],
    body: `Dear Aoife,

Many thanks for the interview yesterday. I found our discussion of user behaviour analytics fascinating, especially how you analyse drop-off on the licence renewal page. I have a few ideas about the centre of that funnel that I would be happy to share.

Yours sincerely,
Sam Okafor`,
  },
  {
    name: 'thank-you, a customer quoted as he',
    details: ['customer interviews', 'onboarding flow'],
    body: `Hi Siobhán,

Thank you for the conversation about the onboarding flow. The customer you quoted, who said he gave up after the third form, is a story I will remember, and it matches what I saw in customer interviews at my last job.

Best regards,
Sam Okafor`,
  },
  {
    name: 'thank-you, Northwind short form and role slot',
    details: ['ML platform', 'feature store'],
    body: `Hi Siobhán,

Thank you for telling me about the ML platform and the feature store you are building. I left even more excited about the role at Northwind and about working with the data science team.

Best,
Sam Okafor`,
  },
];

const CHECK_INS: Unfound[] = [
  {
    name: 'check-in, polite and on time',
    kind: 'check-in',
    to: 'Dana Whitfield',
    body: `Hi Dana,

I hope your week is going well. I wanted to check in on the Senior Engineer role; I remain very interested and would be glad to send anything else that helps the team decide.

Best regards,
Sam Okafor`,
  },
  {
    name: 'check-in, a day after the suggested day (not late)',
    kind: 'check-in',
    to: 'Dana Whitfield',
    input: { opensAt: '2026-12-21T09:00:00Z', due: null, sendAt: '2026-12-22T15:00:00Z' },
    body: `Hi Dana,

I hope you had a good weekend. Is there any news on the timeline for the platform role? I am still very keen, and happy to answer any questions from the team.

Thanks,
Sam`,
  },
  {
    name: 'check-in, en-GB after the decision date',
    kind: 'check-in',
    locale: 'en-GB',
    to: 'Dana Whitfield',
    body: `Hi Dana,

I understand the team was hoping to make a decision last week, so I thought I would check in. I realise these things take time; I am still very enthusiastic about the role and the programme of work we discussed.

Kind regards,
Sam Okafor`,
  },
  {
    name: 'check-in, mentions a new offer calmly',
    kind: 'check-in',
    to: 'Dana Whitfield',
    body: `Hi Dana,

A quick note to let you know that I have received another offer. Northwind Labs is still my first choice, so if there is anything I can do to help with the timeline, please let me know.

All the best,
Sam Okafor`,
  },
  {
    name: 'check-in, a week on, short',
    kind: 'check-in',
    to: 'Dana Whitfield',
    body: `Hi Dana,

I wanted to follow up on my interviews from last Tuesday. Do you have a sense of the next steps?

Best,
Sam`,
  },
  {
    name: 'check-in, after sending a work sample',
    kind: 'check-in',
    to: 'Dana Whitfield',
    body: `Hello Dana,

Last week I sent Priya the load-testing write-up I mentioned in my interview. I hope it was useful, and I would be happy to walk the team through it on a call.

Regards,
Sam Okafor`,
  },
];

const CONSIDERATION: Unfound[] = [
  {
    name: 'thanks-for-consideration, gracious',
    kind: 'thanks-for-consideration',
    to: 'Dana Whitfield',
    body: `Hi Dana,

Thank you for letting me know, and for the care you took throughout the process. I enjoyed meeting the team and learned a lot from the system design round. I would be glad to be considered for future openings.

Best wishes,
Sam Okafor`,
  },
  {
    name: 'thanks-for-consideration, en-GB',
    kind: 'thanks-for-consideration',
    locale: 'en-GB',
    to: 'Chloé Dubois',
    company: 'Contoso',
    body: `Dear Chloé,

Thank you for your honest feedback. I am disappointed, of course, but I appreciated how organised and thoughtful the whole process was. I hope our paths cross again.

Kind regards,
Sam Okafor`,
  },
  {
    name: 'thanks-for-consideration, asks for feedback',
    kind: 'thanks-for-consideration',
    to: 'Sanjay Patel',
    company: 'Global Payments',
    body: `Hi Sanjay,

Thank you for the update and for your time over the past few weeks. If you have a moment, I would value any feedback on where my case study fell short; it would help me a great deal.

Thanks again,
Sam`,
  },
];

const RECONNECTS: Unfound[] = [
  {
    name: 'reconnect, months later',
    kind: 'reconnect',
    to: 'Kwame Mensah',
    company: 'Tailspin Toys',
    body: `Hi Kwame,

It has been a few months since we spoke about the mobile team at Tailspin Toys. I saw the launch of the new parental controls and wanted to say congratulations; it looks great.

I have since led a React Native migration at my current job and would love to catch up if you have time for a coffee.

Best,
Sam Okafor`,
  },
  {
    name: 'reconnect, new role opened',
    kind: 'reconnect',
    to: 'Wen-Li Zhang',
    body: `Hi Wen-Li,

I hope you are well. I noticed that Northwind Labs has opened a Staff SRE role, and I remembered our conversation about observability budgets last spring. Would you be open to a short chat about it?

Many thanks,
Sam Okafor`,
  },
  {
    name: 'reconnect, en-GB, conference',
    kind: 'reconnect',
    locale: 'en-GB',
    to: 'Jürgen Müller',
    body: `Hello Jürgen,

I enjoyed your talk at the conference in Berlin on Thursday, particularly the part about modelling latency budgets. It reminded me of our interview last year. If the team is growing again, I would love to hear about it.

Best regards,
Sam Okafor`,
  },
];

const OTHER: Unfound[] = [
  {
    name: 'other, scheduling reply',
    kind: 'other',
    to: 'Dana Whitfield',
    body: `Hi Dana,

Thursday at 2pm Pacific works well for me. I will use the Zoom link from the invite.

Thanks,
Sam Okafor`,
  },
  {
    name: 'other, sending references',
    kind: 'other',
    to: 'Dana Whitfield',
    body: `Hi Dana,

As requested, here are two references: my manager at my current company and a former tech lead. Both know to expect a call this week.

Best regards,
Sam Okafor`,
  },
  {
    name: 'other, a write-up as soon as I can, an update on the migration',
    kind: 'other',
    to: 'Dana Whitfield',
    body: `Hi Dana,

I'll send the write-up as soon as I can, and I can share an update on the migration I mentioned once the cut-over is done.

Best regards,
Sam Okafor`,
  },
  {
    name: 'check-in, an update on the timeline, nervous at first',
    kind: 'check-in',
    to: 'Dana Whitfield',
    body: `Hi Dana,

I was nervous at first on Tuesday, but the panel put me at ease. Is there an update on the timeline for the platform role? It would help me plan my notice period.

Best regards,
Sam Okafor`,
  },
  {
    name: 'thank-you, as soon as the fix shipped, any chance to pair',
    body: `Hi Siobhán,

Thank you for the conversation about the billing service. You said the team rolled back as soon as the replay fix shipped, which is exactly what I would have done. I would welcome the chance to pair on that code.

Best regards,
Sam Okafor`,
  },
  {
    name: 'other, tools typed in lower case (pgbouncer, github, kubernetes)',
    kind: 'other',
    to: 'Wen-Li Zhang',
    body: `Hi Wen-Li,

As promised, here is the github link to the pgbouncer config I mentioned, with the kubernetes manifests and the graphql schema we used.

Best regards,
Sam Okafor`,
  },
  {
    name: 'other, one-line thanks with no sign-off',
    kind: 'other',
    to: 'Dana Whitfield',
    body: 'Thanks, Dana! Got the invite.',
  },
];

/** Every note that must come back with no finding at all. */
export const CLEAN: readonly CorpusCase[] = [
  ...THANK_YOUS,
  ...CHECK_INS,
  ...CONSIDERATION,
  ...RECONNECTS,
  ...OTHER,
  ...CLEAN_2,
  ...CLEAN_3,
  ...SUBJECT_CLEAN,
  ...THEY_CLEAN,
].map((c) => ({ ...c, expect: [] }));
