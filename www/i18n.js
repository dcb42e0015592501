// UI strings only: buttons, headings, page chrome. Every legal text (questions
// about the facts, charges, events, outcomes, next steps) comes from the core.
// Spanish is here, in the first load, but for the strings of the parts loaded
// after the first question, which those parts add (addStrings: ui/result.js,
// ui/screening.js); English is all in i18n-en.js, loaded by loadLang('en')
// when the language is switched to it (or the page starts in it).

/**
 * A table of UI strings: a string, or a function of the arguments t() passes on (months and
 * lawStatus are a list and a map).
 * @typedef {Record<string, string | string[] | Record<string, string> | ((...args: any[]) => string)>} Strings
 */

/** @type {Strings} */
const es = {
  pageTitle: 'Amnistía 2026: ¿cubre el caso de su familiar?',
  appTitle: '¿Cubre la amnistía a su familiar?',
  appTagline: 'Un verificador gratuito de la Ley de Amnistía de 2026, artículo por artículo.',
  switchLang: 'English',
  switchLangLabel: 'Read this page in English',
  eraseAll: 'Borrar todo',
  erased: 'Se borraron todas las respuestas.',
  skipToMain: 'Ir al contenido',
  loading: 'Cargando el verificador…',
  loadingSlow: 'Sigue cargando. Con una conexión lenta puede tardar un poco.',
  noscript: 'Esta página necesita JavaScript para funcionar. No envía nada a ningún sitio.',

  startHeading: 'Averigüe si la Ley de Amnistía puede aplicarse a la causa de su familiar',
  startIntro: 'Le haremos unas preguntas sencillas, una a la vez, sobre la situación de su familiar y sobre cada causa (proceso penal) que tenga abierta. Al final le diremos, en palabras claras y artículo por artículo, si la ley parece aplicarse y qué hacer después.',
  startUnknown: 'Si no sabe una respuesta, pulse «No sé». Eso también sirve: le diremos qué dato falta.',
  startButton: 'Empezar',
  lawVersion: 'Texto de la ley',
  lawVersionHelp: 'Use el texto aprobado (vigente). El proyecto de ley solo sirve para comparar.',
  privacyHeading: 'Su privacidad',
  footerText: 'Todo se calcula en este dispositivo: no se envía ni se guarda nada.',
  privacyText: 'Todo se calcula en este dispositivo. La página no envía nada por internet y no guarda nada: al cerrar la pestaña o pulsar «Borrar todo» se borran todas las respuestas. No escriba nombres ni números de cédula.',
  notAdviceHeading: 'Esto no es asesoría legal',
  notAdviceShort: 'Esto no es asesoría legal.',

  back: 'Atrás',
  dontKnow: 'No sé',
  previousAnswer: 'Su respuesta anterior',
  continue: 'Continuar',
  skip: 'Saltar',
  yes: 'Sí',
  no: 'No',
  stepPerson: 'Sobre su familiar',
  stepCase: (n, label) => (label ? `Causa ${n}: ${label}` : `Causa ${n}`),
  caseN: (n) => `Causa ${n}`,
  wordsWeUse: 'Palabras que usamos',

  stepTheCase: 'Sobre la causa',
  progress: (n, total) => (total ? `Pregunta ${n} de unas ${total}` : `Pregunta ${n}`),
  qMonth: (year) => `¿Sabe en qué mes de ${year} ocurrieron los hechos?`,
  qMonthHelp: (ranges, year) => (ranges ? `La ley cubre ${ranges} de ${year}. Con el mes sabremos si los hechos caen dentro.` : 'Con el mes sabremos si los hechos caen dentro del período de la ley.'),
  monthRange: (a, b) => `${a} a ${b}`,
  monthCovered: 'Lo cubre la ley',
  qAnother: '¿Tiene su familiar otra causa penal abierta?',
  qAnotherHelp: 'Otra causa que no se cubra puede mantenerlo detenido aunque esta sí se cubra. Si la tiene, la revisamos también.',
  answerSaved: 'Respuesta guardada; terminando de cargar…',
  undo: 'Deshacer',
  dateFits: 'Coincide con la fecha que dio',
  dateMayFit: 'Puede coincidir con la fecha que dio (fechas dudosas)',
  chargesCommon: 'Los cargos más comunes en las causas por protestas',
  chargesSerious: 'Otros cargos graves',
  saveFileName: 'caso-amnistia.json',
  openSaved: 'Abrir un caso guardado',
  openHelp: 'Un archivo que guardó antes con «Guardar el caso en un archivo». Se lee en este dispositivo; no se envía.',
  openNotJson: 'Ese archivo no es un caso guardado: no se pudo leer.',
  openNotCase: 'Ese archivo no es un caso guardado con este verificador.',

  qSituation: '¿Dónde está o cómo está su familiar ahora?',
  qSituationHelp: 'Esto solo cambia los pasos a seguir, no el resultado.',
  qAbroad: '¿Está su familiar fuera de Venezuela?',
  qAbroadHelp: 'Si está en el exterior, un abogado de confianza puede hacer la solicitud en su nombre. Esto solo cambia los pasos a seguir.',
  qLabel: 'Póngale un nombre a esta causa (opcional)',
  qLabelHelp: 'Le servirá para distinguir las causas en el resultado, por ejemplo «Tribunal 2º de Control, Caracas». No escriba nombres de personas ni números de cédula.',
  labelField: 'Nombre de la causa',
  qPhase: '¿En qué etapa está esta causa?',
  qPhaseHelp: 'Esto solo cambia los pasos a seguir, no el resultado.',

  dateRange: 'Fue entre dos fechas',
  dateFrom: 'Desde',
  dateTo: 'Hasta',
  dateWhen: 'Fecha de los hechos',
  day: 'Día (si lo sabe)',
  month: 'Mes (si lo sabe)',
  year: 'Año',
  choose: 'Elija…',
  noDay: 'No lo sé',
  noMonth: 'No lo sé',
  months: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  dateMissingYear: 'Elija al menos el año.',
  dateDayNeedsMonth: 'Si sabe el día, elija también el mes.',
  dateNoSuchDay: 'Ese día no existe en ese mes.',
  dateRangeOrder: 'La segunda fecha debe ser posterior a la primera.',

  eventNone: 'Ninguno de estos',
  eventNoneHelp: 'Los hechos no tienen que ver con ninguno de estos sucesos.',
  chargesNone: 'No hay cargos formales',
  chargesPickOne: 'Marque al menos un cargo (o «Otro delito que no está en la lista»), o pulse «No hay cargos formales».',
  chargesLegend: 'Cargos (puede marcar varios)',

  resultAnnounce: (label) => `Resultado listo: ${label}.`,
  and: 'y',
  lawStatus: { enacted: 'texto aprobado, vigente', draft: 'PROYECTO DE LEY, no es ley' },
  rulesVersion: 'Reglas',
  draftBanner: 'Atención: está usando el proyecto de ley, no la ley vigente.',

  unknown: 'No se sabe',

  errorHeading: 'No pudimos completar la consulta',
  errorLoad: 'No se pudo cargar el verificador en este dispositivo. Revise su conexión y pulse «Reintentar». Sus respuestas no se han enviado a ningún sitio.',
  errorEval: 'El verificador no pudo procesar estas respuestas. Puede reintentar o empezar de nuevo.',
  errorCode: 'Código del error',
  retry: 'Reintentar',
  restart: 'Empezar de nuevo',

  moreOptions: 'Más opciones',
  orgLink: 'Organizaciones: revisar una lista',
  offlineLink: 'Descargar para usar sin conexión',
  offlineHelp: 'Un solo archivo HTML que funciona sin internet: ábralo con el navegador.',

};

/** @type {Record<string, Strings>} */
const STRINGS = { es };

/**
 * The UI string `key` in `lang`, called with `args` when it is a function.
 * (Any: the parts loaded later add their own keys, addStrings.)
 * @param {string} lang
 * @param {string} key
 * @param {...any} args
 * @returns {any}
 */
export function t(lang, key, ...args) {
  const v = (STRINGS[lang] ?? es)[key];
  return typeof v === 'function' ? v(...args) : v;
}

/** Adds the Spanish strings of a part loaded after the first question (its English ones are in i18n-en.js). */
/** @param {Strings} strings */
export function addStrings(strings) {
  Object.assign(es, strings);
}

/**
 * Whether `lang`'s strings are here.
 * @param {string} lang
 */
export const hasLang = (lang) => Object.hasOwn(STRINGS, lang);

/** Resolves once `lang`'s strings are here; rejects if they cannot be loaded (a later call asks again). */
/**
 * @param {string} lang
 * @returns {Promise<void>}
 */
export function loadLang(lang) {
  if (hasLang(lang)) return Promise.resolve();
  return import('./i18n-en.js').then((m) => { STRINGS.en = m.en; });
}
