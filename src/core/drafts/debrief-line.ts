/**
 * A debrief line as it is typed ("great chat re: hiring plan; wants someone to grow the platform
 * team", "Their AWS bill doubled last year") is notes to self; a note needs sentences that fit
 * where the template puts them. This spells out shorthand, splits a line into its clauses, turns
 * each to second person (second-person.ts), and says what shape each clause has, so a noun
 * phrase goes after "I keep coming back to", a clause with its own subject is framed as what the
 * reader told you, and "great chat about X" becomes the sender's own "our conversation about X".
 */

import { sentimentOf } from '../english';
import { type ChatFeeling, chatSentence, feelingOf } from './chat-feeling';
import { type Reader, subjectVerbAt, toSecondPerson } from './second-person';
import { expandShorthand } from './shorthand';
import type { Tagger, Token } from './tagger';

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
  /** The writer's own sentence, said as it is ("It was really eye-opening."). */
  own?: boolean;
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
  'plan roadmap team project migration rewrite launch system pipeline budget reorg stack process strategy rollout redesign service platform tool dashboard architecture charter rota backlog codebase monolith'.split(
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

/**
 * A bare singular noun phrase takes "the" ("legacy PHP monolith" -> "the legacy PHP monolith"):
 * one with its own determiner, a plural ("flaky deploys"), a gerund ("hiring senior engineers")
 * or a single word stays as typed.
 */
export function definite(phrase: string, tag: Tagger): string {
  const tokens = tag(phrase);
  if (tokens.length < 2) return phrase;
  let i = 0;
  // "hiring manager": an -ing word before a noun is part of the compound
  if (tokens[0]?.pos === 'VERB' && /^[a-z]+ing$/.test(tokens[0].text) && tokens[1]?.pos === 'NOUN') i = 1;
  while (i < tokens.length && ['ADJ', 'NOUN', 'PROPN', 'PUNCT'].includes(tokens[i]?.pos ?? '')) i++;
  const head = tokens[i - 1];
  const first = tokens[0];
  const compound =
    first?.pos === 'VERB' ? i >= 2 : first !== undefined && ['ADJ', 'NOUN'].includes(first.pos);
  if (!first || !head || i < 2 || !compound || head.pos !== 'NOUN') return phrase;
  if (/[^s]s$/i.test(head.text) && head.text.toLowerCase() !== head.lemma) return phrase;
  return `the ${phrase}`;
}

/**
 * A clause whose subject is a bare singular noun phrase takes "the": "crash rate spiked after iOS
 * 17" -> "the crash rate spiked…", "you said team is 6 people" -> "you said the team is 6 people".
 * One word takes it only when it names a thing of theirs ("team", "roadmap"): "morale is low",
 * "hiring is slow" stay.
 */
export function definiteSubject(text: string, tag: Tagger): string {
  // "the team is 6 people and hiring manager is Jo": each clause joined by "and" on its own.
  const joined = text.split(/ and (?=\S)/);
  if (joined.length > 1)
    return joined
      .map((part, i) => (i === 0 ? definiteSubject(part, tag) : theSubject(part, tag)))
      .join(' and ');
  return theSubject(text, tag);
}

/** definiteSubject for one clause. */
function theSubject(text: string, tag: Tagger): string {
  const lead = /^(you (?:said|told me|mentioned|explained)(?: that)? )/i.exec(text)?.[1] ?? '';
  const rest = text.slice(lead.length);
  const tokens = tag(rest);
  const first = tokens[0];
  if (!first) return text;
  let i = first.pos === 'VERB' && /^[a-z]+ing$/.test(first.text) && tokens[1]?.pos === 'NOUN' ? 1 : 0;
  // (a past verb the tagger read as an adjective ends the noun phrase: "rate spiked/ADJ")
  const inPhrase = (t: Token) =>
    t.pos === 'NOUN' || t.pos === 'PROPN' || (t.pos === 'ADJ' && !/ed$/i.test(t.text));
  while (tokens[i] && inPhrase(tokens[i] as Token)) i++;
  const head = tokens[i - 1];
  const verb = tokens[i];
  if (!head || !verb || head.pos !== 'NOUN' || (first.pos !== 'NOUN' && first.pos !== 'ADJ' && i < 2))
    return text;
  if (first.pos === 'PROPN' || (/[^s]s$/i.test(head.text) && head.text.toLowerCase() !== head.lemma))
    return text;
  const verbal = verb.pos === 'AUX' || verb.pos === 'VERB' || (verb.pos === 'ADJ' && /ed$/i.test(verb.text));
  if (!verbal || (i === 1 && !THINGS.has(head.text.toLowerCase()))) return text;
  return `${lead}the ${rest}`;
}

/** The clauses of a debrief line, each in second person and labelled with its shape. */
export function debriefParts(text: string, reader: Reader, tag: Tagger): Part[] {
  // "1) asked abt sharding 2) liked my caching answer": a numbered list is clauses;
  // "how do we scale hiring w/o lowering the bar?": the question, as "how to scale hiring…".
  // "interviewer was…" in the notes about one interviewer is them.
  const firstName = reader.names.at(-1) ?? '';
  const expanded = asked(
    expandShorthand(text)
      .replace(NUMBERED, '; ')
      .replace(/^;\s*/, '')
      .replace(THE_INTERVIEWER, (_, lead: string) => (firstName ? `${lead}${firstName}` : _)),
  );
  // "their" is the reader's own only after a verb the writer did ("thanked them for their time");
  // anywhere else it is their team's or company's, and "the" reads right (second-person.ts).
  // Whether "they" may be the reader is read from the whole line: in "walked me thru their
  // incident process. they do blameless pms" the second clause alone cannot tell.
  const they = /\bthey\b/i;
  const theyMayBeReader =
    !they.test(expanded) || !they.test(toSecondPerson(expanded, reader, tag, { theirMeansThe: true }).text);
  const you = (line: string) => toSecondPerson(line, reader, tag, { theirMeansThe: true, theyMayBeReader });
  const separated = expanded
    .split(/\s*;\s*|(?<=[.!?])\s+|\s+[–—-]\s+|\n+/)
    // (a "!" goes too: "very cool!" is a verdict like "very cool", and the note adds its own stop;
    // so does a "?" left after a question the line reads as a topic: "how to scale hiring?")
    .map((raw) => raw.trim().replace(/[.;,!?\s]+$/, ''))
    .filter(Boolean);
  const typed = separated
    .map(withoutPrivateFacts)
    .filter(Boolean)
    .flatMap((clause) => splitAtCommas(clause, tag));
  // "hiring mgr", "recruiter screen", "panel w/ 3 ppl": labels for the user, not for the note;
  // "v candid about team morale": a description of the reader, who "was" it.
  const clauses = typed
    .filter((c) => !isLabel(c, tag) && !WHO_THEY_ARE.test(c))
    .map((c) => c.replace(WHO_THEN, ''))
    .map((c) =>
      askedQuestions(
        c
          .replace(QUESTIONS, 'asked $1 $2$3')
          .replace(GOOD_CALL, (_, how: string) => `made ${/^a\s/i.test(how) ? '' : 'a '}${how} call on `),
        tag,
      ),
    )
    .filter((c) => !interviewKind(c, tag))
    .flatMap((c) => describedReader(c, tag));
  if (clauses.length === 0) return [];
  // "talked about her path from support to eng mgr - really inspiring": the user's verdict on
  // what came before is said as theirs ("I found it really inspiring."), a negative one not at all.
  const verdicts = clauses.slice(1).filter((c) => evaluation(c, tag) !== null);
  if (verdicts.length > 0) {
    const rest = clauses.filter((c, i) => i === 0 || !verdicts.includes(c));
    // After a verdict on the chat ("I found our discussion of X very helpful."), "It was…"
    // rather than a second "I found it…".
    const afterChat = (c: string) => chatTopic(clauses[clauses.indexOf(c) - 1] ?? '', tag) !== null;
    // "she's rebuilding the team after a reorg, really enjoyed it": "it" would be the reorg;
    // what they did with the writer ("walked me through X", "told me about Y") can be "it".
    const sharedWithMe = (c: string) =>
      /\b(?:me|us)\b/i.test(c) ||
      /^(?:\w+\s+)?(?:talked|spoke|explained|demoed|presented|chatted)\b/i.test(c);
    const said = verdicts
      .map((c) => {
        const e = evaluation(c, tag);
        if (e && afterChat(c)) return e.replace(/^I found it /, 'It was ');
        const before = clauses[clauses.indexOf(c) - 1] ?? '';
        return e && ENJOYED_IT.test(c) && !sharedWithMe(before)
          ? e.replace(/\s(?:it|that|this)$/i, ' talking with you')
          : e;
      })
      .filter((e): e is string => e !== null && e !== '')
      .map((e): Part => ({ text: e, kind: 'sentence', unsure: false, own: true }));
    return [...debriefParts(rest.join('; '), reader, tag), ...said];
  }
  const changed =
    typed.length !== separated.length ||
    clauses.length !== typed.length ||
    clauses.some((c, i) => c !== typed[i]);
  // "Asked how I'd shard X; liked Y": fragments the rewrite joins into one sentence stay one.
  if (
    clauses.length > 1 &&
    !clauses.some((c) => chatTopic(c, tag) !== null || chatTopic(c, tag, true) !== null)
  ) {
    const whole = you(changed ? clauses.join('; ') : expanded.replace(/[.;,\s]+$/, ''));
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
    const r = you(
      describedThenDid(
        clause
          .replace(STRUGGLE_FRAGMENT, "you're ")
          .replace(
            ONGOING,
            (_, doing: string, verb: string) => `you're ${doing} and ${tag(verb)[0]?.lemma ?? verb}`,
          ),
        tag,
      ),
    );
    parts.push({ text: r.text, kind: r.kind, unsure: r.unsure });
  }
  // "panel w/ 3 ppl, elena led": with its label gone, "you led" says nothing a note can use.
  const saysSomething = (p: Part) => p.kind !== 'sentence' || p.text.split(/\s+/).length > 2;
  return parts.length > 1 ? parts.filter(saysSomething) : parts;
}

const THE_INTERVIEWER = /(^|[;.]\s*)(?:the\s+)?interviewer\b(?!s)/gi;

// Who they are, for the user's records: "she was the hiring manager", "ex-google", "ex Stripe
// eng". A note does not tell them their own job or past employer.
const WHO =
  '(?:(?:she|he|they|\\p{L}+)\\s+(?:was|is|were|are)\\s+(?:the|a|an|my)\\s+(?:[\\p{L}-]+\\s+){0,3}(?:manager|mgr|recruiter|interviewer|lead|director|vp|cto|ceo|founder|head|pm|engineer|eng)|(?:ex|former)[- ]\\p{L}[\\p{L}.&-]*(?:\\s+(?:eng|engineer|pm|manager|mgr|lead))?)';
const WHO_THEY_ARE = new RegExp(`^${WHO}$`, 'iu');
// ...and before what they did: "she was the hiring manager, gave me context on the team".
const WHO_THEN = new RegExp(`^${WHO},\\s+(?=\\p{Ll})`, 'iu');
// What happened that a thank-you does not bring up: lateness, apologies, distraction.
const PRIVATE_FACTS =
  /\b(?:was|were|is|ran|running|came|showed up)\s+(?:\d+\s+\w+\s+|a bit\s+|very\s+|super\s+)?late\b|\bapologi[sz](?:ed|ing)\b|\bon (?:her|his|their) phone\b|\bcamera off\b|\bdistracted\b|\bcut (?:it|things|the call|the interview|us) short\b|\b(?:had to|needed to) (?:leave|drop off|run|hop off|jump off)\b|\bleft early\b|\bran over\b|\b(?:it|that|this|the (?:interview|call|chat|round|conversation)|things)\s+went\s+(?:ok|okay|well|fine|great|badly|poorly|alright|all right|so-so)\b/i;
// "she seemed stressed", "looked a bit tired": the writer's impression (PRIVATE_IMPRESSIONS).
const SEEMED =
  /\b(?:seemed|looked|sounded)\s+(?:(?:a bit|a little|kind of|kinda|quite|pretty|very|super|really|so)\s+)?(\p{L}+)/iu;
const privateFact = (text: string): boolean =>
  PRIVATE_FACTS.test(text) || PRIVATE_IMPRESSIONS.has(SEEMED.exec(text)?.[1]?.toLowerCase() ?? '');

/** "was 15 min late, apologised, then v engaged" -> "very engaged": the comma pieces that stay. */
function withoutPrivateFacts(clause: string): string {
  if (!privateFact(clause)) return clause;
  const pieces = clause.split(/,\s+/);
  const kept = pieces.filter((p) => !privateFact(p));
  if (kept.length === 0) return '';
  const subject = /^(\S+)\s+(?:was|is|were)\b/i.exec(pieces[0] ?? '')?.[1];
  const first = (kept[0] ?? '').replace(/^(?:then|but|and)\s+/i, '');
  // The subject went with the first piece: "Ana was late, then v engaged" -> "Ana was very engaged".
  const lead =
    subject && kept[0] !== pieces[0] && !/^\S+\s+(?:was|is|were)\b/i.test(first) ? `${subject} was ` : '';
  return [`${lead}${first}`, ...kept.slice(1)].join(', ');
}

const NUMBERED = /(?:^|\s+)\(?\d{1,2}[.)]\s+/g;
const OPEN_QUESTION =
  /^(how|what|where|when|whether)\s+(?:do|does|can|could|should|would|will|to)\s+(?:we|they|you|I|the team|one|it)\s+(.+?)\s*\?$/i;

/** "how do we scale hiring?" -> "how to scale hiring"; any other question loses its mark. */
function asked(line: string): string {
  const q = OPEN_QUESTION.exec(line.trim());
  if (q?.[1] && q[2]) return `${q[1].toLowerCase()} to ${q[2]}`;
  return line;
}

/**
 * A clause that is only the user's verdict ("really inspiring", "so cool", "v impressive"): the
 * words to say it with when it is positive, "" when it is not (a note keeps "kinda awkward" to
 * itself), null when the clause is something else.
 */
function evaluation(clause: string, tag: Tagger): string | null {
  // "really enjoyed it", "loved that": the writer's, about what came before.
  const enjoyed = ENJOYED_IT.exec(clause);
  if (enjoyed) return `I ${clause.charAt(0).toLowerCase()}${clause.slice(1)}`;
  // (a word only ever said of a thing is its adjective, whatever the tagger makes of "very cool")
  const tokens = hyphenated(tag(clause.charAt(0).toLowerCase() + clause.slice(1))).map((t) =>
    THING_ADJECTIVES.test(t.text) ? { ...t, pos: 'ADJ' } : t,
  );
  const last = tokens.at(-1);
  if (tokens.length === 0 || tokens.length > 4 || last?.pos !== 'ADJ') return null;
  if (!tokens.every((t) => t.pos === 'ADJ' || t.pos === 'ADV' || INTENSIFIERS.has(t.lemma))) return null;
  // "super sharp", "v friendly": words for a person, said of the reader (describedReader).
  if (!ABOUT_A_THING.test(last.text)) return null;
  const text = tokens
    .map((t) => t.before + t.text)
    .join('')
    .trim()
    .replace(/^super\b/i, 'really');
  // (an adjective for a thing the lexicon does not rate, "eye-opening", is taken as meant well)
  return sentimentOf(text) >= 0 ? `I found it ${text}` : '';
}

/** "eye-opening", "thought-provoking": one adjective, which the tagger splits at the hyphen. */
function hyphenated(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = out.at(-1);
    const next = tokens[i + 1];
    if (t.text === '-' && t.before === '' && prev && next && next.before === '') {
      const text = `${prev.text}-${next.text}`;
      out[out.length - 1] = {
        ...prev,
        text,
        lemma: text.toLowerCase(),
        normal: text.toLowerCase(),
        pos: 'ADJ',
      };
      i++;
    } else out.push(t);
  }
  return out;
}

const ENJOYED_IT =
  /^(?:(?:really|so|very|totally|genuinely|truly)\s+)*(?:enjoyed|loved|liked|appreciated)\s+(?:it|that|this)$/i;
// Adjectives for what was said or shown, not for the person: "inspiring", "eye-opening", "cool".
const THING_ADJECTIVES =
  /^(?:impressive|cool|neat|insightful|informative|awesome|amazing|valuable|slick|polished|elegant|sleek|nifty)$/i;
const ABOUT_A_THING =
  /(?:ing|ful)$|^(?:impressive|cool|neat|insightful|informative|great|awesome|amazing|fun|valuable|clever|smart|brilliant|slick|polished|elegant|sleek|nifty)$/i;

// "great questions", "v sharp qs on caching": the reader asked them.
const QUESTIONS =
  /^((?:(?:really|very|super|such)\s+)?(?:great|good|sharp|tough|thoughtful|interesting|smart|probing|hard|deep|insightful|clever|excellent))\s+(questions)(\b.*)$/i;

/**
 * "STAR questions about conflict", "friendly but tough questions on system design": questions
 * they asked, named by a noun phrase; said as what they did ("asked STAR questions about…").
 */
function askedQuestions(clause: string, tag: Tagger): string {
  const tokens = tag(clause);
  const at = tokens.findIndex((t) => t.text.toLowerCase() === 'questions');
  if (at < 1 || at > 4) return clause;
  const before = tokens.slice(0, at);
  const describing = before.every(
    (t) => ['ADJ', 'ADV', 'NOUN', 'PROPN', 'CCONJ'].includes(t.pos) || (t.pos === 'PUNCT' && t.text === '-'),
  );
  const next = tokens[at + 1];
  if (!describing || (next && !['ADP', 'PUNCT'].includes(next.pos))) return clause;
  // ("STAR questions" keeps its capitals; "Friendly but tough" opened the typed line)
  return `asked ${/^\p{Lu}\p{Ll}/u.test(clause) ? clause.charAt(0).toLowerCase() + clause.slice(1) : clause}`;
}

// What kind of interview it was ("mostly behavioural", "very technical"): notes for the user.
const INTERVIEW_KINDS = new Set(
  'behavioural behavioral technical conversational informal casual structured practical theoretical hands-on'.split(
    ' ',
  ),
);

/** A clause that only says what kind of interview it was ("Mostly behavioural"). */
function interviewKind(clause: string, tag: Tagger): boolean {
  const tokens = tag(clause.charAt(0).toLowerCase() + clause.slice(1));
  const last = tokens.at(-1);
  return (
    last !== undefined &&
    INTERVIEW_KINDS.has(last.text.toLowerCase()) &&
    tokens.slice(0, -1).every((t) => t.pos === 'ADV' || INTENSIFIERS.has(t.lemma))
  );
}

// "good call on using Postgres": their decision, which the writer thinks was right.
const GOOD_CALL = /^((?:a\s+)?(?:really\s+|very\s+)?(?:good|great|smart|right|wise))\s+call\s+on\s+/i;

// Nouns that make a short phrase a label for the user: who it was, what kind of interview.
const LABEL_HEADS = new Set(
  'screen screening panel round onsite interview manager mgr recruiter interviewer lead director vp cto ceo founder cofounder head pm'.split(
    ' ',
  ),
);

/**
 * "hiring manager", "recruiter screen", "panel with 3 people": a bare noun phrase naming who it
 * was or what kind of interview, written for the user's own records.
 */
function isLabel(clause: string, tag: Tagger): boolean {
  const tokens = tag(clause.charAt(0).toLowerCase() + clause.slice(1));
  if (tokens.length === 0 || tokens.length > 6) return false;
  const head = tokens.findIndex((t) => t.pos === 'NOUN' && LABEL_HEADS.has(t.lemma));
  if (head < 0) return false;
  const before = tokens.slice(0, head);
  const after = tokens.slice(head + 1);
  const modifiers = before.every(
    (t) => ['NOUN', 'ADJ', 'PROPN'].includes(t.pos) || /^[a-z]+ing$/i.test(t.text),
  );
  // "recruiter screen", "panel with 3 people", "hiring manager for payments"
  const nouns = after.findIndex((t) => !['NOUN', 'PROPN'].includes(t.pos));
  const tail = nouns < 0 ? [] : after.slice(nouns);
  const complement =
    tail.length === 0 ||
    (tail[0]?.pos === 'ADP' &&
      tail.slice(1).every((t) => ['NUM', 'NOUN', 'ADJ', 'DET', 'PROPN'].includes(t.pos)));
  return modifiers && complement;
}

// Descriptions a thank-you does not repeat back: the user's private impression.
const PRIVATE_IMPRESSIONS = new Set(
  'quiet reserved tired distracted rushed late busy serious stern tough cold intense skeptical sceptical blunt nervous stressed grumpy awkward hard strict rude dismissive arrogant condescending bored annoyed impatient unfriendly disengaged harsh mean distant unprepared exhausted overwhelmed frustrated unhappy'.split(
    ' ',
  ),
);

/**
 * "v candid about team morale after layoffs", "super sharp": a description of the reader with the
 * "was" left out, given back ("was very candid about..."), so the rewrite says "You were...". A
 * private impression ("quiet", "rushed") is left out of the note.
 */
function describedReader(clause: string, tag: Tagger): string[] {
  const tokens = tag(clause.charAt(0).toLowerCase() + clause.slice(1));
  let i = 0;
  while (tokens[i] && (tokens[i]?.pos === 'ADV' || INTENSIFIERS.has(tokens[i]?.lemma ?? ''))) i++;
  const adjective = tokens[i];
  const after = tokens[i + 1];
  // "excited abt the role", "impressed by X": a participle needs what it is about to be theirs.
  const participle = adjective !== undefined && /ed$/i.test(adjective.text);
  // ("very engaged" is theirs too, with its intensifier, even read as a verb)
  const adjectival = adjective?.pos === 'ADJ' || (participle && i > 0 && adjective?.pos === 'VERB');
  if (!adjective || !adjectival || (participle && after?.pos !== 'ADP' && i === 0)) return [clause];
  // "friendly, put me at ease" is describedThenDid's; "great questions" is a noun phrase.
  // ("v candid that the team is stretched thin": what they were candid about, as a clause)
  const leads = after && (after.pos === 'ADP' || after.pos === 'CCONJ' || after.pos === 'SCONJ');
  if (after && !(leads || after.pos === 'PUNCT')) return [clause];
  // "friendly but tough questions": adjectives joined by "but" that end on a noun describe it.
  if (after?.pos === 'CCONJ') {
    const rest = tokens.slice(i + 2);
    const end = rest.findIndex((t) => !['ADJ', 'ADV'].includes(t.pos) && !INTENSIFIERS.has(t.lemma));
    if (end >= 0 && rest[end]?.pos === 'NOUN') return [clause];
  }
  if (after?.pos === 'PUNCT') return [clause];
  // (the sentiment lexicon is no help here: it rates "keen" negative and "dismissive" neutral)
  if (PRIVATE_IMPRESSIONS.has(adjective.lemma)) return [];
  if (after === undefined && ABOUT_A_THING.test(adjective.text)) return [clause];
  // A bare "nice" says nothing a note can use; "super sharp" at least says how.
  if (after === undefined && i === 0) return [];
  return [`was ${clause}`];
}

/**
 * "told me about mentoring two juniors, great convo re: team culture": a verdict on the chat after
 * a comma is a clause of its own, or it would be glued to the other as "…, great conversation
 * about team culture" in the note.
 */
function splitTrailingVerdict(clause: string, tag: Tagger): string[] {
  for (let at = clause.indexOf(', '); at > 0; at = clause.indexOf(', ', at + 2)) {
    const head = clause.slice(0, at);
    const tail = clause.slice(at + 2);
    const verdict = (c: string) => chatTopic(c, tag) !== null || chatTopic(c, tag, true) !== null;
    // "great convo abt their release train, they showed me the dashboard": a verdict, then a
    // clause of its own ("great chat about caching, sharding and queues" is one topic list).
    // "walked me through the fleet sim, very cool": the user's own verdict on it, said as theirs.
    const own = evaluation(tail, tag) !== null && opensClause(head, tag);
    if (verdict(tail) || ENJOYED_IT.test(tail) || own || (verdict(head) && opensClause(tail, tag)))
      return [head, ...splitTrailingVerdict(tail, tag)];
  }
  return [clause];
}

/** A noun phrase and nothing else ("deep dive into my last project", "the new platform team"). */
function nounPhrase(text: string, tag: Tagger): boolean {
  const tokens = tag(text);
  const first = tokens[0];
  if (!first || !['NOUN', 'ADJ', 'DET'].includes(first.pos)) return false;
  if (first.pos === 'DET' && !/^(?:the|a|an)$/i.test(first.text)) return false;
  const subject = (t: Token) => t.pos === 'PRON' && /^(?:i|you|he|she|we|they|it)$/i.test(t.text);
  // Its head, before any preposition, is a noun: "super nice" describes someone.
  const preposition = tokens.findIndex((t) => t.pos === 'ADP');
  const head = tokens[(preposition < 0 ? tokens.length : preposition) - 1];
  if (head?.pos !== 'NOUN' || INTENSIFIERS.has(head.lemma)) return false;
  return !tokens.some((t) => t.pos === 'AUX' || subject(t)) && subjectVerbAt(tokens, tag) === null;
}

/** Does the text open on a subject and its verb, or on a past verb of a fragment ("told me…")? */
function opensClause(text: string, tag: Tagger): boolean {
  const [first, second] = tag(text);
  if (!first) return false;
  if (first.pos === 'PRON' && /^(?:she|he|they|we|I|you)$/i.test(first.text))
    return second?.pos === 'VERB' || second?.pos === 'AUX';
  // "zoe walked me through…": a name, typed lower case on a phone, then its inflected verb.
  if ((first.pos === 'PROPN' || first.pos === 'NOUN') && second?.pos === 'VERB')
    return second.text.toLowerCase() !== second.lemma && !/ing$/i.test(second.text);
  return first.pos === 'VERB' && first.text.toLowerCase() !== first.lemma && !/ing$/i.test(first.text);
}

/**
 * "recruiter screen, nice call, she said team is 6 ppl, hiring mgr is jo": a run-on line typed
 * with commas for full stops. It is split only when every piece stands as a clause (a label, a
 * verdict on the chat, a clause with its own subject, a fragment opening on a past verb), so a
 * list ("the runbooks, the alerts and the dashboards") stays whole; otherwise a verdict next to a
 * clause is split off (splitTrailingVerdict).
 */
function splitAtCommas(clause: string, tag: Tagger): string[] {
  const pieces = clause.split(/,\s+/);
  if (pieces.length >= 2) {
    // Notes to self: a label, a verdict on the chat, "great questions".
    const aside = (p: string) =>
      isLabel(p, tag) || QUESTIONS.test(p) || chatTopic(p, tag) !== null || chatTopic(p, tag, true) !== null;
    const stands = (p: string) =>
      aside(p) ||
      describedReader(p, tag)[0] !== p ||
      opensClause(p, tag) ||
      subjectVerbAt(tag(p), tag) !== null;
    // Two clauses split only at a note to self or a new subject ("…was intense but fair, she
    // pushed back…"): "super nice, told me…" and "has been there 9 yrs, knows everyone" share one.
    const newSubject = (p: string) => /^(?:she|he|they|I|we)\s/i.test(p);
    const splits = pieces.length > 2 || pieces.some(aside) || pieces.slice(1).some(newSubject);
    if (splits && pieces.every(stands)) return pieces;
    // "deep dive into my last project, pushed on why we picked X": a thing, then what they did.
    const [thing, did] = pieces;
    if (pieces.length === 2 && thing && did && nounPhrase(thing, tag) && opensClause(did, tag)) return pieces;
  }
  return splitTrailingVerdict(clause, tag);
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
  const first = next[0];
  const did =
    first !== undefined &&
    (first.pos === 'VERB' || first.pos === 'ADJ') &&
    (/ed$|^put$|^made$|^gave$|^took$/i.test(first.text) ||
      (first.pos === 'VERB' && first.text.toLowerCase() !== first.lemma && !/(?:ing|s)$/i.test(first.text)));
  if (!adjectival || !did) return didThenDescribed(clause, comma, tag);
  // "quiet, took lots of notes": a private impression goes, what they did stays.
  if (described.some((t) => PRIVATE_IMPRESSIONS.has(t.lemma))) return rest;
  return `was ${clause.slice(0, comma)} and ${rest}`;
}

/**
 * "laughed a lot, very easy to talk to": what they did, then a description of them with its
 * "was" left out; given back, so the rewrite says "You laughed a lot and were very easy to talk to".
 */
function didThenDescribed(clause: string, comma: number, tag: Tagger): string {
  const did = tag(clause.slice(0, comma))[0];
  const past = did?.pos === 'VERB' && did.text.toLowerCase() !== did.lemma && !/(?:ing|s)$/i.test(did.text);
  const described = tag(clause.slice(comma + 2));
  let i = 0;
  while (described[i] && (described[i]?.pos === 'ADV' || INTENSIFIERS.has(described[i]?.lemma ?? ''))) i++;
  const adjective = described[i];
  const after = described[i + 1];
  const adjectival =
    i > 0 &&
    adjective?.pos === 'ADJ' &&
    !PRIVATE_IMPRESSIONS.has(adjective.lemma) &&
    (after === undefined || after.pos === 'PART' || after.text.toLowerCase() === 'to');
  return past && adjectival ? `${clause.slice(0, comma)} and was ${clause.slice(comma + 2)}` : clause;
}

// "hiring for 2 senior roles, wants someone to lead X": what they are doing, then what they want.
// (the verb is said with "you" by its lemma: "wants" -> "want", "has" -> "have")
const ONGOING = /^([a-z]+ing\b[^,;]*),\s+(wants|needs|has|plans|hopes|expects|looks)\b/i;

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
  /^(?:You|Your|The|A|An|They|Their|We|Our|It|Its|This|These|Those|There)\b/.test(s)
    ? s.charAt(0).toLowerCase() + s.slice(1)
    : s;

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

// The reader liking something of the writer's: "You liked my token bucket answer".
const LIKED_MINE = /^You (?:really )?(?:liked|loved|enjoyed|appreciated) my\b/;

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
  const text =
    part.kind === 'sentence'
      ? definiteSubject(part.text.replace(/[.!?]+$/, ''), tag)
      : part.text.replace(/[.!?]+$/, '');
  // "I thanked you for the honest answer" in a thank-you note is said again, not reported.
  const thanked = /^I thanked you for (.+)$/.exec(text);
  if (thanked?.[1] && !part.unsure) {
    // Every note already thanks them for their time: only what follows it is new.
    const time = /^your time\b,?\s*(?:and\s+)?(.*)$/.exec(thanked[1]);
    if (time) return time[1] ? `${capitalised(time[1])}.` : '';
    return `Thank you again for ${thanked[1]}.`;
  }
  // "liked my caching answer": telling them "You liked my answer." sounds pleased with oneself;
  // the writer was glad of it.
  if (part.kind === 'sentence' && !part.unsure && LIKED_MINE.test(text))
    return `I was glad ${lowerFirst(text)}.`;
  // "I loved your story about...": the writer's own words already, not something they told you.
  if (part.own || part.unsure || REPORTED_ALREADY.test(text) || writerSubject(part))
    return `${capitalised(text)}.`;
  if (events && part.kind === 'sentence' && pastEvent(text, tag)) return `${capitalised(text)}.`;
  const clause = reported({ ...part, text });
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
