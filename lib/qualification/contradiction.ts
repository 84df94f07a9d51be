import type { CriterionDefinition, EvidenceState } from "./model";

/** Words that turn a sentence into its opposite. Contractions are matched after apostrophes are dropped. */
const NEGATIONS = new Set([
  "not",
  "no",
  "never",
  "none",
  "nobody",
  "neither",
  "nor",
  "without",
  "cannot",
  "cant",
  "wont",
  "isnt",
  "arent",
  "wasnt",
  "hasnt",
  "havent",
  "hadnt",
  "didnt",
  "doesnt",
  "dont",
  "unable",
  "lacks",
  "lacking",
  "refused",
  "declined",
  "unclear",
  "unknown",
]);

/** Terms each template criterion is about, beyond the words of its label. */
const DEFAULT_TERMS: Record<string, string[]> = {
  economic_buyer: ["pricing", "price", "budget", "sign", "signs", "signed", "approve", "approved", "cfo", "spend", "buyer"],
  budget: ["budget", "pricing", "price", "funds", "funded", "spend", "money"],
  money: ["budget", "pricing", "price", "funds", "funded", "spend"],
  authority: ["sign", "signs", "signed", "approve", "approved", "decide", "decision"],
  paper_process: ["paper", "legal", "procurement", "contract", "msa", "dpa", "redlines", "security"],
  decision_process: ["process", "steps", "approval", "sign", "committee"],
  champion: ["champion", "sponsor", "pushing", "support", "supports"],
  metrics: ["metric", "metrics", "numbers", "target", "roi"],
  timeline: ["timeline", "date", "deadline", "quarter"],
};

/** Tokens within this distance of a negation count as negated ("has NOT seen pricing yet": not … pricing = 2). */
export const NEGATION_WINDOW = 4;

export interface Contradiction {
  negation: string;
  term: string;
  text: string;
}

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function keyTerms(def: CriterionDefinition): Set<string> {
  const fromLabel = tokens(def.label).filter((w) => w.length >= 4);
  return new Set([...fromLabel, ...(def.keyTerms ?? DEFAULT_TERMS[def.id] ?? [])].map((t) => t.toLowerCase()));
}

/**
 * Evidence that says the opposite of its state: a claimed or verified excerpt with a negation within
 * NEGATION_WINDOW words of one of the criterion's key terms. Deliberately simple and explainable: it flags for
 * a human to review, it never changes a state by itself.
 */
export function findContradiction(def: CriterionDefinition, state: EvidenceState, excerpt: string): Contradiction | null {
  if (state !== "claimed" && state !== "verified") return null;
  const words = tokens(excerpt);
  const terms = keyTerms(def);
  for (const [i, word] of words.entries()) {
    if (!NEGATIONS.has(word)) continue;
    // What a negation negates usually follows it ("not seen pricing"), so look ahead first, nearest first.
    const ahead = Array.from({ length: NEGATION_WINDOW }, (_, k) => i + k + 1);
    const behind = Array.from({ length: NEGATION_WINDOW }, (_, k) => i - k - 1);
    for (const j of [...ahead, ...behind]) {
      const term = words[j];
      if (term !== undefined && terms.has(term)) {
        return { negation: word, term, text: `The evidence says "${word} … ${term}" but ${def.label} is marked ${state}: review it` };
      }
    }
  }
  return null;
}
