/**
 * The words the demo job hunt is made of. Companies use the reserved `.example` domains, so no
 * demo address can ever reach a real mailbox. Names include accents, hyphens and apostrophes on
 * purpose: the note checker and the drafts must get them right.
 */

export const COMPANY_PREFIXES = [
  'Northwind',
  'Brightline',
  'Cobalt',
  'Driftwood',
  'Ember',
  'Fernhill',
  'Granite',
  'Harbor',
  'Ironwood',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Meridian',
  'Orchard',
  'Pinecrest',
  'Quill',
  'Riverbend',
  'Saltmarsh',
  'Tidewater',
  'Umber',
  'Vantage',
  'Willow',
  'Yarrow',
  'Zephyr',
  'Amberly',
  'Bluefield',
  'Cedar',
  'Dovetail',
  'Evergreen',
  'Foxglove',
  'Halcyon',
  'Larkspur',
  'Mosaic',
  'Nimbus',
  'Oakridge',
  'Parallax',
  'Redwood',
  'Sable',
  'Thistle',
  'Verdant',
] as const;

export const COMPANY_SUFFIXES = [
  'Labs',
  'Systems',
  'Health',
  'Analytics',
  'Robotics',
  'Software',
  'Bank',
  'Logistics',
  'Media',
  'Energy',
  'Games',
  'Bio',
  'Insurance',
  'Mobility',
  'Learning',
] as const;

export const ROLES = [
  'Senior Software Engineer',
  'Staff Engineer',
  'Backend Engineer',
  'Frontend Engineer',
  'Full-Stack Engineer',
  'Site Reliability Engineer',
  'Engineering Manager',
  'Data Engineer',
  'Machine Learning Engineer',
  'Platform Engineer',
  'Product Manager',
  'Solutions Architect',
] as const;

export const FIRST_NAMES = [
  'Zoë',
  'José',
  'Siobhán',
  'François',
  'Renée',
  'Björn',
  'Chloé',
  'Søren',
  'Łukasz',
  'Inés',
  'Priya',
  'Mei',
  'Kwame',
  'Ngozi',
  'Aarav',
  'Yuki',
  'Dana',
  'Marcus',
  'Hannah',
  'Tomás',
  'Aoife',
  'Jean-Luc',
  'Mary-Kate',
  'Olusegun',
  'Fatima',
  'Lars',
  'Ana Sofía',
  'Keanu',
  'Ingrid',
  'Rafael',
  'Sanjay',
  'Elena',
  'Dmitri',
  'Grace',
  'Omar',
  'Linh',
  'Noah',
  'Amara',
  'Wei',
  'Sophie',
] as const;

export const LAST_NAMES = [
  "O'Brien",
  'Nguyễn',
  'Müller',
  "D'Angelo",
  'Smith-Jones',
  'García Márquez',
  'Ó Dálaigh',
  'Okonkwo',
  'Raman',
  'Tanaka',
  'Whitfield',
  'Kowalczyk',
  'Johansson',
  'Dubois',
  'Fernández',
  'Abernathy-Cole',
  "N'Diaye",
  'Chen',
  'Patel',
  'Novák',
  'Schäfer',
  'MacLeod',
  'Haddad',
  'Lindqvist',
  'Mensah',
  'Ivanova',
  'Brennan',
  'Costa',
  'Yilmaz',
  'Park',
  'Van der Berg',
  'Åberg',
] as const;

export const INTERVIEWER_TITLES = [
  'Senior Engineer',
  'Staff Engineer',
  'Engineering Manager',
  'Principal Engineer',
  'Product Manager',
  'Product Designer',
  'Director of Engineering',
  'Data Scientist',
  'Tech Lead',
] as const;

export const RECRUITER_TITLES = [
  'Recruiter',
  'Technical Recruiter',
  'Talent Partner',
  'Recruiting Coordinator',
] as const;

/** Interview zones other than the user's own: remote loops happen across the world. */
export const OTHER_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
] as const;

export const MEMORABLE = [
  'their story about migrating the billing system over a long weekend',
  'the whiteboard sketch of their event pipeline',
  'how the team runs blameless post-mortems',
  'their question about trade-offs between consistency and latency',
  'the side project on open-source accessibility tooling',
  'their advice on growing into a tech lead role',
  'their dog joining the video call halfway through',
  'the way they framed on-call as a product problem',
  'their marathon training before work',
  'how they onboard new engineers with a first-week ship',
  'their take on writing design docs people actually read',
  'the book recommendation on distributed systems',
] as const;

export const TOPICS = [
  'system design',
  'incident response',
  'API versioning',
  'caching strategy',
  'team culture',
  'mentoring',
  'roadmap planning',
  'data modelling',
  'testing in production',
  'hiring process',
] as const;

export const PROBLEMS = [
  'flaky integration tests slowing every deploy',
  'a monolith that no team feels it owns',
  'slow search on large customer accounts',
  'alert fatigue on the on-call rotation',
  'a mobile app release train that keeps slipping',
  'migrating off a legacy message queue',
  'reporting queries that time out at month end',
  'onboarding that takes new hires six weeks',
] as const;

export const FEELINGS = ['great', 'good', 'okay', 'mixed', 'rough'] as const;

export const WENT_WELL = [
  'The system design round flowed; I drove the discussion.',
  'Good rapport with the hiring manager.',
  'Answered the behavioural questions with concrete stories.',
  'Clear explanation of my last project and its impact.',
] as const;

export const IMPROVE = [
  'I rambled on the conflict question; use one crisp example next time.',
  'Forgot to ask about the team’s on-call load.',
  'Should have clarified requirements before coding.',
  'Salary question caught me off guard.',
] as const;

export const PROMISES = [
  'Send the link to my talk on queue design.',
  'Share the write-up of the migration project.',
  'Send references by Friday.',
  '',
  '',
] as const;
