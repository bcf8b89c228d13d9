/**
 * `desperate-tone`: begging, chasing, pressure or neediness, which weakens the case the note makes.
 *
 * Phrases are matched on lemmas with contractions expanded (nlp.ts), so one pattern covers its
 * paraphrases: "I'd do anything", "I would honestly do anything" and "I'll do whatever it takes";
 * "haven't heard back" and "still have not heard anything".
 */
import { finding, quote } from '../finding';
import { matches, type Pattern, pattern, type Sentence, sentences } from '../nlp';
import type { CheckInput, Finding } from '../types';

interface Phrase {
  p: Pattern;
  why: string;
  /** Words just before the match that make it innocent ("thank you for giving me a chance"). */
  notAfter?: ReadonlySet<string>;
}

const phrase = (source: string, why: string, notAfter?: string): Phrase => ({
  p: pattern(source),
  why,
  notAfter: notAfter ? new Set(notAfter.split(' ')) : undefined,
});

const DESPERATE = 'sounds desperate';
const PLEADING = 'sounds like pleading';
const NEEDY = 'sounds needy';
const CHASING = 'reads as chasing them';
const PRESSURE = 'puts pressure on them';

const JOB = 'job|role|position|offer|opportunity|work';

// Ways of saying "now": each is its own pattern, since a slot is one word.
const NOW = [
  'as soon as possible',
  'as soon as you *1 can',
  'at your earliest',
  'immediately|urgently|asap',
  'right away',
  'today|tonight|tomorrow',
];

const PHRASES: Phrase[] = [
  // Desperation: "I'd do anything", "I'll do whatever it takes", "ready to do anything".
  phrase('i would|will|could|can *2 do anything|whatever', DESPERATE),
  phrase('willing|ready|prepared to do anything|whatever', DESPERATE),
  phrase('i *3 whatever it take', DESPERATE),
  phrase('i *2 desperate|desperately|desperation', DESPERATE),
  phrase('work for free|nothing', DESPERATE),
  phrase('work harder than anyone|anybody', DESPERATE),
  // Pleading: "give me a chance", "won't let you down", "I'm begging you".
  phrase('beg|plead', PLEADING),
  phrase('pretty please', PLEADING),
  phrase('^ please? just? give me *2 chance|shot', PLEADING),
  phrase('please|just give me *2 chance|shot', PLEADING, 'for thank thanks would will could'),
  phrase('if you *1 give me *2 chance|shot', PLEADING),
  phrase('ask|asking for *1 one|another|a chance|shot', PLEADING),
  phrase('not|never let you down', PLEADING),
  phrase('not|never disappoint you', PLEADING),
  phrase('you will|would not regret', PLEADING),
  phrase('please|just hire me', PLEADING),
  phrase('my last|only hope|chance', PLEADING),
  phrase('do not forget about? me', PLEADING),
  phrase('forever grateful|indebted', PLEADING),
  phrase('please|hope *2 you *1 pick|choose|select me', PLEADING),
  // Hoping, praying, crossing everything: "hoping against hope", "fingers crossed so hard".
  phrase('hope against hope', DESPERATE),
  phrase('pray', DESPERATE),
  phrase(
    'finger|fingers|toe|toes|everything *1 cross|crossed *1 so|really|very? hard|tight|tightly',
    DESPERATE,
  ),
  phrase('cross|crossing *1 my? finger|fingers and toe|toes|everything', DESPERATE),
  // Grateful for any chance at all: "I'd be so grateful for any chance", "I'd take any role".
  phrase('grateful|thankful|happy|glad *3 any chance|opportunity|shot|role|position|job|offer', PLEADING),
  phrase('any chance|opportunity|shot|role|position|job at all', PLEADING),
  phrase('i would|will|could take any role|position|job|offer', PLEADING),
  // Neediness: "I really need this job", "this role means everything to me".
  phrase(`i *2 need this|that ${JOB}`, NEEDY),
  phrase(`i really|truly|desperately|badly|so|just need the ${JOB}`, NEEDY),
  phrase('i really|truly|desperately|badly|so|just need this|it $', NEEDY),
  phrase('need this|it so badly|much', NEEDY),
  phrase(`i *2 want this|the|that ${JOB} so badly|much`, NEEDY),
  phrase(`${JOB} *3 mean the? everything|world`, NEEDY),
  phrase('mean the? everything|world to me', NEEDY),
  phrase('can not afford to lose|miss', NEEDY),
  // Hardship as leverage: "out of work for months", "bills to pay", "can't take another rejection".
  phrase('be|been out of a? work|job', NEEDY),
  phrase('i *3 unemployed', NEEDY),
  phrase('month|months|year|years without a|any? work|job|income|pay', NEEDY),
  phrase('bill|bills|rent|mortgage to pay', NEEDY),
  phrase('pay|cover *1 my bill|bills|rent|mortgage', NEEDY),
  phrase('bill|bills pile|piling up', NEEDY),
  phrase('family|kid|kids|child|children *2 depend|rely|count on me', NEEDY),
  phrase('can not take|handle|face|bear|survive *3 rejection|rejections|setback|no', NEEDY),
  phrase('another|one more rejection', NEEDY),
  // Anxiety said outright: "I'm getting anxious", "I feel so nervous about it".
  phrase(
    'i am|getting|grow|growing|feel|feeling *2 anxious|nervous|stressed|antsy|panicky|restless|uneasy',
    NEEDY,
  ),
  phrase('anxiously|nervously wait|await|waiting|awaiting', NEEDY),
  phrase('lose|losing sleep', NEEDY),
  // Chasing: "haven't heard back", "sorry to bother you again", "just following up again".
  phrase('not *2 hear back', CHASING),
  phrase('not *2 hear anything yet|since|from|back', CHASING),
  phrase('not *1 hear from you|anyone', CHASING),
  phrase('still *2 not *1 hear', CHASING),
  phrase('have hear nothing', CHASING),
  phrase('not *1 have|get|receive a|any? reply|response|answer|word|news', CHASING),
  phrase('hate to bother|pester|bug|chase|nag|trouble|hassle', CHASING),
  phrase('never *2 reply|response|answer|back', CHASING),
  phrase('you *2 not *1 reply|respond|answer', CHASING),
  phrase('you *2 not *1 get|write back', CHASING),
  phrase('why have|has|do|did not you|anyone', CHASING),
  phrase(
    'sorry|apology|apologize|apologise *3 bother|pester|bug|trouble|nag|chase|hassle|spam|pain|nuisance|pest',
    CHASING,
  ),
  phrase('follow|check|reach up|in|out *2 again', CHASING),
  phrase('follow|check|reach up|in|out *2 once|yet more|again', CHASING),
  phrase(
    'follow|check|write|email|reach|ask|contact *3 for the second|third|fourth|fifth|umpteenth time',
    CHASING,
  ),
  phrase('i|we *2 still *2 wait', CHASING),
  phrase('refresh|refreshing|check|checking my inbox|email|phone *3 every|all day|hour|morning', CHASING),
  phrase('why be *3 take so long', CHASING),
  phrase('have be wait *3 hear|reply|response|answer|news|update|decision', CHASING),
  phrase('can not wait any longer', CHASING),
  phrase('any update|news|word *3 at all', CHASING),
  // "Just wondering if there is any update yet?", "just checking whether there's news".
  phrase('just wonder|wondering|check|checking|curious *1 if|whether *4 update|news|decision|word', CHASING),
  phrase('any update|news|word|decision yet', CHASING),
  phrase('still no update|news|word|decision', CHASING),
  phrase(
    'email|write|message|ping|call|contact|reach|try to? you|out *2 several|multiple|many|numerous time',
    CHASING,
  ),
  phrase(
    'as i *1 say|mention|write|note in my last|previous|earlier email|message|note|mail|letter',
    CHASING,
  ),
  phrase('do|did you get|receive|see my *1 last|previous|earlier email|message|note', CHASING),
  phrase('bump|bumping this|up|my', CHASING),
  // Pressure: "please let me know ASAP", "I need an answer by Friday".
  phrase('asap', PRESSURE),
  ...NOW.flatMap((now) => [
    phrase(`me know *2 ${now}`, PRESSURE),
    phrase(`back to me *2 ${now}`, PRESSURE),
    phrase(`please|you *1 reply|respond|answer|decide *3 ${now}`, PRESSURE),
  ]),
  phrase('know|respond|reply|answer|back|decide by end|tomorrow|tonight|today|close', PRESSURE),
  phrase(
    'need|expect|require|must *3 answer|decision|response|reply|update|know|hear *1 by|now|today|immediately|urgently|tomorrow|asap|soon',
    PRESSURE,
  ),
  phrase('need|expect|require|must *3 answer|decision|response|reply this week', PRESSURE),
  phrase('need to hear from you|back', PRESSURE),
  phrase('this be *1 urgent', PRESSURE),
  phrase('please hurry', PRESSURE),
  phrase('as soon as you possibly|humanly can', PRESSURE),
  phrase('as soon as humanly possible', PRESSURE),
  phrase('do not make me wait', PRESSURE),
  phrase('urgent matter|request', PRESSURE),
  phrase('urgently need|require|respond|reply|hear|know', PRESSURE),
];

// Emphasis by repetition: "really really", "so so", "please, please".
const INTENSIFIERS = new Set(
  'really so very truly please super much totally extremely absolutely incredibly honestly'.split(' '),
);

// Punctuation and stretched words that shout or plead.
const RAW: Array<{ re: RegExp; why: string }> = [
  { re: /!{2,}/g, why: 'reads as pushy (repeated exclamation marks)' },
  { re: /\?{2,}|\?+!+[?!]*|!+\?+[?!]*/g, why: 'reads as impatient (repeated question marks)' },
  {
    re: /\b(?:so{3,}|ple{2,}a+se+|plea{2,}se+|please{2,}|re{2,}al+y+|rea{2,}l+y+|real{3,}y+|ve{2,}ry)\b/gi,
    why: 'reads as pleading (a stretched word)',
  },
];

function phraseSpans(words: Sentence, body: string): Array<{ start: number; end: number; why: string }> {
  const out: Array<{ start: number; end: number; why: string }> = [];
  for (const { p, why, notAfter } of PHRASES) {
    for (const m of matches(p, words)) {
      const before = words.slice(Math.max(0, m.first - 3), m.first).map((w) => w.norm);
      if (notAfter && before.some((w) => notAfter.has(w))) continue;
      const start = words[m.first]?.start ?? 0;
      const end = words[m.last]?.end ?? start;
      out.push({ start, end, why });
    }
  }
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1];
    const b = words[i];
    // "really really", "so, so" — not "so-so".
    const between = a && b ? body.slice(a.end, b.start) : '';
    if (a && b && a.norm === b.norm && INTENSIFIERS.has(a.norm) && /^[\s,]+$/.test(between)) {
      out.push({ start: a.start, end: b.end, why: 'overdoes it (a word repeated for emphasis)' });
    }
  }
  return out;
}

/** Needy, pushy or chasing phrases in a text, without overlaps, first first. */
function scan(text: string): Array<{ start: number; end: number; why: string }> {
  const found: Array<{ start: number; end: number; why: string }> = [];
  // Sentences are parsed through the shared cache only for the body; a subject is one line.
  for (const words of sentences(text)) found.push(...phraseSpans(words, text));
  for (const { re, why } of RAW) {
    for (const m of text.matchAll(re)) found.push({ start: m.index, end: m.index + m[0].length, why });
  }
  const kept: typeof found = [];
  for (const f of found.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (!kept.some((o) => f.start < o.end && f.end > o.start)) kept.push(f);
  }
  return kept;
}

/** Report each needy, pushy or chasing phrase of the body with its span, and the subject's (0..0). */
export function checkDesperateTone(input: CheckInput): Finding[] {
  const why = (text: string, f: { start: number; end: number; why: string }) =>
    `${quote(text.slice(f.start, f.end))} ${f.why}; a calm, confident tone makes a stronger case.`;
  const subject = input.subject ?? '';
  const inSubject = subject.trim()
    ? scan(subject).map((f) => finding('desperate-tone', `The subject: ${why(subject, f)}`, 0, 0))
    : [];
  // The body last, so the parse the other rules share is the body's.
  const inBody = scan(input.body).map((f) => finding('desperate-tone', why(input.body, f), f.start, f.end));
  return [...inSubject, ...inBody];
}
