import type { CredentialKind } from '../credentials.js';
import type { IsoDate } from '../normalize.js';

/**
 * The conversion rule language (贯通规则). A rule set is data: versioned, dated, and citing the policy
 * documents it encodes. Its zod schema lives in @changai/contracts (conversion.contract.ts) and must
 * accept exactly these shapes.
 */

export type Bilingual = { zh: string; en: string };

/** H: primary text or two sources; M: one source; L: inference (DOMAIN.md). */
export type Confidence = 'H' | 'M' | 'L';

/** A number of years: literal, or the key of one of the rule set's parameters (so a what-if can change it). */
export type YearsValue = number | { param: string };

export type HoldsCondition = {
  type: 'holds';
  kind: CredentialKind;
  /** Skill levels and titles: this level or higher (by rank). */
  minLevel?: string;
  /** Academic and 1+X levels (or an exact set of skill/title levels). */
  levels?: string[];
  /** Honours: any of these names (competition placings are recorded as named honours). */
  names?: string[];
  /** The credential must correspond to the pathway's field: a skill level by its occupation, a title by its series. */
  related?: boolean;
  /** Years that must have passed since it was obtained (or of work after it, see yearsOf). */
  years?: YearsValue;
  /** 'holding': counted from the issue date; 'work': from the later of the issue date and the start of employment. */
  yearsOf?: 'holding' | 'work';
  label?: Bilingual;
};

export type WorkYearsCondition = { type: 'workYears'; years: YearsValue; label?: Bilingual };
export type FrontlineCondition = { type: 'frontline'; label?: Bilingual };
/** The worker's own occupation corresponds to the pathway's field. */
export type OccupationCondition = { type: 'occupation'; label?: Bilingual };
export type AllOfCondition = { type: 'allOf'; conditions: Condition[]; label?: Bilingual };
export type AnyOfCondition = { type: 'anyOf'; conditions: Condition[]; label?: Bilingual };
export type NotCondition = { type: 'not'; condition: Condition; label?: Bilingual };

export type Condition =
  | HoldsCondition
  | WorkYearsCondition
  | FrontlineCondition
  | OccupationCondition
  | AllOfCondition
  | AnyOfCondition
  | NotCondition;

export const PATHWAY_CHANNELS = [
  'skill_to_title',
  'title_to_skill',
  'skill_ladder',
  'competition',
  'green_channel',
  'treatment',
  'academic_equivalence',
] as const;
export type PathwayChannel = (typeof PATHWAY_CHANNELS)[number];

export type PathwayGrant = {
  kind: 'skill_level' | 'title' | 'academic';
  level: string;
  /** Equivalences count only for these purposes (technical-school classes). */
  purposes?: string[];
};

/** 破格: an alternative route to the same pathway outside the ordinary conditions. */
export type PathwayException = { id: string; name: Bilingual; condition: Condition; source?: string; confidence?: Confidence };

export type Pathway = {
  id: string;
  name: Bilingual;
  channel: PathwayChannel;
  grants: PathwayGrant;
  /** Whether an approved application issues a credential (treatment and equivalences only inform). */
  issuesCredential: boolean;
  /** The title series / occupation field the pathway belongs to (see RuleSet.fields). */
  field?: string;
  condition: Condition;
  exceptions?: PathwayException[];
  /** Source id and article. */
  source: string;
  article?: string;
  confidence: Confidence;
  /** Where the rule is uncertain or simplified, said plainly. */
  note?: Bilingual;
};

export type RuleSource = {
  id: string;
  title: string;
  /** Document number (文号) where known. */
  number?: string;
  issuer?: string;
  year?: number;
  confidence: Confidence;
  note?: string;
};

export type RuleParameter = {
  key: string;
  value: number;
  unit: 'years';
  description: Bilingual;
  confidence: Confidence;
  source: string;
};

/** Which occupations (职业分类大典 code prefixes) and title series names make up a field. */
export type RuleField = { code: string; name: Bilingual; occupationPrefixes: string[]; seriesNames: string[] };

export type RuleSet = {
  code: string;
  name: Bilingual;
  effectiveFrom: IsoDate;
  effectiveTo?: IsoDate | null;
  sources: RuleSource[];
  parameters: RuleParameter[];
  fields: RuleField[];
  pathways: Pathway[];
};

/** What the evaluator knows of one worker: the registry's facts, nothing else. */
export type WorkerFacts = {
  occupationCode: string | null;
  isFrontline: boolean;
  employedFrom: IsoDate | null;
  credentials: CredentialFact[];
};

export type CredentialFact = {
  id?: string;
  kind: CredentialKind;
  levelCode: string | null;
  occupationCode: string | null;
  series: string | null;
  name: string | null;
  issuedOn: IsoDate;
  status: 'valid' | 'revoked';
};
