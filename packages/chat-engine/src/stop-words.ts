// Words of ordinary English that say nothing about the data, in whatever dataset: the closed
// classes (determiners, pronouns, auxiliaries, prepositions, conjunctions), the small talk around a
// question, hedges, nouns that stand in for "the rows" and verbs that only say the rows exist.
// Nothing here is tied to a dataset; a word that can restrict or measure rows (a negation, a time
// such as "today", an adjective such as "late") does not belong here.

const words = (text: string) => text.trim().split(/\s+/);

/** Determiners and quantifiers that only pick out the rows already named. */
const DETERMINERS = words(`
  a an the this that these those some any all both either neither every each another other others
  such whatever whichever what which
`);

/** Personal and possessive pronouns, informal spellings and their contractions. */
const PRONOUNS = words(`
  i me my mine myself we us our ours ourselves you your yours yourself yourselves u ur ya yall y'all
  he him his she her hers it its itself they them their theirs themselves
  i'm i've i'd i'll we've we're we'd we'll you've you're you'd you'll they've they're they'd they'll
  he'd she'd it'd there'd that'd who've who'd who'll
  let lets gonna wanna gotta gimme lemme
`);

/** Auxiliaries and modals (not "will": a future is a prediction, see unknown-words.ts). */
const AUXILIARIES = words(`
  be am is are was were been being do does did done doing have has had having
  can could may might must would shall ought
`);

/** Prepositions and particles; the parser reads the ones that carry a comparison or a group itself. */
const PREPOSITIONS = words(`
  of in on at by for from to with into onto upon about across along among amongst around as
  behind beneath beside between beyond during inside near off out outside over past per since
  through throughout till toward towards under until up down via within
`);

const CONJUNCTIONS = words(`and or but nor so then than though although while whereas also plus`);

const QUESTION_WORDS = words(`what which who whom whose how`);

/** Verbs that ask for an answer ("enumerate the channels", "provide the count"). */
const REQUESTS = words(`provide report enumerate outline summarize summarise name`);

/** Greetings, politeness and the words that frame a question rather than ask it. */
const DISCOURSE = words(`
  please pls plz kindly thanks thank thx ty cheers hey hi hello hiya yo ok okay alright sure well
  um uh er erm hmm oh ah btw fyi quick quickly question questions curious curiosity wondering wonder
  wondered ask asking asked mind help idea sense clue guess remind reminder
  basically actually really honestly literally seriously simply just like kinda sorta
`);

/** Hedges and adverbs of degree or extent: they do not change which rows are counted. */
const HEDGES = words(`
  about approximately approx roughly around nearly almost exactly precisely overall altogether
  ever even still already again too very quite rather pretty somewhat fairly totally entirely
  generally usually normally historically cumulatively collectively all-time alltime told
  currently presently anyway anyhow whatsoever ballpark offhand combined together
`);

/**
 * Nouns that stand for "the rows" or for the data as a whole ("how many folks", "on file", "in
 * the system"): they never name a column, and the table comes from the rest of the question.
 */
const GENERIC_NOUNS = words(`
  people person persons folk folks guy guys everyone everybody anyone anybody someone somebody
  thing things stuff one ones lot lots bunch data dataset datasets database databases db table
  tables record records row rows entry entries file files sheet sheets spreadsheet system systems
  list lists figure figures stat stats info information detail details overview picture moment
  books
`);

/**
 * Verbs that only say rows exist, arrive or are kept ("orders came through", "customers we've
 * got", "visits logged"): every form is listed, since a past participle is how they usually appear.
 */
const LIGHT_VERBS = words(`
  get gets got gotten getting come comes came coming go goes went gone going
  make makes made making take takes took taken taking see sees saw seen seeing
  happen happens happened happening occur occurs occurred occurring exist exists existed existing
  appear appears appeared appearing show shows showed shown showing turn turns turned turning
  pass passes passed passing record records recorded recording log logs logged logging
  register registers registered registering capture captures captured capturing
  collect collects collected collecting store stores stored storing keep keeps kept keeping
  hold holds held holding contain contains contained containing track tracks tracked tracking
  receive receives received receiving process processes processed processing
  handle handles handled handling serve serves served serving sell sells sold selling
  enter entered put puts add adds added include includes included
  give gives gave given giving find finds found finding tell tells told telling
  know knows knew known want wants wanted need needs needed look looks looked looking
  check checks checked pull pulls pulled fetch fetched run runs ran compute computed
  calculate calculated figure figured work worked say says said
  represent represents represented feature features featured list listed cover covers covered
  available present involved use uses used using place places placing bring brings brought bringing
  generate generates generated generating produce produces produced producing
  live lives living located based belong belongs placed performing measured created end ends ended
`);

export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...DETERMINERS,
  ...PRONOUNS,
  ...AUXILIARIES,
  ...PREPOSITIONS,
  ...CONJUNCTIONS,
  ...QUESTION_WORDS,
  ...REQUESTS,
  ...DISCOURSE,
  ...HEDGES,
  ...GENERIC_NOUNS,
  ...LIGHT_VERBS,
]);

/** Verbs after which a noun is their object ("sensors need maintenance"): a condition, not filler. */
export const VERB_WORDS: ReadonlySet<string> = new Set([...AUXILIARIES, ...LIGHT_VERBS]);

/** Nouns for people in general: they stand for the rows of a table of people. */
export const PERSON_NOUNS: ReadonlySet<string> = new Set(
  words(`people person persons folk folks guys everyone everybody anyone anybody someone somebody
    individuals humans`),
);

/** Nouns that stand for the rows themselves ("folks", "ones"). */
export const ROW_NOUNS: ReadonlySet<string> = new Set(GENERIC_NOUNS);

export function isStopWord(w: string): boolean {
  return STOP_WORDS.has(w) || STOP_WORDS.has(w.replace(/’/g, "'"));
}
