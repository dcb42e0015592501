// The shapes the page's modules share, for the type check only (tsconfig.json;
// never served: scripts/build-page.mjs leaves .d.ts files out of dist/). The
// modules use them in JSDoc, as `import('./types.js').LawInfo` (this file
// answers for that path). The core's functions come from its generated
// declarations, www/pkg/amnistia.d.ts, which type what they return as `any`:
// the page states here what it reads of it, so that a field it misspells or
// reads with the wrong type fails the check. Fields the page never reads are
// left out (the core sends more).

/** The rules core: the module www/pkg/amnistia.js, once initialised. */
export type Core = typeof import('./pkg/amnistia.js');

export type Lang = 'es' | 'en';

/** A code with its words in the language asked for (outcomes, situations, phases, levels). */
export interface Labelled {
  code: string;
  label: string;
  description: string;
}

/** A date range of the case format (`from`/`to`: YYYY-MM-DD). */
export interface Range {
  from: string;
  to: string;
}

/** What `law(lang, lawId)` returns: the data the page builds its lists and texts from. */
export interface LawInfo {
  id: string;
  status: 'enacted' | 'draft' | string;
  title: string;
  gaceta: string;
  rulesVersion: string;
  lastReviewed: string;
  informationAsOf: string;
  notice: string;
  disclaimer: string;
  /** The period the text reaches: the timeline's axis. */
  period: Range;
  /** How people read a citation "8.12": a template with `{article}` and `{numeral}` (an extension of the contract). */
  labelCite: string;
  laws: { id: string; title: string; status: string }[];
  articles: { id: string; pair: string | null; number: string; heading: string; paraphrase: string; confidence: string; contested: string | null; sources: string[] }[];
  exclusions: {
    id: string; pair: string | null; article: string; kind: string; charges: string[]; name: string; paraphrase: string;
    note: string | null; confidence: string; contested: string | null; sources: string[];
  }[];
  /** Every report the rules rest on: an address only where it is known. */
  sources: { id: string; outlet: string; title: string; url: string | null; date: string | null; dateAbout: boolean }[];
  numerals: {
    number: number;
    cite: string;
    name: string;
    paraphrase: string;
    windowText: string;
    window: Range[];
    margin: Range[];
    marginNote: string;
    exception: string | null;
    confidence: string;
    contested: string | null;
    sources: string[];
  }[];
  /** `confidence`: how sure the days are (the numeral's window confidence; `disputed` for a margin). */
  windows: { numeral: number; cite: string; from: string; to: string; kind: 'confirmed' | string; confidence: string }[];
  charges: { code: string; label: string; explanation: string; effect: string; article: string | null; group: string }[];
  questions: { question: string; text: string; help: string; options: { value: unknown; text: string }[] }[];
  confidenceLevels: Labelled[];
  outcomes: Labelled[];
  situations: Labelled[];
  phases: Labelled[];
  notFormalized: { article: string; reason: string }[];
  glossary: { term: string; explanation: string }[];
  help: { id: string; name: string; description: string }[];
  screening: ScreeningInfo;
}

/** `law().screening`: the columns of a list to screen, and what each accepts. */
export interface ScreeningInfo {
  columns: {
    name: string;
    /** Its Spanish names. */
    names: string[];
    kind: 'text' | 'law' | 'choice' | 'yes_no' | 'date' | 'event' | 'charges';
    /** A list column's accepted values: the code, its Spanish names, its label. */
    values: { code: string; names: string[]; label: string }[];
  }[];
  /** The charge names refused as ambiguous, with the codes they may mean. */
  ambiguous: { name: string; codes: string[] }[];
}

/** What `datePlace(from, to, lawId, event?)` returns: the numerals whose windows hold the date. */
export interface DatePlace {
  from: string;
  to: string;
  /** The runs of days the date stands for (more than one for a date assumed from an event whose window has a gap). */
  ranges: { from: string; to: string }[];
  places: { numeral: number; kind: string; whole: boolean }[];
}

/** One step of an assessment's explanation. */
export interface Explanation {
  kind: string;
  article: string;
  numeral: number | null;
  rule: string | null;
  confidence: string;
  read: { fact: string; value: unknown }[];
  effect: string;
  text: string;
  /** The ids of the reports the step's rule rests on (`law().sources`). */
  sources: string[];
}

/** The assessment of one proceeding. */
export interface ProceedingAssessment {
  label: string | null;
  outcome: string;
  numerals: number[];
  articles: string[];
  /** The same citations in words, each article's numerals together (an extension of contract §3). */
  articlesInWords: string;
  /** The facts the core still needs, most useful first (the interview asks them in this order). */
  questions: string[];
  summary: string;
  reason: string;
  explanation: Explanation[];
  favourableReading: Reading | null;
  strictReading: Reading | null;
  answers: { question: string; prompt: string; options: { text: string; value: unknown; outcome: string }[] }[];
  wouldChange: { fact: string; outcome: string; text: string }[];
  nextSteps: { id: string; article: string | null; confidence: string; priority: number; text: string; short: string; sources: string[] }[];
}

/** What `evaluate(case, lang)` returns. */
export interface Assessment {
  law: Pick<LawInfo, 'id' | 'title' | 'gaceta' | 'rulesVersion' | 'status' | 'lastReviewed' | 'informationAsOf' | 'notice'>;
  outcome: string;
  warning: string | null;
  lang: Lang;
  disclaimer: string;
  proceedings: ProceedingAssessment[];
}

/** An error the core throws: its stable `code` (contract §4) and where it was found. */
export interface CoreError extends Error {
  code?: string;
  path?: string;
}

/* ---------- the interview (interview.js) ---------- */

/** The facts of one proceeding as the case format has them; an unknown fact is an absent key. */
export interface Facts {
  label?: string;
  factsDate?: string;
  factsDateEnd?: string;
  event?: number | string;
  charges?: string[];
  militaryJustice?: boolean;
  phase?: string;
  [fact: string]: unknown;
}

/** The person's facts; an unknown fact is an absent key. */
export interface Person {
  situation?: string;
  abroad?: boolean;
  ceasedConduct?: boolean;
  [fact: string]: unknown;
}

export interface Proceeding {
  facts: Facts;
  /** The questions already put (answered or "No sé"): a question is never put twice. */
  asked: string[];
  /** The answer to "another case?". */
  another?: boolean;
  /** Read from a saved file: `asked` then says nothing of what was put to the family. */
  saved?: boolean;
}

/** The interview's state: every answer lives here, and nowhere else. */
export interface State {
  lawId: string | undefined;
  person: Person;
  personAsked: string[];
  /** The person's facts were read from a saved file (see `saved` of a proceeding). */
  personSaved?: boolean;
  proceedings: Proceeding[];
  /** The proceeding being asked about. */
  current: number;
}

/** A question: its kind (a fact, or the page's own: label, factsMonth, another) and its proceeding. */
export interface Question {
  kind: string;
  index?: number;
}

/** The case object of the contract, as the interview builds it. */
export interface Case {
  person: Person;
  proceedings: Facts[];
  law?: string;
}

/** A screen of the interview, as the steps keep it. */
export type InterviewScreen =
  | { name: 'start' }
  | { name: 'question'; q: Question; previous?: unknown }
  | { name: 'result' };

/** The history of one session: the screens shown, with the state each was drawn from. */
export interface Steps {
  entries: { screen: ViewScreen; state: State }[];
  index: number;
}

/* ---------- the checker's view (checker.js) ---------- */

/**
 * What the checker shows: an interview screen, or the loading screen (`keep`: the question
 * kept on it), the error panel, or the "Organizaciones" view.
 */
export interface ViewScreen {
  name: 'start' | 'question' | 'result' | 'loading' | 'error' | 'screening' | 'law';
  q?: Question;
  previous?: unknown;
  /** loading: the question answered before the core arrived, kept on screen. */
  keep?: ViewScreen;
  /** error: which kind ('load', 'part', 'eval'), its code and detail, and where "Reintentar" goes. */
  kind?: 'load' | 'part' | 'eval';
  code?: string;
  detail?: string;
  back?: ViewScreen;
  again?: () => void;
}

/**
 * One mount of the checker (checker.js's mountChecker): everything it keeps, in memory only,
 * given to the modules of checker/ as their first argument.
 */
export interface CheckerView {
  root: Document | ShadowRoot;
  /** mountChecker's options (see checker.js). */
  opts: any;
  main: HTMLElement;
  printRoot: HTMLElement;
  announcer: HTMLElement;
  /** loading: a load of the core is in flight; slow: it has taken long enough to say so; broken: a trap may have left the instance unusable. */
  core: { mod: Core | null; version: string; info: Map<string, LawInfo>; attempt: number; loading: boolean; slow: boolean; broken?: boolean };
  /** The language shown; another is shown only once its strings are here. */
  lang: string;
  /** The language asked for last. */
  wantLang: string;
  initialLaw: string | undefined;
  state: State;
  /** The questions and results shown, for back and forward. */
  steps: Steps;
  /** What is showing (a step, or loading, error, the Organizaciones view). */
  screen: ViewScreen;
  /** What "Borrar todo" erased, for 10 seconds. */
  undo: { saved: { state: State; steps: Steps; screen: ViewScreen } | null; timer: number };
  /** The written request's form (ui/request.js): never stored, never in the case file or a history entry, not brought back by "Deshacer". */
  request: RequestMemory;
  /** The Organizaciones view's session (its results), when opened. */
  screening: ScreeningSession | null;
  /** The interview screen to go back to from that view. */
  returnTo: ViewScreen | null;
  /** What the user asked for before the core was ready, done once it is. */
  pending: 'start' | 'screening' | 'next' | null;
  /** The later parts: `shown`, those ready to show here (module and stylesheet); `styles`, parts.css's load for this root. */
  parts: { shown: Set<string>; styles: Promise<unknown> | null; load: (name: string) => Promise<any>; get: (name: string) => any };
  /**
   * The snapshot of pkg/first.js, once here and well formed; `shown`: how the question on screen was drawn before
   * the core: 'snapshot', 'waiting' (the loading screen, as the snapshot no longer fits it), or null (from the core).
   */
  first: { data: any; shown: 'snapshot' | 'waiting' | null };
  /** A counter that changes on every render (main's data-render, for tests). */
  renders: number;
  /** The assessment the result screen shows (for the later parts that add to it). */
  shownAssessment: Assessment | null;
}

/* ---------- what checker.js gives the screens (ui/) ---------- */

/** ui/start.js: `info` is null while the core loads. */
export interface StartContext {
  lang: string;
  info: LawInfo | null;
  onStart: () => void;
  onLawChange: (lawId: string) => void;
  onOpen: (file: File | null | undefined) => void;
}

/**
 * ui/questions.js. Before the core has arrived `info` is the snapshot's (pkg/first.js): only
 * `situations` and `glossary`, all that the first question reads.
 */
export interface QuestionContext {
  lang: string;
  info: LawInfo;
  q: Question;
  context: string;
  progress: { step: number; total: number | null } | null;
  proceeding: Facts | null;
  place: DatePlace | null;
  months: { year: string; ranges: number[][] } | null;
  previous: unknown;
  onAnswer: (value: unknown) => void;
  onUnknown: () => void;
  onBack: () => void;
  checkDate: (answer: { factsDate: string; factsDateEnd?: string }) => string | null;
}

/** ui/result.js */
export interface ResultContext {
  lang: string;
  info: LawInfo;
  assessment: Assessment;
  caseLabels: string[];
  version: string;
  onAddCase: () => void;
  onPrint: () => void;
  onBack: () => void;
  onGoAnswer: (index: number, fact: string) => void;
  onSave: () => void;
}

/** ui/print.js: `proceedings` is the case as sent; `asked`, the questions put. */
export interface PrintContext {
  lang: string;
  info: LawInfo;
  assessment: Assessment;
  person: Person;
  proceedings: Facts[];
  caseLabels: string[];
  asked?: { person: string[]; proceedings: string[][] };
}

/** A reading of a contested point (favourable or strict): its outcome and text. */
export interface Reading {
  outcome: string;
  articles: string[];
  text: string;
}

/* ---------- the "Organizaciones" view (screen-list.js, ui/screening.js) ---------- */

/** An error of a screened row (src/screen/mod.rs, RowError): the column as the file names it (CSV only). */
export interface RowError {
  column: string | null;
  code: string;
  path: string | null;
  message: string;
}

/** One result row of `screenCsv` / `screenJsonl` (src/screen/mod.rs, Row). */
export interface ScreenedRow {
  /** 1-based line number in the file. */
  line: number;
  id: string | null;
  label: string | null;
  /** The case's outcome; null for a row in error. */
  outcome: string | null;
  proceedings: {
    outcome: string;
    label: string | null;
    reason: string;
    numerals: number[];
    articles: string[];
    questions: string[];
  }[];
  /** The row's first error, or null. */
  error: { code: string; message: string; path: string | null } | null;
  /** Every error of the row, the first included. */
  errors: RowError[];
}

/** What `screenCsv` and `screenJsonl` return: the rows and their lines of the results CSV. */
export interface Screened {
  rows: ScreenedRow[];
  csv: string;
}

/** What screenList() resolves to: the whole file screened. */
export interface ScreenedList extends Screened {
  kind: 'csv' | 'jsonl';
  /** Rows per outcome code, or 'error'. */
  counts: Record<string, number>;
  total: number;
  /** The numbers of the lines that are not UTF-8. */
  notUtf8: number[];
}

/** The view's state, kept across re-renders (a language switch) until "Borrar todo". */
export interface ScreeningSession {
  status: 'idle' | 'running' | 'done' | 'failed' | 'stopped';
  run: number;
  fileName: string;
  done: number;
  total: number;
  result: ScreenedList | null;
  error: string | null;
  elapsedMs: number;
  filter: string;
  shown: number;
  urls: { template?: string; codes?: string; templateLang?: string; results?: string };
  view: { status: () => void; progress: () => void; timing: () => void } | null;
  dispose: () => void;
}

/** ui/screening.js */
export interface ScreeningContext {
  lang: string;
  info: LawInfo;
  core: Core;
  session: ScreeningSession;
  announce: (text: string) => void;
  onBack: () => void;
}

/* ---------- the written request (ui/request.js) ---------- */

/** The form's details, kept in memory only (never stored, never in the case file or history). */
export interface RequestDetails {
  name?: string;
  idNumber?: string;
  filer?: 'self' | 'lawyer' | 'public_defender';
  filerName?: string;
  court?: string;
  caseNumber?: string;
  city?: string;
}

/** What `request(case, details, proceeding, lang)` returns (docs/request.md). */
export interface RequestDocument {
  type: 'request' | 'commission_letter' | 'none';
  proceeding: number;
  label: string | null;
  outcome: string;
  law: string;
  lang: string;
  notice: string;
  reason: string | null;
  languageNote: string | null;
  title: string | null;
  addressee: { salutation: string; court: string; note: string | null } | null;
  reference: string | null;
  paragraphs: { kind: string; text: string }[];
  petition: string | null;
  signature: string[];
  notes: string[];
  checklist: string[];
  text: string;
  rtf: string;
}

/** The form's details, and the case whose form is open (from 0): in memory only, dropped by "Borrar todo". */
export interface RequestMemory {
  details?: RequestDetails;
  open?: number | null;
}

/** ui/request.js's attachRequest: what the checker hands over with a result. */
export interface RequestAttach {
  lang: string;
  a: Assessment;
  labels: string[];
  /** In memory only: the form's details, and the case whose form is open (from 0). */
  request: RequestMemory;
  mod: Core;
  /** The interview's state the result was drawn from (the case is built from it). */
  state: State;
  printRoot: HTMLElement;
  print: () => void;
}

/** ui/request.js: the buttons and form for the proceedings of one result. */
export interface RequestContext {
  lang: string;
  /** The core's document type for each proceeding: `request`, `commission_letter` or `none`. */
  types: string[];
  /** The core's `reason` for each proceeding whose type is `none` (else an empty string). */
  reasons: string[];
  labels: string[];
  details: RequestDetails;
  open: number | null;
  onOpen: (index: number | null) => void;
  onClosed: (index: number) => void;
  makeDocument: (details: Record<string, string>, proceeding: number) => RequestDocument;
  onPrintDocument: (view: HTMLElement) => void;
}
