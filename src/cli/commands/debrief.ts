/** `afterview debrief`: the walk-to-the-car notes that feed the drafts. */
import type { Command } from 'commander';
import { invalid } from '../../core/errors';
import { plural } from '../../core/plural';
import { saveDebrief } from '../../features/debriefs/debrief.service';
import { present } from '../output';
import type { CommandKit } from '../program';
import { resolveId } from '../resolve';

/** A per-interviewer option's value with its place on the command line, to group by --contact. */
interface Placed {
  value: string;
  at: number;
}

const PER_CONTACT = ['contact', 'memorable', 'topics', 'problem', 'promise'] as const;
type PerContact = (typeof PER_CONTACT)[number];

interface DebriefOptions extends Partial<Record<PerContact, Placed[]>> {
  interview: string;
  feeling?: string;
  wentWell?: string;
  improve?: string;
  addToAnswer?: string;
}

// Commander parses argv left to right, so a rising counter records the order across options.
let position = 0;
const placed = (value: string, previous: Placed[] | undefined): Placed[] => [
  ...(previous ?? []),
  { value, at: position++ },
];

interface ContactGroup {
  contact: string;
  memorable?: string;
  topics?: string;
  problem?: string;
  promise?: string;
}

/**
 * `--contact A --memorable x --promise p --contact B --topics y`: each per-interviewer option
 * belongs to the --contact before it. A --promise before any --contact is the promise for the
 * whole interview (as debriefs recorded it before promises were per interviewer).
 */
function groupByContact(o: DebriefOptions): { groups: ContactGroup[]; interviewPromise?: string } {
  const all = PER_CONTACT.flatMap((key) => (o[key] ?? []).map((p) => ({ key, ...p }))).sort(
    (a, b) => a.at - b.at,
  );
  const groups: ContactGroup[] = [];
  let interviewPromise: string | undefined;
  for (const item of all) {
    const current = groups.at(-1);
    if (item.key === 'contact') groups.push({ contact: item.value });
    else if (current) {
      if (current[item.key] !== undefined)
        throw invalid(`--${item.key} is given twice for --contact ${current.contact}.`, item.key);
      current[item.key] = item.value;
    } else if (item.key === 'promise') interviewPromise = item.value;
    else throw invalid(`--${item.key} needs a --contact before it: the interviewer it is about.`, 'contact');
  }
  return { groups, interviewPromise };
}

export function registerDebriefCommands(program: Command, kit: CommandKit): void {
  program
    .command('debrief')
    .description(
      'write down how it went: per interviewer what stayed with you, topics, a problem they raised, what you promised them',
    )
    .requiredOption('--interview <id>', 'interview id')
    .option(
      '--contact <id>',
      'an interviewer; the per-interviewer options after it are about them (repeatable)',
      placed,
    )
    .option('--memorable <text>', 'what stayed with you about this interviewer', placed)
    .option('--topics <text>', 'what you talked about with them ("caching; sharding; queues")', placed)
    .option('--problem <text>', 'a problem they raised (a follow-up idea)', placed)
    .option('--promise <text>', 'what you promised them (before any --contact: to everyone)', placed)
    .option('--feeling <text>', 'how it went overall')
    .option('--went-well <text>', 'what went well')
    .option('--add-to-answer <text>', 'a point to add to one of your answers (may go into a note)')
    .option('--improve <text>', 'PRIVATE: what to practise; never put in any note')
    .action((o: DebriefOptions, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const { groups, interviewPromise } = groupByContact(o);
        const notes = await Promise.all(
          groups.map(async (g) => ({
            contactId: await resolveId(s.ctx, 'person', g.contact, 'contact'),
            memorable: g.memorable,
            topics: g.topics,
            problem: g.problem,
            promise: g.promise,
          })),
        );
        const saved = await saveDebrief(s.ctx, await resolveId(s.ctx, 'interview', o.interview), {
          feeling: o.feeling,
          wentWell: o.wentWell,
          improve: o.improve,
          addToAnswer: o.addToAnswer,
          promises: interviewPromise,
          notes,
        });
        present(
          s,
          saved,
          () =>
            `Debrief saved (notes on ${plural(saved.notes.length, 'interviewer')} so far)${
              o.improve !== undefined ? '; what to practise stays private' : ''
            }.`,
        );
      }),
    );
}
