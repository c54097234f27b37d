/** A platform's house style. `taobao` is the default (the guides' own style). */
export type Platform = "taobao" | "jd" | "pdd" | "douyin" | "generic";

/** `error`: hurts the customer or breaks platform rules; `warning`: the guides say not to; `hint`: could be better. */
export type Severity = "error" | "warning" | "hint";

/** A category of the rule catalogue (RULES.md). */
export type Category =
  | "greeting" | "closing" | "address" | "blunt" | "command" | "impatience" | "buck-passing"
  | "blame" | "apology" | "empathy" | "timeline" | "vague" | "structure" | "coverage"
  | "objection" | "pressure" | "slang" | "punctuation" | "jargon" | "compliance";

/** One draft with what the coach knows of the conversation. */
export interface CheckRequest {
  /** The agent's text as typed. */
  draft: string;
  /** The customer's last message(s). */
  customer?: string;
  /** The agent has not replied in this conversation yet. */
  first_reply?: boolean;
  /** What the agent has already sent since the customer's last messages (this draft is a further one). */
  agent_since?: string;
  /** The agent's last message before the customer's last messages: an apology made or a time given there counts. */
  previous_reply?: string;
  /** Overrides the coach's platform for this draft. An unknown platform throws. */
  platform?: Platform | null;
}

/** A finding. `draft.slice(start, end)` is the flagged text (UTF-16 offsets); `start == end` is an insertion point. */
export interface Finding {
  /** Stable id, `category.name`. */
  rule: string;
  category: Category;
  severity: Severity;
  start: number;
  end: number;
  /** One short zh-CN sentence. */
  message: string;
  /** Full replacement texts for `[start, end)`, best first. */
  suggestions: string[];
}

/** The five sub-scores, each 0–100. */
export interface Scores {
  /** 礼貌 */
  politeness: number;
  /** 共情 */
  empathy: number;
  /** 清晰 */
  clarity: number;
  /** 掌控感 */
  control: number;
  /** 合规 */
  compliance: number;
}

/** The result of a check. */
export interface Report {
  /** 0–100. */
  score: number;
  scores: Scores;
  /** Sorted by position, then by severity (most severe first). */
  findings: Finding[];
  /**
   * Rules that reached their limit of 1,000 findings in this draft, with how many more they
   * found. Absent when none did.
   */
  omitted?: { rule: string; count: number }[];
  /** The customer's situation, or null when their messages show none. */
  situation: Situation | null;
  /** The phrasebook's templates for that situation, best first (at most 3); empty when none. */
  templates: Template[];
}

/** What the customer's messages are about (docs/contracts.md). */
export type Situation =
  | "ship_time" | "late" | "damaged" | "wrong_item" | "refund_pending" | "price" | "quality"
  | "return" | "invoice" | "out_of_stock" | "address_change" | "closing";

/** A scenario template; 【…】 marks a placeholder to fill in. */
export interface Template {
  id: string;
  situation: Situation;
  text: string;
}

/** A team phrasebook (src/phrasebook/mod.rs); validated like a pack. */
export interface Phrasebook {
  name: string;
  description?: string;
  version?: string;
  entries: { id: string; situation: Situation; variant?: "promo" | "peak" | null; text: string }[];
}

/** Metadata of a built-in rule. */
export interface RuleInfo {
  id: string;
  category: Category;
  severity: Severity;
  title: string;
  /** One zh-CN sentence (at most 40 characters): what the rule flags and why. */
  summary: string;
  /** Markdown: What it does / Why is this bad? / Example / Use instead. */
  doc: string;
}

/** One entry of a team pack. Its id becomes `<category>.<id>`. */
export interface PackRule {
  /** Lower-case letters, digits and hyphens. */
  id: string;
  /** A regular expression over the folded draft (simplified, half-width, lower case): a subset of Rust `regex` syntax, see `src/pattern/mod.rs`. */
  pattern: string;
  /** When this expression matches the same clause, no finding. */
  unless?: string | null;
  category: Category;
  severity: Severity;
  message: string;
  suggestions?: string[] | null;
}

/** A team's own phrases. A pack with any bad entry is rejected whole. */
export interface TeamPack {
  name: string;
  description?: string;
  version?: string | number;
  rules: PackRule[];
}

/** What a team sets once. camelCase spellings of the keys are accepted too. */
export interface CoachConfig {
  platform?: Platform | null;
  /** Rule ids to switch off (built-in or from a pack). */
  disabled_rules?: string[];
  disabledRules?: string[];
  disabled_categories?: Category[];
  disabledCategories?: Category[];
  packs?: TeamPack[];
  /** The team's phrasebook; its templates take precedence over the default ones. */
  phrasebook?: Phrasebook | null;
  /** "promo" (大促) or "peak" (售后高峰): that season's templates first. */
  season?: "promo" | "peak" | null;
}
