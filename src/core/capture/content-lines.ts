/**
 * The BEGIN/END structure of iCalendar and vCard files, read line by line before ical.js sees
 * them. ical.js parses a whole file or throws on its first bad line; reading the structure
 * ourselves lets one malformed event or card be skipped (naming its line) while the rest import,
 * and lets a truncated file be recognised instead of crashing the parser.
 */
import ICAL from 'ical.js';
import type { SkippedEntry } from './bundle';
import type { TextLine } from './input';

/** A component as found in the file: its own content lines and its child components. */
export interface RawComponent {
  name: string;
  /** Line of its BEGIN. */
  line: number;
  /** False when the file ended before its END line. */
  complete: boolean;
  lines: TextLine[];
  children: RawComponent[];
}

const MAX_DEPTH = 8;

/** Group unfolded lines into components; stray lines outside any component are reported. */
export function readComponents(lines: TextLine[]): { roots: RawComponent[]; problems: SkippedEntry[] } {
  const roots: RawComponent[] = [];
  const problems: SkippedEntry[] = [];
  const stack: RawComponent[] = [];
  for (const l of lines) {
    const text = l.text;
    if (text.trim() === '') continue;
    const begin = /^BEGIN:([A-Za-z0-9-]+)\s*$/i.exec(text);
    if (begin) {
      if (stack.length >= MAX_DEPTH) {
        problems.push({ line: l.line, reason: `components nested deeper than ${MAX_DEPTH} levels` });
        continue;
      }
      const comp: RawComponent = {
        name: (begin[1] ?? '').toUpperCase(),
        line: l.line,
        complete: false,
        lines: [],
        children: [],
      };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(comp);
      else roots.push(comp);
      stack.push(comp);
      continue;
    }
    const end = /^END:([A-Za-z0-9-]+)\s*$/i.exec(text);
    if (end) {
      const name = (end[1] ?? '').toUpperCase();
      const at = stack.findLastIndex((c) => c.name === name);
      if (at < 0) {
        problems.push({ line: l.line, field: `END:${name}`, reason: `END:${name} without a matching BEGIN` });
        continue;
      }
      // Components left open inside this one (a missing END:VALARM) are closed as they stand.
      for (let i = stack.length - 1; i > at; i--) {
        const open = stack[i];
        if (open)
          problems.push({ line: open.line, field: open.name, reason: `${open.name} has no END line` });
      }
      const closing = stack[at];
      if (closing) closing.complete = true;
      stack.length = at;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top) top.lines.push(l);
    else problems.push({ line: l.line, reason: 'text outside any BEGIN/END block' });
  }
  return { roots, problems };
}

/** Serialise a raw component (and its children) back to text for ical.js. */
export function componentText(comp: RawComponent, out: string[] = []): string[] {
  out.push(`BEGIN:${comp.name}`);
  for (const l of comp.lines) out.push(l.text);
  for (const child of comp.children) componentText(child, out);
  out.push(`END:${comp.name}`);
  return out;
}

/**
 * Mend a line ical.js rejects when the mistake is unambiguous: a quoted parameter that swallowed
 * the value (`DTSTART;TZID="W. Europe Standard Time:20200609T090000"`, as Exchange 2010 wrote).
 */
export function repairLine(text: string): string | null {
  const m = /^([^:"]*?="[^"]*?):([^"]*)"\s*$/.exec(text);
  return m ? `${m[1]}":${m[2]}` : null;
}

type DesignSet = ReturnType<typeof ICAL.design.getDesignSet>;

/** Run `fn`, turning any exception into its message. */
function attempt<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: string } {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

const propertyName = (text: string): string => /^[^;:]*/.exec(text)?.[0]?.toUpperCase() ?? '';

/**
 * Parse a raw component with ical.js. When the whole fails, each line is checked on its own:
 * lines that can be mended are, the others are dropped and reported, and the rest is parsed.
 * Returns null (with the reason in `skipped`) when even that fails.
 */
export function parseComponent(
  comp: RawComponent,
  design: 'icalendar' | 'vcard' | 'vcard3',
  skipped: SkippedEntry[],
  warnings: string[],
): ICAL.Component | null {
  const whole = attempt(() => new ICAL.Component(ICAL.parse(componentText(comp).join('\r\n'))));
  if (whole.ok) return checked(whole.value, comp, skipped);
  const set: DesignSet = ICAL.design.getDesignSet(design);
  const clean = (c: RawComponent): RawComponent => ({
    ...c,
    lines: c.lines.flatMap((l) => {
      if (attempt(() => ICAL.parse.property(l.text, set)).ok) return [l];
      const mended = repairLine(l.text);
      if (mended && attempt(() => ICAL.parse.property(mended, set)).ok) {
        warnings.push(`line ${l.line}: mended a malformed ${propertyName(l.text)} line (a misplaced quote).`);
        return [{ text: mended, line: l.line }];
      }
      const why = attempt(() => ICAL.parse.property(l.text, set));
      skipped.push({
        line: l.line,
        field: propertyName(l.text),
        reason: why.ok ? 'unreadable line' : `unreadable line: ${why.error.slice(0, 120)}`,
      });
      return [];
    }),
    children: c.children.map(clean),
  });
  const retried = attempt(() => new ICAL.Component(ICAL.parse(componentText(clean(comp)).join('\r\n'))));
  if (retried.ok) return checked(retried.value, comp, skipped);
  skipped.push({
    line: comp.line,
    field: comp.name,
    reason: `could not be read: ${retried.error.slice(0, 120)}`,
  });
  return null;
}

/** The parsed component with unreadable values dropped, or null when even that fails. */
function checked(parsed: ICAL.Component, comp: RawComponent, skipped: SkippedEntry[]): ICAL.Component | null {
  const result = attempt(() => dropUnreadableValues(parsed, comp.line, skipped));
  if (result.ok) return result.value;
  skipped.push({
    line: comp.line,
    field: comp.name,
    reason: `could not be read: ${result.error.slice(0, 120)}`,
  });
  return null;
}

/**
 * ical.js decodes values lazily, so a malformed date can throw long after parsing, from any
 * accessor. Decode every value now and drop the properties that cannot be read, so the code that
 * reads the component afterwards never meets an exception.
 */
function dropUnreadableValues(comp: ICAL.Component, line: number, skipped: SkippedEntry[]): ICAL.Component {
  for (const prop of comp.getAllProperties()) {
    const read = attempt(() => prop.getValues());
    if (read.ok) continue;
    comp.removeProperty(prop);
    skipped.push({
      line,
      field: prop.name.toUpperCase(),
      reason: `unreadable value: ${read.error.slice(0, 120)}`,
    });
  }
  for (const child of comp.getAllSubcomponents()) dropUnreadableValues(child, line, skipped);
  return comp;
}

/**
 * The first content line of a property in a component (`item1.` groups allowed), with the value
 * as written: the line to name when a value is refused or cut.
 */
export function propertyLine(raw: RawComponent, name: string): { line: number; value: string } | null {
  for (const l of raw.lines) {
    const m = /^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)(?:;(?:"[^"]*"|[^:])*)?:(.*)$/.exec(l.text);
    if (m?.[1]?.toUpperCase() === name) return { line: l.line, value: (m[2] ?? '').trim() };
  }
  return null;
}
