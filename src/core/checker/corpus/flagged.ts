/**
 * Notes that must be flagged, several wordings per class of mistake. Written for this corpus;
 * each names the rules it must trigger (others may fire too).
 */
import type { CorpusCase } from './cases';
import { FLAGGED_2 } from './second-batch';
import { THEY_FLAGGED } from './singular-they';
import { SUBJECT_FLAGGED, SUBJECT_SPELLING_FLAGGED } from './subjects';

const sign = (body: string, name = 'Sam Okafor'): string => `${body}\n\nBest regards,\n${name}`;

const DESPERATE: CorpusCase[] = [
  [
    "I'd do anything",
    "Hi Siobhán,\n\nThanks for the chat about the billing migration. Honestly, I'd do anything to be part of that team.",
  ],
  [
    'I would do anything',
    'Hi Siobhán,\n\nI enjoyed hearing about the billing migration. I would do anything to work on it with you.',
  ],
  [
    'whatever it takes',
    "Hi Siobhán,\n\nThank you for the conversation about on-call. I'll do whatever it takes to get this role.",
  ],
  [
    "haven't heard back",
    "Hi Dana,\n\nI haven't heard back since my interview on Tuesday and wanted to see where things stand.",
  ],
  [
    'still have not heard anything',
    'Hi Dana,\n\nIt has been two weeks and I still have not heard anything about the Senior Engineer role.',
  ],
  [
    'sorry to bother you again',
    'Hi Dana,\n\nSorry to bother you again, but is there any news on the platform role?',
  ],
  [
    'apologies for pestering',
    'Hi Dana,\n\nApologies for pestering you, I know you are busy. Is a decision close?',
  ],
  ['any update??', 'Hi Dana,\n\nAny update on the Senior Engineer position??'],
  ['just following up again', 'Hi Dana,\n\nJust following up again on my application for the platform role.'],
  [
    'checking in once more',
    'Hi Dana,\n\nI am checking in once more about the role, as I mentioned in my last email.',
  ],
  [
    'give me a chance',
    'Hi Siobhán,\n\nThank you for your time today. Please give me a chance to prove myself on the billing work.',
  ],
  [
    "won't let you down",
    "Hi Siobhán,\n\nThanks for walking me through the event-sourcing rollout. I promise I won't let you down.",
  ],
  ["I'm begging", "Hi Dana,\n\nI'm begging you to put in a good word with the hiring manager."],
  [
    'I really need this job',
    'Hi Siobhán,\n\nThank you for talking me through the replay bugs. I really need this job right now.',
  ],
  [
    'this job means everything',
    'Hi Siobhán,\n\nThank you for the chat about the billing service. This job means everything to me.',
  ],
  [
    'means the world to me',
    'Hi Siobhán,\n\nThanks for the tour of the payments platform. Joining your team would mean the world to me.',
  ],
  ['let me know ASAP', 'Hi Dana,\n\nPlease let me know ASAP whether I am moving forward.'],
  ['as soon as possible', 'Hi Dana,\n\nCould you get back to me as soon as possible about the offer?'],
  ['need an answer by', 'Hi Dana,\n\nI need an answer by Friday, since another company is waiting on me.'],
  [
    'really really',
    'Hi Siobhán,\n\nThank you for the chat about chaos drills. I really really want to join your team.',
  ],
  ['so so', 'Hi Siobhán,\n\nI am so so grateful for the conversation about your on-call rotation.'],
  ['repeated !!!', 'Hi Siobhán,\n\nThank you for the great conversation about event sourcing!!! I loved it.'],
  ['repeated ??', 'Hi Dana,\n\nIs there a decision on the role yet??'],
  ['pleeease', 'Hi Dana,\n\nPleeease let me know if there is anything else I can send over.'],
  ['desperately', 'Hi Siobhán,\n\nI desperately want to work on the billing platform with you.'],
  ['you will not regret', "Hi Siobhán,\n\nThanks for the time on Tuesday. Hire me and you won't regret it."],
  // A second batch, written after the rules to measure paraphrases they were not tuned on.
  [
    'willing to do whatever it takes',
    'Hi Siobhán,\n\nThanks for Tuesday. I am willing to do whatever it takes to earn a place on your team.',
  ],
  [
    'I would honestly do anything',
    'Hi Siobhán,\n\nThank you for the call. I would honestly do anything for a role like this.',
  ],
  ['I really need this.', 'Hi Dana,\n\nPlease, I really need this.'],
  [
    "it's been weeks and I've heard nothing",
    "Hi Dana,\n\nIt's been three weeks since the final round and I've heard nothing.",
  ],
  ['did you get my last email', 'Hi Dana,\n\nDid you get my last email about the platform role?'],
  ['never got a reply', 'Hi Dana,\n\nI wrote last week but never got a reply, so I am trying again.'],
  ['sorry to be a pain', 'Hi Dana,\n\nSorry to be a pain, but has the team made a decision?'],
  ['bumping this', 'Hi Dana,\n\nJust bumping this to the top of your inbox.'],
  [
    "I won't disappoint you",
    "Hi Siobhán,\n\nThank you for the chat about billing. If you hire me, I won't disappoint you.",
  ],
  ['please respond by end of day', 'Hi Dana,\n\nPlease respond by end of day so I can plan my week.'],
  ['need to hear back by Monday', 'Hi Dana,\n\nI need to hear back by Monday at the latest.'],
  [
    'emailed you several times',
    "Hi Dana,\n\nI've emailed you several times about the role and would appreciate a reply.",
  ],
  ['really, really', 'Hi Siobhán,\n\nI really, really enjoyed the conversation about replay bugs.'],
  ['very very', 'Hi Siobhán,\n\nI am very very keen on the billing role.'],
  ['?!', 'Hi Dana,\n\nHas the position been filled?!'],
  ['sooo', 'Hi Siobhán,\n\nI am sooo excited about the billing migration work.'],
  ['I am desperate', "Hi Dana,\n\nTo be honest I'm getting desperate, it has been a long search."],
  ['just give me a shot', 'Hi Siobhán,\n\nThank you for your time. Just give me a shot and I will prove it.'],
  [
    'I have been waiting to hear',
    'Hi Dana,\n\nI have been waiting to hear about the decision for a while now.',
  ],
  [
    'as I mentioned in my previous email',
    'Hi Dana,\n\nAs I mentioned in my previous email, I am very interested in the role.',
  ],
  ['please do not forget about me', "Hi Dana,\n\nPlease don't forget about me when the team decides."],
  [
    'forever grateful',
    'Hi Siobhán,\n\nThanks for the billing chat. I would be forever grateful for an offer.',
  ],
  ['I hope you pick me', 'Hi Siobhán,\n\nThank you for the interview. I really hope you pick me.'],
  ['still very much waiting', "Hi Dana,\n\nI'm still very much waiting on the team's decision."],
  ['refreshing my inbox', "Hi Dana,\n\nI've been refreshing my inbox every day hoping for news."],
  ['why is this taking so long', 'Hi Dana,\n\nWhy is this taking so long?'],
  ["don't make me wait", "Hi Dana,\n\nPlease don't make me wait much longer."],
  // A third batch, from a tester's misses: hoping against hope, hardship as leverage, urgency,
  // gratitude for any chance, chasing an update, anxiety said outright.
  ['hoping against hope', 'Hi Dana,\n\nI am hoping against hope that you pick me for the platform role.'],
  ["I'm praying", "Hi Dana,\n\nI'm praying the team chooses me this time."],
  [
    'fingers crossed so hard',
    'Hi Siobhán,\n\nThanks for the billing chat. I have my fingers crossed so hard for this one.',
  ],
  ['crossing everything', "Hi Dana,\n\nI'm crossing my fingers and toes for good news."],
  [
    'out of work, another rejection',
    'Hi Dana,\n\nI have been out of work for months and I cannot take another rejection.',
  ],
  ['bills to pay', "Hi Dana,\n\nI've got bills to pay, so an answer would mean a lot."],
  ['family depends on me', 'Hi Dana,\n\nMy family depends on me landing this role.'],
  ["can't handle one more no", "Hi Dana,\n\nHonestly I can't handle hearing one more no this month."],
  ['as soon as you possibly can', 'Hi Dana,\n\nJust let me know either way as soon as you possibly can.'],
  ['at your earliest', 'Hi Dana,\n\nPlease get back to me at your earliest convenience about the offer.'],
  ['reply right away', 'Hi Dana,\n\nCould you reply right away with the team’s decision?'],
  ['grateful for any chance', "Hi Siobhán,\n\nThanks for Tuesday. I'd be so grateful for any chance at all."],
  ['I would take any role', 'Hi Dana,\n\nI would take any role on the platform team, honestly.'],
  [
    'thankful for any opportunity',
    'Hi Dana,\n\nI would be thankful for any opportunity Northwind Labs can offer me.',
  ],
  ['just wondering, any update yet', 'Hi Dana,\n\nJust wondering if there is any update yet?'],
  [
    "just checking whether there's news",
    "Hi Dana,\n\nJust checking whether there's any news on the platform role.",
  ],
  ['still no word', 'Hi Dana,\n\nStill no word on my application, so I thought I would write.'],
  ["I'm getting anxious", "Hi Dana,\n\nI'm getting anxious about the decision."],
  ['I feel so nervous', 'Hi Dana,\n\nI feel so nervous waiting for the final answer.'],
  ['anxiously awaiting', 'Hi Dana,\n\nI am anxiously awaiting your reply about the role.'],
].map(([name, body]) => ({
  name: `desperate-tone: ${name}`,
  body: sign(body ?? ''),
  to: body?.startsWith('Hi Dana') ? 'Dana Whitfield' : undefined,
  kind: body?.startsWith('Hi Dana') ? 'check-in' : 'thank-you',
  expect: ['desperate-tone'],
}));

const PLACEHOLDER: CorpusCase[] = [
  [
    'INSERT COMPANY HERE',
    'Hi Siobhán,\n\nThank you for the conversation about the role at INSERT COMPANY HERE.',
  ],
  [
    'NAME HERE',
    'Hi NAME HERE,\n\nThank you for the conversation about the billing migration at Northwind Labs.',
  ],
  ['TBD', 'Hi Siobhán,\n\nThanks for the chat. I will send the write-up on TBD as promised.'],
  ['XXX', 'Hi Siobhán,\n\nThanks for the chat about XXX at Northwind Labs.'],
  [
    'TODO',
    'Hi Siobhán,\n\nTODO: mention the replay bugs. Thanks for your time on Tuesday at Northwind Labs.',
  ],
  ['FIXME', 'Hi Siobhán,\n\nThank you for the conversation about FIXME, it was a pleasure.'],
  ['[Name]', 'Hi [Name],\n\nThank you for the conversation about the billing migration at Northwind Labs.'],
  ['<company>', 'Hi Siobhán,\n\nThank you for the conversation about the platform role at <company>.'],
  ['{{first_name}}', 'Hi {{first_name}},\n\nThank you for the conversation about the billing migration.'],
  ['{first_name}', 'Hi {first_name},\n\nThank you for the conversation about the billing migration.'],
  ['%NAME%', 'Hi %NAME%,\n\nThank you for the conversation about the billing migration.'],
  ['___', 'Hi ___,\n\nThank you for the conversation about the billing migration at Northwind Labs.'],
  [
    'YOUR NAME',
    'Hi Siobhán,\n\nThank you for the conversation about the billing migration at Northwind Labs.\n\nBest,\nYOUR NAME',
  ],
  [
    'MENTION SPECIFIC TOPIC',
    'Hi Siobhán,\n\nI loved our discussion of MENTION SPECIFIC TOPIC at Northwind Labs.',
  ],
  ['COMPANY NAME', 'Hi Siobhán,\n\nI am excited about the chance to join COMPANY NAME.'],
  ['Insert Company Here', 'Hi Siobhán,\n\nI am excited about the chance to join Insert Company Here.'],
  ['[your company]', 'Hi Siobhán,\n\nThank you for telling me about the billing work at [your company].'],
  ['$COMPANY', 'Hi Siobhán,\n\nThank you for telling me about the billing work at $COMPANY.'],
  [
    '(insert company name)',
    'Hi Siobhán,\n\nThank you for telling me about the billing work at (insert company name).',
  ],
  ['Hi FIRSTNAME', 'Hi FIRSTNAME,\n\nThank you for telling me about the billing work at Northwind Labs.'],
  [
    'HIRING MANAGER NAME',
    'Dear HIRING MANAGER NAME,\n\nThank you for telling me about the billing work at Northwind Labs.',
  ],
].map(([name, body]) => ({
  name: `placeholder: ${name}`,
  body: (body ?? '').includes('\nBest,') ? (body ?? '') : sign(body ?? ''),
  expect: ['placeholder'],
}));

const WRONG_NAME: CorpusCase[] = [
  {
    name: 'wrong-name: half a double-barrelled surname after a title',
    to: 'Amara Smith-Okafor',
    body: sign(
      'Dear Dr. Smith,\n\nThank you for the conversation about the data platform and its lineage tooling.',
    ),
    expect: ['wrong-name'],
  },
  {
    name: 'wrong-name: the other half of the surname',
    to: 'Amara Smith-Okafor',
    body: sign('Dear Ms Okafor,\n\nThank you for explaining how your team tracks data lineage.'),
    expect: ['wrong-name'],
  },
  {
    name: 'wrong-name: a surname without its particles',
    to: 'Pieter van der Berg',
    body: sign('Dear Mr Berg,\n\nThank you for walking me through the warehouse routing system.'),
    expect: ['wrong-name'],
  },
  {
    name: 'wrong-name: half a surname in the body',
    to: 'Amara Smith-Okafor',
    body: sign(
      'Hi Amara,\n\nIt was a pleasure to meet you. Please pass my thanks to Dr. Smith as well, for the lineage demo.',
    ),
    expect: ['wrong-name'],
  },
  {
    name: 'wrong-name: accent dropped (Siobhan)',
    body: sign('Hi Siobhan,\n\nThank you for the conversation about the billing migration.'),
    expect: ['wrong-name'],
  },
  {
    name: 'wrong-name: accents dropped in a titled surname',
    to: 'María García-López',
    body: sign('Dear Dr. Garcia-Lopez,\n\nThank you for the conversation about the clinical data pipeline.'),
    expect: ['wrong-name'],
  },
  {
    name: 'wrong-name: apostrophe dropped',
    body: sign('Dear Ms OConnell,\n\nThank you for the conversation about the billing migration.'),
    expect: ['wrong-name'],
  },
  {
    name: 'wrong-name: greeting to another interviewer',
    body: sign('Hi Diego,\n\nThank you for the conversation about the billing migration.'),
    expect: ['wrong-name'],
  },
  {
    name: 'wrong-name: hyphen dropped from a first name',
    to: 'Wen-Li Zhang',
    body: sign('Hi Wenli,\n\nThank you for the tour of the observability stack.'),
    expect: ['wrong-name'],
  },
  {
    name: 'wrong-name: a stranger in the greeting',
    body: sign('Hi Rebecca,\n\nThank you for the conversation about the billing migration.'),
    expect: ['wrong-name'],
  },
];

const WRONG_COMPANY: CorpusCase[] = [
  [
    "Initech's roadmap",
    "Hi Siobhán,\n\nThanks for the chat about Northwind Labs and where Initech's roadmap is heading next year.",
  ],
  [
    'first word of Acme Robotics',
    'Hi Siobhán,\n\nI am excited about what Acme is building and about the role at Northwind Labs.',
  ],
  [
    'short form of Globex Corporation',
    'Hi Siobhán,\n\nI would love to bring my payments experience to Globex.',
  ],
  [
    'Contoso in the closing line',
    'Hi Siobhán,\n\nThank you for the billing migration story. I hope to join the Contoso team soon.',
  ],
  [
    'Fabrikam named beside Northwind',
    'Hi Siobhán,\n\nNorthwind Labs and Fabrikam both care about reliability, and I want to help.',
  ],
  [
    'Tailspin, first word of Tailspin Toys',
    'Hi Siobhán,\n\nThe Tailspin culture you described sounds like a great fit.',
  ],
  [
    'Umbrella, first word of Umbrella Health',
    'Hi Siobhán,\n\nThanks for the time; I am keen to help Umbrella scale its billing.',
  ],
  [
    'INITECH in capitals',
    'Hi Siobhán,\n\nThank you for explaining the billing migration. INITECH is lucky to have you.',
  ],
].map(([name, body]) => ({
  name: `wrong-company: ${name}`,
  body: sign(body ?? ''),
  expect: ['wrong-company'],
}));

const THIRD_PERSON: CorpusCase[] = [
  [
    'the tool she built',
    'Hi Siobhán,\n\nThank you for showing me the tool she built for replaying billing events.',
  ],
  [
    'his team',
    'Hi Diego,\n\nThank you for the conversation on Monday. I enjoyed hearing how his team runs chaos drills.',
    'Diego Fernández-Ortiz',
  ],
  [
    'asked him',
    'Hi Diego,\n\nI appreciated the time on Monday, and the questions I asked him about on-call.',
    'Diego Fernández-Ortiz',
  ],
  [
    'her story',
    'Hi Priya,\n\nThanks for the interview. Her story about sharding the payments ledger has stayed with me.',
    'Priya Raman',
  ],
  [
    'he explained',
    'Hi Kwame,\n\nThanks for Tuesday. He explained the deployment pipeline so clearly that I sketched it on the train home.',
    'Kwame Mensah',
  ],
  [
    'she raised',
    'Hi Chloé,\n\nThank you for your time. The alerting problem she raised is one I have solved before.',
    'Chloé Dubois',
  ],
  [
    'recipient named, then she',
    "Hi Siobhán,\n\nSiobhán's walkthrough of the billing service was great; she made event sourcing sound simple.",
  ],
  [
    'himself',
    'Hi Tomasz,\n\nThank you for the chat. It was great to hear that he wrote the first version of the scheduler himself.',
    'Tomasz Wójcik',
  ],
  // Full notes that name the role and the company first (a tester's misses: a job title read as
  // another person, a capitalised sentence start read as a name).
  [
    'role title, then she built',
    'Hi Priya,\n\nThank you for taking the time to talk with me on Tuesday about the Senior Software Engineer role at Northwind Labs. Talking through sharding was fun, and I loved the debugger she built for the ledger service.',
    'Priya Raman',
  ],
  [
    'second sentence start, then she runs',
    'Hi Priya,\n\nThanks for the system design interview. Learning about the ledger was great. I enjoyed hearing about the incident review she runs.',
    'Priya Raman',
  ],
  [
    'Staff Engineer position, his team',
    'Hi Kwame,\n\nThank you for the conversation about the Staff Engineer position. His team clearly cares about the tool he built.',
    'Kwame Mensah',
  ],
].map(([name, body, to]) => ({
  name: `addressee-third-person: ${name}`,
  body: sign(body ?? ''),
  to,
  expect: ['addressee-third-person'],
}));

const TOO_EARLY: CorpusCase[] = [
  {
    name: 'too-early: a check-in three days before the window',
    kind: 'check-in',
    to: 'Dana Whitfield',
    body: sign(
      'Hi Dana,\n\nI hope your week is going well. I wanted to ask whether there is news on the Senior Engineer role.',
    ),
    input: { opensAt: '2026-12-21T09:00:00Z', due: null, sendAt: '2026-12-18T10:00:00Z' },
    expect: ['too-early'],
  },
  {
    name: 'too-early: an hour before the window opens',
    kind: 'check-in',
    to: 'Dana Whitfield',
    body: sign('Hi Dana,\n\nI wanted to check in on the timeline for the platform role.'),
    input: { opensAt: '2026-12-21T09:00:00Z', due: null, sendAt: '2026-12-21T08:00:00Z' },
    expect: ['too-early'],
  },
  {
    name: 'too-early: the day after the interview',
    kind: 'check-in',
    to: 'Dana Whitfield',
    body: sign(
      'Hi Dana,\n\nThank you again for organising yesterday. Is there a sense of when the team will decide?',
    ),
    input: { opensAt: '2026-12-08T09:00:00Z', due: null, sendAt: '2026-12-02T16:00:00Z' },
    locale: 'en-GB',
    expect: ['too-early'],
  },
];

const UNSIGNED: CorpusCase[] = [
  [
    'Best regards,',
    'Hi Siobhán,\n\nThank you for the conversation about the billing migration.\n\nBest regards,',
  ],
  ['Thanks,', 'Hi Siobhán,\n\nThank you for the conversation about the billing migration.\n\nThanks,'],
  ['Cheers!', 'Hi Siobhán,\n\nThank you for the conversation about the billing migration.\n\nCheers!\n'],
  [
    'Sincerely,',
    'Dear Ms O’Connell,\n\nThank you for the conversation about the billing migration.\n\nSincerely,\n\n',
  ],
  [
    'Kind regards',
    'Hi Siobhán,\n\nThank you for the conversation about the billing migration.\n\nKind regards',
  ],
  [
    'Many thanks,',
    'Hi Siobhán,\n\nThank you for the conversation about the billing migration.\n\nMany thanks,',
  ],
  [
    'All the best,',
    'Hi Siobhán,\n\nThank you for the conversation about the billing migration.\n\nAll the best,',
  ],
  [
    'Looking forward to hearing from you,',
    'Hi Siobhán,\n\nThank you for the conversation about the billing migration.\n\nLooking forward to hearing from you,',
  ],
].map(([name, body]) => ({ name: `unsigned: ${name}`, body: body ?? '', expect: ['unsigned'] }));

const NO_ADDRESS: CorpusCase[] = [
  {
    name: 'no-address: the recipient has no email',
    body: sign('Hi Siobhán,\n\nThank you for the conversation about the billing migration.'),
    input: { recipient: { displayName: "Siobhán O'Connell", company: 'Northwind Labs', emails: [] } },
    expect: ['no-address'],
  },
  {
    name: 'no-address: a check-in to a recruiter without an email',
    kind: 'check-in',
    to: 'Dana Whitfield',
    body: sign('Hi Dana,\n\nI wanted to check in on the timeline for the platform role.'),
    input: { recipient: { displayName: 'Dana Whitfield', company: 'Northwind Labs', emails: [] } },
    expect: ['no-address'],
  },
  {
    name: 'no-address: an address that is not one',
    body: sign('Hi Siobhán,\n\nThank you for the conversation about the billing migration.'),
    input: { recipient: { displayName: "Siobhán O'Connell", company: 'Northwind Labs', emails: ['  '] } },
    expect: ['no-address'],
  },
];

const DUPLICATE: CorpusCase[] = [
  {
    name: 'duplicate-note: the same draft to two interviewers of one interview',
    body: sign(
      'Hi Siobhán,\n\nThank you for taking the time to meet with me on Tuesday about the Senior Engineer role. I enjoyed learning about how the platform team works and the problems you are solving this year, and I left even more excited about the role.',
    ),
    input: {
      otherNotes: [
        {
          recipientName: 'Diego Fernández-Ortiz',
          body: sign(
            'Hi Diego,\n\nThank you for taking the time to meet with me on Tuesday about the Senior Engineer role. I enjoyed learning about how the platform team works and the problems you are solving this year, and I left even more excited about the role.',
          ),
        },
      ],
    },
    expect: ['duplicate-note'],
  },
];

const SHARED =
  'It was a pleasure to learn how the platform group plans its quarter, how on-call is shared across the team and why the billing rewrite matters so much this year. I came away even more convinced that my background in payments would be useful.';

// The same draft sent to two people of one interview, with the small edits people make.
DUPLICATE.push(
  {
    name: 'duplicate-note: a draft to a panellist with only the greeting and sign-off changed',
    body: `Dear Siobhán,\n\n${SHARED}\n\nKind regards,\nSam Okafor`,
    input: { otherNotes: [{ recipientName: 'Wen-Li Zhang', body: `Hi Wen-Li,\n\n${SHARED}\n\nBest,\nSam` }] },
    expect: ['duplicate-note'],
  },
  {
    name: 'duplicate-note: one sentence added to a copy',
    body: sign(`Hi Siobhán,\n\n${SHARED} Thanks again for the billing demo.`),
    input: {
      otherNotes: [{ recipientName: 'Diego Fernández-Ortiz', body: sign(`Hi Diego,\n\n${SHARED}`) }],
    },
    expect: ['duplicate-note'],
  },
);

/** Every note that must be flagged, with the rules it must trigger. */
export const FLAGGED: readonly CorpusCase[] = [
  ...DESPERATE,
  ...PLACEHOLDER,
  ...WRONG_NAME,
  ...WRONG_COMPANY,
  ...THIRD_PERSON,
  ...TOO_EARLY,
  ...UNSIGNED,
  ...NO_ADDRESS,
  ...DUPLICATE,
  ...FLAGGED_2,
  ...SUBJECT_FLAGGED,
  ...THEY_FLAGGED,
];

/** Misspellings only a real dictionary finds (run with the speller in features/spelling). */
export const SPELLING_FLAGGED: readonly CorpusCase[] = [
  ['recieve', 'I look forward to hearing from you and will recieve any feedback gladly.'],
  ['definately', 'I would definately enjoy working on the billing migration.'],
  ['oppurtunity', 'Thank you for the oppurtunity to talk about the billing migration.'],
  ['teh', 'I keep thinking about teh replay bugs you described in the billing migration.'],
  ['accomodate', 'Thank you for being so quick to accomodate my schedule for the billing migration chat.'],
]
  .map(
    ([name, line]): CorpusCase => ({
      name: `spelling: ${name}`,
      body: sign(`Hi Siobhán,\n\n${line}`),
      details: ['billing migration'],
      expect: ['spelling'],
    }),
  )
  .concat(SUBJECT_SPELLING_FLAGGED);
