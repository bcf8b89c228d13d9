/**
 * A second batch of notes, written after the rules in another voice (casual and formal, other
 * names, third parties as "she" and "he", other sign-offs) to measure how the rules carry over to
 * wordings they were not written for. Its first run found 4 clean notes flagged (two of them
 * British spellings in en-US notes, which were the notes' fault) and 4 misses; the rules were
 * then fixed for the classes behind them, not for these sentences.
 */
import type { CorpusCase } from './cases';

/** Clean notes of the second batch. */
export const CLEAN_2: ReadonlyArray<Omit<CorpusCase, 'expect'>> = [
  {
    name: 'c1 casual',
    to: 'Kwame Mensah',
    company: 'Tailspin Toys',
    details: ['toy recommendation engine'],
    body: `Hey Kwame,\n\nReally enjoyed chatting yesterday about the toy recommendation engine. The cold-start trick you described (seeding with product metadata until there's enough click data) is clever, and I've been sketching how I'd A/B test it.\n\nThanks again for your time!\n\nSam`,
  },
  {
    name: 'c2 formal GB',
    locale: 'en-GB',
    to: 'Aoife Ní Bhriain',
    company: 'Contoso',
    details: ['centralised logging', 'GDPR retention'],
    body: `Dear Aoife,\n\nThank you for taking the time to meet me on Friday. I particularly valued our discussion of centralised logging and how your team handles GDPR retention periods across regions. It is a problem I have tackled before, and I would be delighted to contribute.\n\nYours sincerely,\nSam Okafor`,
  },
  {
    name: 'c3 third party she',
    to: 'Priya Raman',
    details: ['pairing sessions'],
    body: `Hi Priya,\n\nThanks for a great afternoon. Meeting Jess from the design team was a highlight; she clearly cares about the pairing sessions between design and engineering, and so do I.\n\nBest wishes,\nSam`,
  },
  {
    name: 'c4 recruiter check-in',
    kind: 'check-in',
    to: 'Dana Whitfield',
    body: `Hi Dana,\n\nHope you're doing well! I wanted to touch base on the Staff Engineer position. I'm still very excited about the opportunity and happy to provide anything else the team needs.\n\nWarm regards,\nSam Okafor`,
  },
  {
    name: 'c5 jargon heavy',
    to: 'Wen-Li Zhang',
    details: ['OpenTelemetry', 'tail-based sampling'],
    body: `Hi Wen-Li,\n\nThank you for the deep dive into your OpenTelemetry setup. Tail-based sampling to keep every trace with an error, while dropping 95% of the healthy ones, is something I want to try on our Grafana stack. I also liked your take on SLO burn-rate alerts versus static thresholds.\n\nCheers,\nSam`,
  },
  {
    name: 'c6 husband he',
    kind: 'reconnect',
    to: 'Chloé Dubois',
    company: 'Contoso',
    body: `Hi Chloé,\n\nI hope you had a lovely summer. My husband and I finally visited Lyon, and he insisted we try the bistro you recommended; it was wonderful.\n\nI'd love to hear how the accessibility work is going, if you have time for a coffee.\n\nAll the best,\nSam`,
  },
  {
    name: 'c7 thanks for consideration',
    kind: 'thanks-for-consideration',
    to: 'Dana Whitfield',
    body: `Hi Dana,\n\nThanks for letting me know, and for being so transparent throughout. Although I'm disappointed, I really enjoyed meeting everyone at Northwind Labs and would welcome the chance to stay in touch.\n\nBest,\nSam Okafor`,
  },
  {
    name: 'c8 acronyms prose',
    to: 'Sanjay Patel',
    company: 'Global Payments',
    details: ['PCI scope reduction'],
    body: `Hi Sanjay,\n\nThank you for walking me through the PCI scope reduction project. Tokenizing card data at the edge so that fewer services touch PANs is a smart approach, and it mirrors what we did at my last company with AWS KMS and a small HSM-backed service. Happy to share more about how HR and legal signed off on it.\n\nRegards,\nSam Okafor`,
  },
  {
    name: 'c9 mr with particle',
    to: 'Pieter van der Berg',
    details: ['route optimisation'],
    locale: 'en-GB',
    body: `Dear Mr van der Berg,\n\nMany thanks for our conversation about route optimisation. I have been reading about the vehicle routing heuristics you mentioned and would enjoy working on them with your team.\n\nKind regards,\nSam Okafor`,
  },
  {
    name: 'c10 named colleague his',
    to: 'Diego Fernández-Ortiz',
    details: ['canary releases'],
    body: `Hi Diego,\n\nThanks for the conversation about canary releases. When Marco joined the call, his story about rolling back a bad config in under a minute showed how much the team has invested in tooling.\n\nBest regards,\nSam`,
  },
  {
    name: 'c11 short other',
    kind: 'other',
    to: 'Dana Whitfield',
    body: `Hi Dana,\n\nConfirming I'll be at the office at 10am on Monday. See you then!\n\nSam`,
  },
  {
    name: 'c12 greeting dear first name',
    to: 'Jürgen Müller',
    details: ['Rust rewrite'],
    body: `Dear Jürgen,\n\nThank you for explaining why the team chose to rewrite the ingestion service in Rust. The numbers you shared on memory usage were impressive, and I'd welcome the chance to help finish the migration.\n\nWith best wishes,\nSam Okafor`,
  },
  {
    name: 'c13 decision date ok',
    kind: 'check-in',
    to: 'Dana Whitfield',
    body: `Hello Dana,\n\nYou mentioned the team hoped to decide by the end of last week, so I thought I would check in. No rush at all; I just wanted to say I remain very interested.\n\nKind regards,\nSam`,
  },
  {
    name: 'c14 promise attachment',
    to: 'Tomasz Wójcik',
    details: ['scheduler backpressure'],
    body: `Hi Tomasz,\n\nAs promised, I've attached my notes on scheduler backpressure from our conversation, including the token-bucket sketch we drew on the whiteboard. Let me know if anything is unclear.\n\nThanks,\nSam Okafor`,
  },
  {
    name: 'c15 manager she context',
    kind: 'check-in',
    to: 'Dana Whitfield',
    body: `Hi Dana,\n\nI enjoyed meeting the hiring manager last week. She mentioned the team would share feedback after the onsite, so I wanted to see whether there is anything more I can provide.\n\nBest,\nSam Okafor`,
  },
];

/** Flagged notes of the second batch (names start with the rule they must trigger). */
export const FLAGGED_2: readonly CorpusCase[] = [
  {
    name: 'f desperate: would do literally anything',
    body: `Hi Siobhán,\n\nThank you for the time. I would literally do anything to join the team.\n\nBest,\nSam`,
    expect: ['desperate-tone'],
  },
  {
    name: 'f desperate: still no reply',
    kind: 'check-in',
    to: 'Dana Whitfield',
    body: `Hi Dana,\n\nI sent my references two weeks ago and still haven't had a reply.\n\nBest,\nSam`,
    expect: ['desperate-tone'],
  },
  {
    name: 'f desperate: hate to be a bother',
    kind: 'check-in',
    to: 'Dana Whitfield',
    body: `Hi Dana,\n\nI hate to bother you again, but have you made a decision?\n\nBest,\nSam`,
    expect: ['desperate-tone'],
  },
  {
    name: 'f desperate: one more chance',
    body: `Hi Siobhán,\n\nI know the coding round went badly. Please give me one more chance.\n\nBest,\nSam`,
    expect: ['desperate-tone'],
  },
  {
    name: 'f desperate: I promise I will not let you down',
    body: `Hi Siobhán,\n\nThanks for Tuesday. I promise I will not let you down if you take me on.\n\nBest,\nSam`,
    expect: ['desperate-tone'],
  },
  {
    name: 'f desperate: I need this role',
    body: `Hi Siobhán,\n\nThank you again. I need this role more than anything.\n\nBest,\nSam`,
    expect: ['desperate-tone'],
  },
  {
    name: 'f desperate: urgent reply',
    kind: 'check-in',
    to: 'Dana Whitfield',
    body: `Hi Dana,\n\nI need a response urgently as I have another offer on the table.\n\nBest,\nSam`,
    expect: ['desperate-tone'],
  },
  {
    name: 'f desperate: following up yet again',
    kind: 'check-in',
    to: 'Dana Whitfield',
    body: `Hi Dana,\n\nFollowing up yet again on the platform role.\n\nBest,\nSam`,
    expect: ['desperate-tone'],
  },
  {
    name: 'f desperate: any news?!',
    kind: 'check-in',
    to: 'Dana Whitfield',
    body: `Hi Dana,\n\nAny news?!\n\nBest,\nSam`,
    expect: ['desperate-tone'],
  },
  {
    name: 'f desperate: so so so',
    body: `Hi Siobhán,\n\nI am so so so excited about this.\n\nBest,\nSam`,
    expect: ['desperate-tone'],
  },
  {
    name: 'f desperate: it would mean everything',
    body: `Hi Siobhán,\n\nThanks for the chat. Getting this offer would mean everything.\n\nBest,\nSam`,
    expect: ['desperate-tone'],
  },
  {
    name: 'f desperate: I am begging',
    body: `Hi Siobhán,\n\nI am begging for a second interview.\n\nBest,\nSam`,
    expect: ['desperate-tone'],
  },
  {
    name: 'f placeholder: [INSERT DETAIL]',
    body: `Hi Siobhán,\n\nI loved hearing about [INSERT DETAIL].\n\nBest,\nSam`,
    expect: ['placeholder'],
  },
  {
    name: 'f placeholder: ROLE TITLE',
    body: `Hi Siobhán,\n\nThank you for meeting me about the ROLE TITLE position.\n\nBest,\nSam`,
    expect: ['placeholder'],
  },
  {
    name: 'f placeholder: NAME alone',
    body: `Dear NAME,\n\nThank you for meeting me about the platform role.\n\nBest,\nSam`,
    expect: ['placeholder'],
  },
  {
    name: 'f placeholder: xxxx',
    body: `Hi Siobhán,\n\nThank you for meeting me on xxxx about the platform role.\n\nBest,\nSam`,
    expect: ['placeholder'],
  },
  {
    name: 'f placeholder: <<Name>>',
    body: `Hi <<Name>>,\n\nThank you for meeting me about the platform role.\n\nBest,\nSam`,
    expect: ['placeholder'],
  },
  {
    name: 'f name: Mr. Vanderberg',
    to: 'Pieter van der Berg',
    body: `Dear Mr. Vanderberg,\n\nThank you for meeting me about the routing work.\n\nBest,\nSam`,
    expect: ['wrong-name'],
  },
  {
    name: 'f name: Ms Smith',
    to: 'Amara Smith-Okafor',
    body: `Dear Ms Smith,\n\nThank you for meeting me about lineage.\n\nBest,\nSam`,
    expect: ['wrong-name'],
  },
  {
    name: 'f name: Chloe',
    to: 'Chloé Dubois',
    company: 'Contoso',
    body: `Hi Chloe,\n\nThank you for meeting me about accessibility.\n\nBest,\nSam`,
    expect: ['wrong-name'],
  },
  {
    name: 'f name: Jurgen',
    to: 'Jürgen Müller',
    body: `Hi Jurgen,\n\nThank you for meeting me about Rust.\n\nBest,\nSam`,
    expect: ['wrong-name'],
  },
  {
    name: 'f company: Globex team',
    body: `Hi Siobhán,\n\nThank you for introducing me to the Globex team and to Northwind Labs' culture.\n\nBest,\nSam`,
    expect: ['wrong-company'],
  },
  {
    name: 'f company: Initech possessive curly',
    body: `Hi Siobhán,\n\nI'd love to bring my experience from Initech’s competitors to Northwind.\n\nBest,\nSam`,
    expect: ['wrong-company'],
  },
  {
    name: 'f third: her team',
    body: `Hi Siobhán,\n\nThank you for the interview. I loved hearing about her team's approach to incident reviews.\n\nBest,\nSam`,
    expect: ['addressee-third-person'],
  },
  {
    name: 'f third: he showed',
    to: 'Diego Fernández-Ortiz',
    body: `Hi Diego,\n\nThanks for Monday. He showed me the dashboards for the payments flow and I was impressed.\n\nBest,\nSam`,
    expect: ['addressee-third-person'],
  },
  {
    name: 'f unsigned: Best wishes',
    body: `Hi Siobhán,\n\nThank you for meeting me about billing.\n\nBest wishes,`,
    expect: ['unsigned'],
  },
  {
    name: 'f unsigned: Thanks again!',
    body: `Hi Siobhán,\n\nThank you for meeting me about billing.\n\nThanks again!`,
    expect: ['unsigned'],
  },
];

/** A third batch of clean notes, checked the same way (one fix followed: "XGBoost"-style names). */
export const CLEAN_3: ReadonlyArray<Omit<CorpusCase, 'expect'>> = [
  {
    name: 'd1',
    to: 'Sanjay Patel',
    company: 'Global Payments',
    details: ['fraud model drift'],
    body: `Hi Sanjay,\n\nThank you for Thursday's panel. The way your team retrains the fraud model when drift shows up in the weekly reports made a lot of sense to me. At my current job we use a similar approach with XGBoost and a feature store, so I'd be glad to compare notes.\n\nBest,\nSam Okafor`,
  },
  {
    name: 'd3',
    kind: 'check-in',
    to: 'Dana Whitfield',
    body: `Hi Dana,\n\nI hope the holidays treated you well. Since we last spoke, I've shipped the open-source load-testing tool I mentioned in my interview; here's the link in case it's useful to the team: https://github.com/example/loadtest.\n\nPlease let me know if there's anything else you need from me.\n\nBest,\nSam Okafor`,
  },
  {
    name: 'd4',
    to: 'Priya Raman',
    details: ['interview loop redesign'],
    body: `Hi Priya,\n\nThanks so much for your time today. I loved hearing about the interview loop redesign and the rubric your team uses to make decisions more consistent. It's clearly made a difference for candidates like me.\n\nTalk soon,\nSam`,
  },
  {
    name: 'd5',
    to: 'Kwame Mensah',
    company: 'Tailspin Toys',
    details: ['offline mode'],
    body: `Hello Kwame,\n\nI really appreciated the candid discussion about offline mode in the Tailspin app. Your point that most support tickets come from flaky connections on trains was eye-opening. I've worked on sync conflicts with CRDTs before and would enjoy digging into this with your team.\n\nThank you again,\nSam Okafor`,
  },
  {
    name: 'd6',
    kind: 'reconnect',
    to: 'Sanjay Patel',
    company: 'Global Payments',
    body: `Hi Sanjay,\n\nCongratulations on the Series C! I saw the announcement on LinkedIn this morning. We spoke last spring about the risk team, and I'd love to hear how things have grown since then.\n\nWarmly,\nSam`,
  },
  {
    name: 'd7',
    to: 'Tomasz Wójcik',
    details: ['monorepo migration'],
    body: `Dear Tomasz,\n\nThank you for walking me through the monorepo migration. I was struck by how your team uses Bazel remote caching to keep CI under ten minutes, and by the story of the engineer who built the first prototype on a weekend; he sounds like a great colleague to have.\n\nBest regards,\nSam Okafor`,
  },
  {
    name: 'd8',
    kind: 'thanks-for-consideration',
    to: 'Dana Whitfield',
    body: `Dear Dana,\n\nThank you for letting me know about the decision. While I'm sorry it didn't work out this time, I'm grateful for the opportunity to meet the team, and I would be keen to be considered for future roles.\n\nWith best wishes,\nSam Okafor`,
  },
  {
    name: 'd9',
    to: 'Wen-Li Zhang',
    details: ['incident commander rotation'],
    body: `Hi Wen-Li,\n\nThank you for explaining the incident commander rotation. I liked that every new engineer shadows two incidents before taking the pager, and I'd bring the same care to the role.\n\nKind regards,\nSam`,
  },
  {
    name: 'd10',
    to: 'Jürgen Müller',
    details: ['zero-downtime schema changes'],
    body: `Hi Jürgen,\n\nThanks for the technical round. Zero-downtime schema changes are a favorite topic of mine, and your expand-and-contract checklist was a good reminder to keep migrations reversible.\n\nBest,\nSam Okafor`,
  },
  {
    name: 'd11',
    kind: 'other',
    to: 'Dana Whitfield',
    body: `Hi Dana,\n\nThanks for sending the offer details. Could we find 20 minutes this week to talk through the equity vesting schedule? Tuesday or Wednesday afternoon would work well for me.\n\nBest regards,\nSam Okafor`,
  },
  {
    name: 'd12',
    to: 'Amara Smith-Okafor',
    company: 'Contoso',
    details: ['data contracts'],
    body: `Hi Amara,\n\nThank you for the conversation about data contracts between product and analytics. Your example of a renamed column silently breaking the churn dashboard is one I've lived through too.\n\nCheers,\nSam`,
  },
];
