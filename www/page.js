// The whole page (index.html, and the offline single file): mounts the
// checker into the document, with the "Organizaciones" view. `?embed=1`
// (the <iframe> option of "Insertar en su sitio") hides the site's header
// chrome and the extra links; `?lang=en` and `?law=<id>` set where it starts.

import { mountChecker } from './checker.js';

// Loaded after the first question (or when the view is opened), not in the first load.
const screening = () => import('./ui/screening.js');

/**
 * load(): Promise<the initialised core>, styles(): the later parts' stylesheet, first(): the
 * snapshot for the first question (pkg/first.js), as mountChecker takes them.
 * @param {() => Promise<import('./types.js').Core>} load
 * @param {(() => Promise<unknown>) | undefined} styles (none in the offline file: its styles are inline)
 * @param {() => unknown} first
 */
export function startPage(load, styles, first) {
  const params = new URLSearchParams(location.search);
  const embed = params.get('embed') === '1';
  if (embed) document.documentElement.dataset.embed = '';
  return mountChecker(document, {
    load,
    styles,
    first,
    page: true,
    history: true, // each question and result is an entry of the browser's history (the iframe's too)
    lang: params.get('lang') === 'en' ? 'en' : 'es',
    lawId: params.get('law') || undefined,
    screening: embed ? null : screening,
    startView: !embed && location.hash === '#organizaciones' ? 'screening' : 'start',
  });
}
