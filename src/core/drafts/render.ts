/**
 * Draft rendering: a LiquidJS template plus what Afterview knows about one recipient gives a
 * subject and a body. Templates are user-editable files, so the engine is locked down: no file
 * system (an empty in-memory template map serves include/render/layout), no JavaScript, and
 * limits on template size, render time and memory.
 */
import { Liquid } from 'liquidjs';
import { AppError } from '../errors';
import { greetingNameOf } from '../person-name';
import type { Temporal } from '../time';
import { chatSentence } from './chat-feeling';
import {
  asSentence,
  coveredBy,
  debriefParts,
  definite,
  definiteSubject,
  type Part,
  sameLine,
  topicPhrase,
  writerSubject,
} from './debrief-line';
import { formatList, listItems } from './lists';
import type { Locale } from './locale';
import {
  isReaderName,
  namesSomethingSaid,
  type Reader,
  subjectVerbAt,
  toSecondPerson,
} from './second-person';
import { expandShorthand, LANGUAGES } from './shorthand';
import { rememberingTags, type Tagger, winkTagger } from './tagger';

/** What a draft template can use. Empty strings count as missing, so templates skip the sentence. */
export interface DraftData {
  recipient: {
    /** What the greeting uses: the first word of the recorded name ("Siobhán"). */
    firstName: string;
    /** The name exactly as recorded ("Siobhán O'Connell"). */
    fullName: string;
  };
  company: string;
  role: string;
  /** The interview round ("System design"), if known. */
  round: string | null;
  /** The interview day, already formatted in the user's zone ("Tuesday, December 8"). */
  interviewDate: string | null;
  /** The date the company said it would decide by, formatted, for check-ins. */
  decisionDate?: string | null;
  /**
   * The user's debrief notes about this recipient, as typed (third person, shorthand): the
   * renderer turns them into second person addressed to the recipient.
   */
  notes: { memorable: string; topics: string; problem: string; promise: string };
  /**
   * A point to add to one of the user's answers. Per interview, so the service gives it to one
   * reader only. (The private "what to practise" has no field here: it can never reach a note.)
   */
  addToAnswer: string;
  /** The reader's place among the interview's interviewers, from 0: picks the sentence variants. */
  variant: number;
  /** The user's name and sign-off (the signature wins when both are set). */
  sender: { name: string | null; signature: string | null };
  /**
   * Everyone recorded for the opportunity (its recruiter and interviewers), as recorded: a
   * debrief that types one of them in lower case ("hiring mgr is jo") is spelt as recorded.
   */
  people?: readonly string[];
}

/** A rendered draft. */
export interface Draft {
  subject: string;
  body: string;
  /** Things the user should know before sending ("Set your name in Settings to sign your notes"). */
  hints: string[];
}

/** How many sentence variants the default templates have: readers 0..VARIANTS-1 never share one. */
export const VARIANTS = 5;

// Openers that read as the start of a sentence, lower-cased when the text is used mid-sentence.
const SENTENCE_OPENERS =
  /^(?:The|A|An|Her|His|Their|You|Your|Our|My|How|What|Why|When|Where|That|This|These|Those|Some|Any|One)\b/;

/** Trim a note the user typed for use inside a sentence: no final full stop, a lower-case opener. */
function clause(value: unknown): string {
  const text = String(value ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.;:,\s]+$/, '');
  return SENTENCE_OPENERS.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Make a note the user typed a sentence of its own: capitalised, with final punctuation. */
function sentence(value: unknown): string {
  const text = String(value ?? '')
    .trim()
    .replace(/\s+/g, ' ');
  if (!text) return '';
  const capped = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capped) ? capped : `${capped}.`;
}

/** Drop a leading phrase, ignoring case ("send the deck" | strip_prefix: "send " -> "the deck"). */
function stripPrefix(value: unknown, prefix: unknown): string {
  const text = String(value ?? '');
  const p = String(prefix ?? '');
  return p && text.toLowerCase().startsWith(p.toLowerCase()) ? text.slice(p.length) : text;
}

const engine = new Liquid({
  templates: {}, // in-memory and empty: {% include %} and friends can never reach the disk
  strictFilters: false,
  strictVariables: false,
  ownPropertyOnly: true,
  jsTruthy: false,
  parseLimit: 100_000,
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
});
engine.registerFilter('clause', clause);
engine.registerFilter('sentence', sentence);
engine.registerFilter('strip_prefix', stripPrefix);

const present = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null);

// What people type before the promise itself: "I'll send...", "promised to send...", "to send...".
const PROMISE_LEAD =
  /^(?:(?:i|we)\s*(?:'ll|’ll| will| would|'d|’d| promised to| said i'?d)\s+|promised\s+(?:to\s+)?|will\s+|to\s+)/i;

/** A line with a subject and a finite verb of its own ("my old colleague at Stripe will call you"). */
function ownClause(text: string, tag: Tagger): boolean {
  const tokens = tag(text);
  const first = tokens[0];
  if (first && first.pos === 'PRON' && /^(?:you|we|she|he|they|it)$/i.test(first.text)) return true;
  return subjectVerbAt(tokens, tag) !== null;
}

/**
 * The promise: what the user will do ("send you the deck"; a leading verb stays, "share the
 * benchmark"; a bare thing is something to send, "the deck" -> "send you the deck"), or, when it
 * says who will do what ("my old colleague at Stripe will reach out to her"), that sentence.
 */
function promiseAction(
  text: string,
  reader: Reader,
  tag: Tagger,
): { action: string } | { sentence: string } | null {
  const bare = text
    .trim()
    .replace(PROMISE_LEAD, '')
    .replace(/[.;!]+$/, '')
    .trim();
  if (!bare) return null;
  const second = toSecondPerson(readerObject(bare, tag), reader, tag, { objectIsReader: true }).text;
  // "intro to my old manager at Shopify": promised to the reader, the introduction is theirs.
  const rewritten = second.replace(/^(?:an?\s+)?introduction\s+to\s+/i, 'introduce you to ');
  if (!PROMISE_LEAD.test(text.trim()) && ownClause(rewritten, tag)) {
    // The reader's own offer ("she'll send me the RFC") is thanked for, not promised back to them.
    const offer = /^you(?:'ll|’ll| will) (.+)$/i.exec(rewritten);
    if (offer?.[1]) return { sentence: `Thank you for offering to ${offer[1]}.` };
    return { sentence: `As promised, ${clause(rewritten)}.` };
  }
  const first = tag(rewritten)[0];
  const word = first?.text.toLowerCase() ?? '';
  // Taggers read a verb opening a subject-less line as a noun ("share the benchmark"): the
  // verbs people promise with are known by name as well.
  const startsWithVerb =
    PROMISE_VERBS.has(word) || (first !== undefined && first.pos === 'VERB' && word === first.lemma);
  const action = startsWithVerb ? toReader(rewritten, tag) : `send you ${rewritten}`;
  return { action: action.charAt(0).toLowerCase() + action.slice(1) };
}

// "send her link to my talk": in a promise the one sent to is the reader, and what is sent is
// the thing, not theirs ("her link" is the link).
const SENT_TO_READER =
  /^(send|email|forward|mail|share)\s+(?:her|him|them|their|his)\s+(?!(?:the|a|an|my|our|this|that|these|those|some|over|along|back|to)\b)(?=\p{L})(.+)$/iu;

/** A promise whose verb is sent to the reader by "her"/"him"/"them" says "you" (toReader). */
function readerObject(promise: string, tag: Tagger): string {
  const m = SENT_TO_READER.exec(promise);
  if (!m?.[1] || !m[2]) return promise;
  if (m[1].toLowerCase() !== 'share') return `${m[1]} ${m[2]}`;
  return `${m[1]} ${definite(m[2], tag)} with them`;
}

// A time the promise names itself.
const PROMISE_TIME =
  /\b(?:by|on|before|until|till)\s+(?:the\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|tonight|tomorrow|asap|eod|eow)\b|\b(?:this|next|end of(?: the)?)\s+(?:morning|afternoon|evening|week|weekend|month)\b|\b(?:in|within)\s+(?:a|an|one|two|three|\d+)\s+(?:hours?|days?|weeks?)\b|\bby\s+(?:the\s+)?end of\b/i;

// Verbs of sending that take the reader as their first object.
const SEND =
  /^(send|email|forward|mail)\s+(?!(?:you|her|him|them|me|us|it|over|along|across|back|through|out|on|to)\b)(.+)$/i;

/**
 * "send the 1:1 template I use" -> "send you the 1:1 template I use"; a bare singular thing takes
 * "the" ("send portfolio link by Friday" -> "send you the portfolio link by Friday").
 */
function toReader(action: string, tag: Tagger): string {
  const m = SEND.exec(action);
  if (!m?.[1] || !m[2]) return action;
  // "link to my talk": one singular noun before what it is of takes "the" too
  const [noun, next] = tag(m[2]);
  const thing =
    noun?.pos === 'NOUN' && noun.text.toLowerCase() === noun.lemma && next?.pos === 'ADP'
      ? `the ${m[2]}`
      : definite(m[2], tag);
  return `${m[1]} you ${thing}`;
}

// "when she asked about X I should have said Y": an opening clause, then the writer's sentence.
const OPENING_CLAUSE =
  /^((?:when|if|after|since|because|while|as)\b[^,]*?)\s+((?:I|we)(?:['’]d)?\s+(?:should|could|would|might|forgot|meant|wish|wanted|missed|didn['’]?t|did not|only|also|never)\b)/i;

// "On the caching question, I'd add...": a lead naming the answer, kept in front.
const ANSWER_LEAD = /^((?:on|about|for|re|regarding|to)\b[^,:–—]{1,80}?(?:[,:]|\s+[-–—](?=\s)))\s*/i;
// "on the conflict q I should have said…": the same lead typed without its comma, before "I".
const QUESTION_LEAD = /^((?:on|about|for|regarding|to)\s+[^,:–—]{1,80}?\bquestions?)\s+(?=(?:I|we)\b)/i;
const MODALS = new Set(['would', 'should', 'could', 'might', "'d", 'will', 'can']);

/**
 * The point to add to an answer as the writer's own sentence: a clause stays ("I'd add a
 * reconciliation job"), a fragment gets its "I" ("should have mentioned the rollback plan" -> "I
 * should have mentioned..."; "add a nightly check" -> "I would add a nightly check"), and a bare
 * point is something to mention ("TTL jitter to avoid stampedes" -> "I would also mention TTL
 * jitter to avoid stampedes").
 */
export function addToAnswerSentence(text: string, tag: Tagger = winkTagger): string {
  const typed = expandShorthand(text).replace(/[.;!\s]+$/, '');
  if (!typed) return '';
  const comma = QUESTION_LEAD.exec(typed);
  const lead = comma ?? ANSWER_LEAD.exec(typed);
  // "on the design systems q - should've…": the dash typed for a comma is one in the note.
  const head = lead ? `${(lead[1] ?? '').replace(/\s+[-–—]$/, ',')}${lead === comma ? ',' : ''} ` : '';
  const rest = lead ? typed.slice(lead[0].length) : typed;
  const tokens = tag(rest);
  const first = tokens[0];
  if (!first) return sentence(typed);
  const w = first.text.toLowerCase();
  let point: string;
  if (first.pos === 'PRON' && /^(?:i|we|you|it|that|this|my|our)$/.test(w)) point = rest;
  // "when she asked about retries I should have said X": the writer's own sentence after its
  // opening clause, which gets its comma.
  else if (OPENING_CLAUSE.test(rest)) point = rest.replace(OPENING_CLAUSE, '$1, $2');
  else if (ownClause(rest, tag)) point = rest;
  else if (MODALS.has(w) || (first.pos === 'VERB' && w !== first.lemma && !w.endsWith('ing')))
    point = `I ${lowerOpening(rest)}`;
  // "wish I had said X": the writer's own thought now, not something they would do.
  else if (THINKING.has(w)) point = `I ${lowerOpening(rest)}`;
  else if (first.pos === 'VERB' || PROMISE_VERBS.has(w) || w === 'add' || w === 'mention')
    point = `I would ${lowerOpening(rest)}`;
  else point = `I would also mention ${lowerOpening(rest)}`;
  return sentence(`${head}${point}`);
  // A word that opened the typed line, lower-cased inside the sentence; names keep their capitals.
  function lowerOpening(s: string): string {
    return first?.pos !== 'PROPN' && /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
  }
}

/**
 * The point to add, in the note of the reader it is for: a label naming them goes ("Ana: should
 * have mentioned X" -> "I should have mentioned X."), and what it says of them is said to them
 * ("On Ana's question about retries, ..." -> "On your question about retries, ...").
 */
export function addToAnswerFor(text: string, reader: Reader, tag: Tagger = winkTagger): string {
  let point = text.trim();
  // A label is one of their names however it is typed ("jose:" for José Ibáñez).
  const label = /^([\p{L}][\p{L}\p{M}'’. -]{0,40}?)\s*[:–—-]\s+/u.exec(point);
  if (label?.[1] && isReaderName(label[1], reader)) point = point.slice(label[0].length);
  const said = addToAnswerSentence(point, tag);
  return said ? toSecondPerson(said, reader, tag).text : '';
}

const THINKING = new Set(['wish', 'think', 'feel', 'realise', 'realize', 'regret', 'believe']);

const PROMISE_VERBS = new Set([
  'send',
  'share',
  'email',
  'forward',
  'introduce',
  'connect',
  'follow',
  'write',
  'put',
  'look',
  'check',
  'get',
  'post',
  'book',
  'schedule',
  'call',
  'ping',
  'prepare',
  'draft',
  'review',
  'read',
  'try',
  'give',
  'make',
  'find',
  'dig',
  'circle',
]);

interface Prepared {
  scope: Record<string, string | number | boolean | null>;
  /** Debrief lines left in the third person because their referent was unclear. */
  unsure: string[];
}

// What they told you about, when it is a thing of theirs ("the move off Heroku", "your path…"),
// not an activity ("mentoring two juniors") or a clause ("how they…").
const TOLD_ABOUT =
  /^you (?:told me|talked|spoke|were telling me) about ((?:the|your|their|a|an|this|that) (?!\w+ing\b)[^,;]+)$/i;

// Topics of a screen that are arrangements, not conversation: a note that "enjoyed our discussion
// of comp range and relocation" reads oddly, and worse after a "no".
const LOGISTICS =
  /^(?:the\s+|my\s+)?(?:comp(?:ensation)?|salary|pay|equity|benefits|bonus|timeline|next steps|relocation|relocating|visa(?: sponsorship)?|sponsorship|notice(?: period)?|start date|logistics|scheduling|availability|remote(?: work)?|hybrid|office days|pto|package|interview process)(?:\s+(?:range|expectations|band|details|policy|process|options|plans?))?$/i;

// A team as a topic ("the SRE team", "your design team"), not "team culture" or "team structure".
const TEAM_TOPIC = /^(?:(?:the|your|their)\s+)?(?:[\p{L}\p{N}-]+\s+){0,3}team$/iu;

// "no tracing across services": the problem is the lack of it ("no one owns X" is a clause).
const NO_THING = /^no\s+(?!one\b|longer\b|more\b)/i;

// Words before which a name is an ordinary word ("the notion of", "a square", "the grace period").
const DETERMINERS = [
  'the',
  'a',
  'an',
  'no',
  'this',
  'that',
  'these',
  'those',
  'my',
  'your',
  'our',
  'their',
  'his',
  'her',
  'its',
  'any',
  'some',
  'every',
];
const NOT_A_COMPANY_BEFORE = `(?<!\\b(?:${DETERMINERS.join('|')})\\s+)`;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The company as recorded where a debrief typed it in lower case: "been at brightwave 6 years"
 * for Brightwave Robotics reads "Brightwave". The full name first, then its first word alone,
 * unless a determiner makes that word an ordinary one.
 */
export function companySpelling(text: string, company: string): string {
  const words = company.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (!first || !/^\p{Lu}/u.test(first)) return text;
  // (not inside an address: "brightwave.io")
  const edge = (w: string) => `(?<![\\p{L}\\p{N}.@/])${escapeRegExp(w)}(?![\\p{L}\\p{N}]|\\.\\p{L})`;
  const lowerTyped = (recorded: string) => (typed: string) =>
    typed === typed.toLowerCase() && typed !== recorded ? recorded : typed;
  let out = text.replace(new RegExp(edge(words.join(' ')), 'giu'), lowerTyped(words.join(' ')));
  if (first.length >= 3)
    out = out.replace(new RegExp(NOT_A_COMPANY_BEFORE + edge(first), 'giu'), lowerTyped(first));
  return out;
}

/**
 * The opportunity's people as recorded where a debrief typed them in lower case: "hiring mgr is
 * jo" for Jo Park reads "Jo". A whole word typed all in lower case, and only where the tagger
 * reads it as a name or a noun, not after a determiner: "will send it" for Will Chen, "mark it
 * done" for Mark Ito, "the grace period" for Grace Lee stay words.
 */
export function peopleSpelling(text: string, people: readonly string[], tag: Tagger): string {
  const recorded = new Map<string, string>();
  for (const name of people)
    for (const word of name.trim().split(/\s+/))
      if (/^\p{Lu}\p{Ll}/u.test(word) && word.length >= 2) recorded.set(word.toLowerCase(), word);
  if (recorded.size === 0 || !/\p{Ll}/u.test(text)) return text;
  const tokens = tag(text);
  let changed = false;
  const out = tokens.map((t, i) => {
    const spelling = recorded.get(t.text);
    const prev = tokens[i - 1]?.text.toLowerCase() ?? '';
    // (a verb the tagger read as a noun has its object next: "mark it done")
    const object = /^(?:it|them|this|that|these|those)$/i.test(tokens[i + 1]?.text ?? '');
    const asName = (t.pos === 'PROPN' || t.pos === 'NOUN') && !object;
    if (!spelling || !asName || DETERMINERS.includes(prev)) return t.before + t.text;
    changed = true;
    return t.before + spelling;
  });
  return changed ? out.join('') : text;
}

/** The names a template sees: snake_case, missing values as nil; debrief lines in second person. */
function prepare(typed: DraftData, tag: Tagger = winkTagger): Prepared {
  const people = typed.people ?? [];
  const spelt = (text: string) => peopleSpelling(companySpelling(text, typed.company), people, tag);
  const data: DraftData = {
    ...typed,
    notes: {
      memorable: spelt(typed.notes.memorable),
      topics: spelt(typed.notes.topics),
      problem: spelt(typed.notes.problem),
      promise: spelt(typed.notes.promise),
    },
    addToAnswer: spelt(typed.addToAnswer),
  };
  const reader: Reader = {
    names: [data.recipient.fullName, data.recipient.firstName].filter((n) => n.trim() !== ''),
  };
  const unsure: string[] = [];
  const parts = (text: string): Part[] => {
    const found = text.trim() ? debriefParts(text, reader, tag) : [];
    for (const p of found) if (p.unsure) unsure.push(p.text);
    return found.filter((p) => p.kind !== 'chat' || p.text !== '');
  };
  // Which "You mentioned..." wording comes next: from the reader's own, then the next each time.
  let said = Math.max(0, Math.floor(data.variant));
  // What stayed with you: the first clause goes where the template frames it, the rest follow
  // as sentences of their own.
  const memorableParts = parts(data.notes.memorable);
  // "I loved your story..." is a sentence of the writer's own: no template frame fits it ("I
  // especially appreciated that I loved..."), so it follows the opening as it is.
  const first = memorableParts[0];
  const framed = first && !writerSubject(first) && !first.own ? first : undefined;
  // ("deep dive into my last project" is recalled as "the deep dive…", as a problem is)
  const memorable =
    framed?.kind === 'sentence'
      ? { ...framed, text: definiteSubject(framed.text, tag) }
      : framed?.kind === 'phrase'
        ? { ...framed, text: definite(framed.text, tag) }
        : framed;
  // "you told me about the k8s migration" is about the migration: said as that, it takes the
  // template's phrase frames ("The k8s migration has stayed with me since."), and three readers
  // told about three things do not each read "you told me about".
  const toldAbout = memorable?.kind === 'sentence' ? TOLD_ABOUT.exec(memorable.text) : null;
  if (memorable && toldAbout?.[1]) {
    memorable.kind = 'phrase';
    // "told me about a time they had a 3-day outage": recalled, it is the time they told of.
    memorable.text = toldAbout[1].replace(/^an?\s+time\b/i, 'the time');
  }
  // A verdict on the chat is said with the user's own feeling, in the reader's wording; the
  // next chat sentence in the same note takes the wording after it.
  const memorableChat =
    memorable?.kind === 'chat'
      ? chatSentence(clause(memorable.text), memorable.feeling ?? 'good', said)
      : null;
  const chatAfter = memorableChat ? 1 : 0;
  const memorableRest = framed ? memorableParts.slice(1) : memorableParts;
  const memorableMore = memorableRest
    .map((p) => asSentence(p, said++ + (p.kind === 'chat' ? chatAfter : 0), tag))
    .join(' ');
  // The same line typed again as the problem or a topic is said once.
  const seen = [data.notes.memorable];
  const fresh = (text: string) => {
    if (seen.some((s) => sameLine(s, text))) return '';
    seen.push(text);
    return text;
  };
  const problemParts = parts(fresh(data.notes.problem));
  // (a question for a problem is a phrase: "how to scale hiring without lowering the bar")
  const [onlyProblem] = problemParts;
  const problemIsPhrase = problemParts.length === 1 && onlyProblem?.kind === 'phrase';
  const problem =
    problemParts.length === 0
      ? null
      : problemIsPhrase && onlyProblem
        ? definite(onlyProblem.text.replace(NO_THING, 'the lack of '), tag)
        : problemParts.map((p) => asSentence(p, said++, tag, false)).join(' ');
  const topicItems = listItems(expandShorthand(data.notes.topics))
    .filter((item) => !LOGISTICS.test(item) && !coveredBy(item, seen) && fresh(item) !== '')
    // "go", "rust" alone in a list of topics are the languages
    .map((item) => LANGUAGES.get(item.toLowerCase()) ?? item)
    // ("their roadmap" in a list of topics is the company's: "the roadmap")
    .map((item) => topicPhrase(toSecondPerson(item, reader, tag, { theirMeansThe: true }).text, tag))
    // "the SRE team": people are no topic to "dig into"; their work is.
    .map((item) => (TEAM_TOPIC.test(item) ? `the work of ${definite(item, tag)}` : item));
  const promised = present(data.notes.promise)
    ? promiseAction(expandShorthand(data.notes.promise), reader, tag)
    : null;
  const promise = promised && 'action' in promised ? promised.action : null;
  const addToAnswer = present(data.addToAnswer) ? addToAnswerFor(data.addToAnswer, reader, tag) : null;
  return {
    scope: {
      first_name: present(data.recipient.firstName),
      full_name: present(data.recipient.fullName),
      company: present(data.company),
      role: present(data.role),
      round: present(data.round),
      interview_date: present(data.interviewDate),
      decision_date: present(data.decisionDate),
      memorable: memorable ? memorable.text : null,
      memorable_kind: memorable ? memorable.kind : null,
      // "your story about X": something they said or showed, enjoyed rather than "heard about".
      memorable_told: memorable?.kind === 'phrase' && namesSomethingSaid(memorable.text, tag),
      // "fun chat about X": the sentence in the user's feeling ("Talking with you about X was great
      // fun."), and the feeling itself (enjoyed, useful, interesting, inspiring, good) for templates.
      memorable_chat: memorableChat,
      memorable_feeling: memorable?.kind === 'chat' ? (memorable.feeling ?? 'good') : null,
      memorable_more: memorableMore || null,
      topics: topicItems.length > 0 ? formatList(topicItems.join('; ')) : null,
      topic_count: topicItems.length,
      problem,
      problem_kind: problem === null ? null : problemIsPhrase ? 'phrase' : 'sentence',
      promise,
      // The promise says when itself ("by Friday", "tomorrow"): the template's "shortly" goes.
      promise_timed: promise !== null && PROMISE_TIME.test(promise),
      // The name templates before issue 8 used; a user's copied template keeps working.
      promises: promise,
      // A promise that says who will do what ("my colleague at Stripe will reach out to you").
      promise_sentence: promised && 'sentence' in promised ? promised.sentence : null,
      add_to_answer: addToAnswer,
      variant: Math.max(0, Math.floor(data.variant)) % VARIANTS,
      reader_index: Math.max(0, Math.floor(data.variant)),
      my_name: present(data.sender.name),
      signature: present(data.sender.signature),
    },
    unsure,
  };
}

/** Tidy what skipped sentences leave behind: double spaces, trailing spaces, empty paragraphs. */
function tidy(text: string): string {
  return (
    text
      .replace(/\r\n/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .replace(/^[ \t]+/gm, '')
      .replace(/([^\s])[ \t]{2,}/g, '$1 ')
      .replace(/ +([.,;:!?])/g, '$1')
      // a line typed with its own "!" or "?" where the template ends the sentence ("very cool!.")
      .replace(/([!?])\.(?=\s|$)/g, '$1')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/**
 * Render `template` (LiquidJS; a first line `Subject: ...` gives the subject, the rest is the
 * body) with `data`. A broken template is an `invalid-input` error naming the line.
 */
export function renderDraft(template: string, data: DraftData): Draft {
  // One draft tags the same clauses many times over (is it a label, a verdict, a clause?): the
  // tags of each text are kept for this draft only.
  const tag = rememberingTags(winkTagger);
  const { scope, unsure } = prepare(data, tag);
  const render = (openingAlt: boolean) => {
    try {
      return String(engine.parseAndRenderSync(template, { ...scope, opening_alt: openingAlt }));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new AppError('invalid-input', `The draft template could not be rendered: ${detail}.`, 'template');
    }
  };
  // The opening must not repeat a verb or adjective of the body ("I really enjoyed our
  // conversation." then the user's own "I really enjoyed it."): the template's other opening,
  // if it has one, is taken instead, unless it repeats more.
  let output = render(false);
  const repeats = openingRepeats(splitSubject(output).body, tag);
  if (repeats > 0) {
    const other = render(true);
    if (other !== output && openingRepeats(splitSubject(other).body, tag) < repeats) output = other;
  }
  const { subject, body } = splitSubject(output);
  const hints: string[] = [];
  if (!present(data.sender.name) && !present(data.sender.signature))
    hints.push('Set your name in Settings to sign your notes: this draft ends without one.');
  for (const line of unsure)
    hints.push(
      `Left as you wrote it, because it is unclear who is meant: "${line}". Reword it to speak to ${data.recipient.firstName || 'the reader'} directly.`,
    );
  return { subject, body: tidy(body), hints };
}

function splitSubject(output: string): { subject: string; body: string } {
  const text = output.replace(/\r\n/g, '\n').replace(/^\s*\n/, '');
  const match = /^[ \t]*Subject:[ \t]*(.*)(?:\n|$)/i.exec(text);
  const subject = match ? (match[1] ?? '').replace(/\s+/g, ' ').trim() : '';
  return { subject, body: match ? text.slice(match[0].length) : text };
}

// Verbs every note repeats without anyone noticing: "thank you… Thank you again", "I have…".
const PLAIN_VERBS = new Set([
  'be',
  'have',
  'do',
  'thank',
  'will',
  'would',
  'can',
  'could',
  'shall',
  'should',
  'may',
  'might',
  'must',
]);

/**
 * How many verbs and adjectives of a note's opening sentence (the first after the greeting) come
 * back in the rest of the note before the sign-off, by lemma ("enjoyed"/"enjoy").
 */
export function openingRepeats(body: string, tag: Tagger = winkTagger): number {
  const paragraphs = tidy(body)
    .split(/\n\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  // greeting, opening paragraph, …, sign-off; a note too short to have a body has nothing to repeat
  if (paragraphs.length < 3) return 0;
  const [first = '', ...rest] = (paragraphs[1] ?? '').split(/(?<=[.!?;])\s+/);
  const after = [rest.join(' '), ...paragraphs.slice(2, -1)].join(' ');
  const lemmas = (text: string) =>
    new Set(
      tag(text)
        .filter((t) => t.pos === 'VERB' || t.pos === 'ADJ')
        .map((t) => t.lemma.toLowerCase())
        .filter((l) => !PLAIN_VERBS.has(l)),
    );
  const later = lemmas(after);
  return [...lemmas(first)].filter((l) => later.has(l)).length;
}

/** The first word of a recorded name, for greetings ("Dr. Wen-Li Zhang" -> "Wen-Li"). */
export function firstNameOf(displayName: string): string {
  // One function for the drafter and the checker, so a drafted greeting is never "wrong-name".
  return greetingNameOf(displayName);
}

/**
 * An interview day as drafts write it, in the user's zone and locale: "Tuesday, December 8"
 * (en-US) or "Tuesday 8 December" (en-GB).
 */
export function formatDraftDate(
  instant: Temporal.Instant,
  timeZone: string,
  locale: Locale = 'en-US',
): string {
  return instant
    .toZonedDateTimeISO(timeZone)
    .toLocaleString(locale, { weekday: 'long', month: 'long', day: 'numeric' });
}
