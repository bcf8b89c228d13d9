/**
 * A debrief line as it is typed ("great chat re: hiring plan; wants someone to grow the platform
 * team", "Their AWS bill doubled last year") is notes to self; a note needs sentences that fit
 * where the template puts them. This spells out shorthand, splits a line into its clauses, turns
 * each to second person (second-person.ts), and says what shape each clause has, so a noun
 * phrase goes after "I keep thinking about", a clause with its own subject is framed as what the
 * reader told you, and "great chat about X" becomes the sender's own "our conversation about X".
 */

import { sentimentOf } from '../english';
import { type ChatFeeling, chatSentence, feelingOf } from './chat-feeling';
import { type Reader, toSecondPerson } from './second-person';
import { expandShorthand } from './shorthand';
import type { Tagger } from './tagger';

/** One clause of a debrief line, in second person. */
export interface Part {
  text: string;
  /**
   * `sentence`: has its own subject and verb ("you showed me..."); `phrase`: a noun phrase ("your
   * story about..."); `chat`: the user's verdict on the conversation, `text` is its topic (may be
   * empty: "great chat" alone says nothing a note should repeat).
   */
  kind: 'sentence' | 'phrase' | 'chat';
  /** The referent of a pronoun was unclear, so the words were left as written. */
  unsure: boolean;
  /** For a `chat`: what the user felt about it ("fun chat" -> enjoyed, "super useful convo" -> useful). */
  feeling?: ChatFeeling;
}

// What a chat is called: "great chat", "super useful conversation", "enjoyed the call".
const CHAT_NOUNS = new Set([
  'chat',
  'conversation',
  'talk',
  'discussion',
  'call',
  'exchange',
  'session',
  'meeting',
  'interview',
  'catch-up',
]);
// Verbs of the sender enjoying the chat: "really enjoyed the convo on Y", "loved talking about X".
const ENJOY = new Set(['enjoy', 'love', 'like', 'appreciate', 'value']);
// Verbs the chat itself can be said with: "enjoyed talking with her about X".
const CHATTING = new Set(['talk', 'chat', 'discuss']);
const TOPIC_LEADS = new Set(['about', 'on', 'around', 'regarding', 'covering', 'over', 're']);

/**
 * The user's verdict on the conversation, by part of speech and lemma: a positive modifier before
 * a word for a chat ("fun chat", "super useful conversation about X", "a really good call") or a
 * verb of enjoying it ("really enjoyed the convo on Y", "loved talking about X"), optionally
 * "with her", then an optional topic. Returns the topic ("" for none), or null when the line is
 * not such a verdict: a modifier that is not positive describes the chat ("awkward chat about
 * salary", "long call"), and "good call on X" is praise for a decision.
 */
export function chatTopic(clause: string, tag: Tagger, describing = false): string | null {
  return chatVerdict(clause, tag, describing)?.topic ?? null;
}

/** As chatTopic, with the feeling the verdict's words name ("super useful convo" -> useful). */
export function chatVerdict(
  clause: string,
  tag: Tagger,
  describing = false,
): { topic: string; feeling: ChatFeeling } | null {
  // A capital opening reads to the tagger as a name ("Fun/PROPN chat"): the verdict is never one.
  const tokens = tag(clause.charAt(0).toLowerCase() + clause.slice(1));
  const lemma = (i: number) => tokens[i]?.lemma ?? '';
  let i = 0;
  while (tokens[i]?.pos === 'ADV') i++;
  let enjoyed = false;
  const verdict = (topic: string | null, words: string[]) =>
    topic === null ? null : { topic, feeling: feelingOf(words) };
  if (tokens[i]?.pos === 'VERB' && ENJOY.has(lemma(i))) {
    enjoyed = true;
    const verb = lemma(i);
    i++;
    if (tokens[i]?.pos === 'VERB' && CHATTING.has(lemma(i)) && /ing$/i.test(tokens[i]?.text ?? '')) {
      const discussing = lemma(i) === 'discuss';
      return verdict(rest(tokens, i + 1, discussing), [verb]);
    }
  }
  const modifiersFrom = i;
  // The tagger may read the chat word as a verb after a noun ("fun/NOUN chat/VERB").
  const chatWord = (k: number) =>
    CHAT_NOUNS.has(lemma(k)) &&
    (tokens[k]?.pos === 'NOUN' || (k > modifiersFrom && tokens[k]?.pos === 'VERB'));
  while (i < tokens.length && !chatWord(i)) {
    const t = tokens[i] as (typeof tokens)[number];
    if (!['ADV', 'ADJ', 'DET', 'NOUN', 'PRON'].includes(t.pos) || i - modifiersFrom > 4) return null;
    if (t.pos === 'PRON' && !/^(?:our|the|that|this)$/i.test(t.text)) return null;
    i++;
  }
  if (i >= tokens.length) return null;
  const modifiers = tokens
    .slice(modifiersFrom, i)
    .filter((t) => t.pos !== 'DET' && t.pos !== 'PRON')
    .map((t) => t.text)
    .join(' ');
  if (describing) {
    // "awkward chat about salary", "long call": adjectives on the chat itself, whatever they say.
    const adjectives = tokens.slice(modifiersFrom, i).filter((t) => t.pos === 'ADJ' || t.pos === 'ADV');
    if (enjoyed || adjectives.length === 0 || adjectives.length < modifiers.split(' ').length) return null;
  } else {
    if (!enjoyed && (modifiers === '' || sentimentOf(modifiers) <= 0)) return null;
    if (enjoyed && modifiers !== '' && sentimentOf(modifiers) < 0) return null;
  }
  // "good call on X" praises a decision; "enjoyed the call on X" is the chat.
  if (!enjoyed && lemma(i) === 'call' && tokens[i + 1]?.text.toLowerCase() === 'on') return null;
  const words = tokens.slice(0, i).map((t) => t.lemma);
  return verdict(rest(tokens, i + 1, false), words);
}

/** After the chat: "with her", then "about X" (the topic), or nothing. */
function rest(tokens: ReturnType<Tagger>, from: number, bareTopic: boolean): string | null {
  let i = from;
  if (tokens[i]?.text.toLowerCase() === 'with') {
    i++;
    const start = i;
    while (i < tokens.length && i - start < 3 && !TOPIC_LEADS.has(tokens[i]?.text.toLowerCase() ?? '')) i++;
  }
  if (i >= tokens.length) return '';
  const lead = tokens[i]?.text.toLowerCase() ?? '';
  const topicAt = TOPIC_LEADS.has(lead) ? i + 1 : bareTopic ? i : -1;
  if (topicAt < 0) return null;
  return tokens
    .slice(topicAt)
    .map((t) => t.before + t.text)
    .join('')
    .trim();
}

// Nouns for one particular thing of theirs: "hiring plan" is "the hiring plan", while
// "engineering management" or "incident response" read right bare.
const THINGS = new Set(
  'plan roadmap team project migration rewrite launch system pipeline budget reorg stack process strategy rollout redesign service platform tool dashboard architecture'.split(
    ' ',
  ),
);

/**
 * Add "the" to a bare compound noun topic ("hiring plan" -> "the hiring plan") or a bare thing of
 * theirs ("roadmap" -> "the roadmap").
 */
export function topicPhrase(topic: string, tag: Tagger): string {
  const tokens = tag(topic);
  const compound =
    tokens.length >= 1 &&
    tokens.every((t) => t.pos === 'NOUN' || (t.pos === 'VERB' && t.text.endsWith('ing')));
  const last = tokens.at(-1);
  return compound && last !== undefined && THINGS.has(last.text.toLowerCase()) ? `the ${topic}` : topic;
}

/** The clauses of a debrief line, each in second person and labelled with its shape. */
export function debriefParts(text: string, reader: Reader, tag: Tagger): Part[] {
  const expanded = expandShorthand(text);
  // "their" is the reader's own only after a verb the writer did ("thanked them for their time");
  // anywhere else it is their team's or company's, and "the" reads right (second-person.ts).
  const you = (line: string) => toSecondPerson(line, reader, tag, { theirMeansThe: true });
  const clauses = expanded
    .split(/\s*;\s*|(?<=[.!?])\s+|\s+[–—-]\s+|\n+/)
    .map((raw) => raw.trim().replace(/[.;,\s]+$/, ''))
    .filter(Boolean)
    .flatMap((clause) => splitTrailingVerdict(clause, tag));
  // "Asked how I'd shard X; liked Y": fragments the rewrite joins into one sentence stay one.
  if (
    clauses.length > 1 &&
    !clauses.some((c) => chatTopic(c, tag) !== null || chatTopic(c, tag, true) !== null)
  ) {
    const whole = you(expanded.replace(/[.;,\s]+$/, ''));
    if (!/[;.!?]\s/.test(whole.text)) return [{ text: whole.text, kind: whole.kind, unsure: whole.unsure }];
  }
  const parts: Part[] = [];
  for (const clause of clauses) {
    // The user's description of the chat ("awkward chat about salary", "long call") is for them,
    // not something to tell the reader: the clause is left out, as a bare "great chat" is.
    if (chatTopic(clause, tag) === null && chatTopic(clause, tag, true) !== null) {
      parts.push({ text: '', kind: 'chat', unsure: false });
      continue;
    }
    const chat = chatVerdict(clause, tag);
    if (chat !== null) {
      const topic = chat.topic.trim();
      const r = topic ? you(topic) : { text: '', unsure: false };
      parts.push({
        text: topic ? topicPhrase(r.text, tag) : '',
        kind: 'chat',
        unsure: r.unsure,
        feeling: chat.feeling,
      });
      continue;
    }
    // "struggling w/ on-call load": their struggle, said without a subject.
    const r = you(describedThenDid(clause.replace(STRUGGLE_FRAGMENT, "you're "), tag));
    parts.push({ text: r.text, kind: r.kind, unsure: r.unsure });
  }
  return parts;
}

/**
 * "told me about mentoring two juniors, great convo re: team culture": a verdict on the chat after
 * a comma is a clause of its own, or it would be glued to the other as "…, great conversation
 * about team culture" in the note.
 */
function splitTrailingVerdict(clause: string, tag: Tagger): string[] {
  for (let at = clause.indexOf(', '); at > 0; at = clause.indexOf(', ', at + 2)) {
    const tail = clause.slice(at + 2);
    if (chatTopic(tail, tag) !== null || chatTopic(tail, tag, true) !== null) {
      return [clause.slice(0, at), tail];
    }
  }
  return [clause];
}

const INTENSIFIERS = new Set(['super', 'really', 'very', 'so', 'incredibly', 'extremely', 'genuinely']);

/**
 * "super friendly, put me at ease right away": a description of the reader, then what they did.
 * Given the "was" it leaves out, the rewrite reads it as one fragment ("You were super friendly
 * and put me at ease right away").
 */
function describedThenDid(clause: string, tag: Tagger): string {
  const comma = clause.indexOf(', ');
  if (comma < 0) return clause;
  const described = tag(clause.slice(0, comma));
  const rest = clause.slice(comma + 2);
  const next = tag(rest);
  const adjectival =
    described.length > 0 &&
    described.length <= 4 &&
    described.some((t) => t.pos === 'ADJ') &&
    described.every((t) => t.pos === 'ADJ' || t.pos === 'ADV' || INTENSIFIERS.has(t.lemma));
  const did =
    next[0] !== undefined &&
    (next[0].pos === 'VERB' || next[0].pos === 'ADJ') &&
    /ed$|^put$|^made$|^gave$|^took$/i.test(next[0].text);
  return adjectival && did ? `was ${clause.slice(0, comma)} and ${rest}` : clause;
}

const STRUGGLE_FRAGMENT =
  /^(?=(?:still\s+|really\s+)?(?:struggling|finding it (?:hard|difficult)|having (?:trouble|a hard time)|battling)\s)/i;

// They already said it was said: "you said your team is behind" stands as it is.
const REPORTED_ALREADY =
  /^you\s+(?:said|told me|mentioned|explained|described|shared|admitted|noted|pointed out)\b/i;

// "you're struggling to keep..." is what they told you, not your verdict on them.
const STRUGGLE =
  /^you(?:'re|’re| are| were| have been|'ve been)\s+(?:really\s+|still\s+)?(?:struggling|finding it (?:hard|difficult)|having (?:trouble|a hard time)|battling)\s+(to\s+)?(.+)$/i;

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) =>
  /^(?:You|Your|The|A|An)\b/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;

/**
 * What the reader told you, as a clause to follow "You mentioned" or similar: "how hard it is to
 * keep your leads from burning out", "that the AWS bill doubled last year".
 */
export function reported(part: Part): string {
  const text = part.text;
  const struggle = STRUGGLE.exec(text);
  if (struggle) {
    const [, to, rest = ''] = struggle;
    // "how hard flaky deploys has been" would need the noun's number: this wording needs none.
    return to
      ? `how hard it is to ${rest}`
      : `how hard it has been dealing with ${rest.replace(/^with\s+/i, '')}`;
  }
  if (part.kind === 'phrase') return lowerFirst(text);
  return `that ${lowerFirst(text)}`;
}

/** A sentence whose subject is the writer ("I loved your story about the migration"). */
export const writerSubject = (part: Part): boolean => part.kind === 'sentence' && /^I\b(?!')/.test(part.text);

/** A simple past after "You" ("You asked", "You showed me"): an event of the interview. */
function pastEvent(text: string, tag: Tagger): boolean {
  const tokens = tag(text);
  if (tokens[0]?.text.toLowerCase() !== 'you') return false;
  let i = 1;
  while (tokens[i]?.pos === 'ADV') i++;
  const v = tokens[i];
  if (!v) return false;
  const w = v.text.toLowerCase();
  return w === 'were' || (v.pos === 'VERB' && w !== v.lemma && /ed$|[^s]$/.test(w) && !w.endsWith('ing'));
}

// Five, like the template's variants: readers of one interview start at their own (render.ts),
// so the same line typed for everyone is not the same sentence in their notes.
const REPORTING = ['You mentioned', 'You told me', 'You said', 'You explained', 'You shared'];
// "You said how hard..." is not idiomatic; these are, before "how".
const REPORTING_HOW = ['You mentioned', 'You told me', 'You talked about', 'You explained', 'You described'];

/**
 * A clause as a sentence of its own in a note: something they did in the interview stands as it
 * is ("You asked great questions..."); what they said about their work is framed as what they
 * told you ("You mentioned that you want..."). `n` picks the reporting verb, so a note does not
 * open three sentences the same way. With `events` false (a problem they raised), every clause is
 * framed as what they told you.
 */
export function asSentence(part: Part, n: number, tag: Tagger, events = true): string {
  if (part.kind === 'chat') return part.text ? chatSentence(part.text, part.feeling ?? 'good', n) : '';
  const text = part.text.replace(/[.!?]+$/, '');
  // "I thanked you for the honest answer" in a thank-you note is said again, not reported.
  const thanked = /^I thanked you for (.+)$/.exec(text);
  if (thanked?.[1] && !part.unsure) {
    // Every note already thanks them for their time: only what follows it is new.
    const time = /^your time\b,?\s*(?:and\s+)?(.*)$/.exec(thanked[1]);
    if (time) return time[1] ? `${capitalised(time[1])}.` : '';
    return `Thank you again for ${thanked[1]}.`;
  }
  // "I loved your story about...": the writer's own words already, not something they told you.
  if (part.unsure || REPORTED_ALREADY.test(text) || writerSubject(part)) return `${capitalised(text)}.`;
  if (events && part.kind === 'sentence' && pastEvent(text, tag)) return `${capitalised(text)}.`;
  const clause = reported(part);
  const verbs = clause.startsWith('how ') ? REPORTING_HOW : REPORTING;
  return `${verbs[n % verbs.length]} ${clause}.`;
}

// Content words, for telling that two lines say the same thing.
const wordsOf = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3),
  );

/** Do two debrief lines say (nearly) the same thing? Same words, or one's words all in the other. */
export function sameLine(a: string, b: string): boolean {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  if (wa.size === 0 || wb.size === 0) return false;
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return shared / Math.max(wa.size, wb.size) >= 0.8 || (shared === Math.min(wa.size, wb.size) && shared >= 3);
}

/** Does `text` already say everything `item` says (a topic already named in the note's other lines)? */
export function coveredBy(item: string, texts: readonly string[]): boolean {
  const wi = wordsOf(item);
  if (wi.size === 0) return false;
  const all = wordsOf(texts.join(' '));
  return [...wi].every((w) => all.has(w));
}
