/** `desperate-tone`: begging, pressure or neediness, which weakens the case the note makes. */
import { finding, quote } from '../finding';
import type { CheckInput, Finding } from '../types';

const PATTERNS: Array<{ re: RegExp; why: string }> = [
  {
    re: /\bI (?:really |truly |desperately |badly |so )?need (?:this|the|a|that) (?:job|position|role|offer|opportunity)\b/gi,
    why: 'sounds needy',
  },
  {
    re: /\b(?:I'm|I’m|I am) (?:so |really |getting )?desperate\b|\bdesperately\b/gi,
    why: 'sounds desperate',
  },
  {
    re: /\b(?:let me know|get back to me|reply|respond|answer)\b[^.!?\n]{0,20}\b(?:ASAP|as soon as possible|immediately|right away|urgently|today)\b/gi,
    why: 'puts pressure on them',
  },
  { re: /\bASAP\b/g, why: 'puts pressure on them' },
  { re: /!{2,}/g, why: 'reads as pushy (repeated exclamation marks)' },
  { re: /\?{2,}|\?!+|!\?+/g, why: 'reads as impatient (repeated question marks)' },
  { re: /\b(?:I beg you|begging|please,? please|pretty please)\b/gi, why: 'sounds like begging' },
  { re: /\bI(?:'ll|’ll| will) do anything\b/gi, why: 'sounds desperate' },
  {
    re: /\b(?:means|would mean) (?:everything|the world) to me\b|\bmy (?:last|only) (?:hope|chance)\b/gi,
    why: 'sounds needy',
  },
  {
    re: /\b(?:why haven'?t you|you (?:haven'?t|have not|never) (?:replied|responded|answered|gotten back))\b/gi,
    why: 'sounds accusing',
  },
  { re: /\b(?:I'm|I’m|I am) still waiting\b|\bstill haven'?t heard\b/gi, why: 'puts pressure on them' },
  { re: /\bfollowing up (?:again|once more|yet again)\b/gi, why: 'sounds impatient' },
  {
    re: /\b(?:need|expect|want) (?:an? |your )?(?:answer|decision|response|reply) (?:now|today|immediately|right away)\b/gi,
    why: 'forces a decision',
  },
];

/** Report each needy or pushy phrase with its span. */
export function checkDesperateTone(input: CheckInput): Finding[] {
  const out: Finding[] = [];
  for (const { re, why } of PATTERNS) {
    for (const m of input.body.matchAll(re)) {
      const s = m.index;
      const e = s + m[0].length;
      if (out.some((f) => s < f.end && e > f.start)) continue;
      out.push(
        finding(
          'desperate-tone',
          `${quote(m[0])} ${why}; a calm, confident tone makes a stronger case.`,
          s,
          e,
        ),
      );
    }
  }
  return out;
}
