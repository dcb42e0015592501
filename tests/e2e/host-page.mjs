// The hostile host page of the widget's tests (tests/e2e/embed.test.mjs) and of
// scripts/screenshots.mjs: another origin, hostile CSS, under the CSP the README
// tells hosts to use.

// What the host page needs, exactly as README "Insertar en su sitio" gives it.
export const hostCsp = (w) => `default-src 'self'; script-src 'self' ${w} 'wasm-unsafe-eval'; connect-src ${w}; frame-src ${w}; style-src 'self'; img-src 'self' data:`;
export function hostPage(widget, { widgetTag = '<amnistia-checker lang="es"></amnistia-checker>', iframe = true, script = true } = {}) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${hostCsp(widget)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A hostile host</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="hostile.css">
${script ? `<script type="module" src="${widget}/embed.js"></script>` : ''}
</head>
<body>
<h1 id="host-title">News site</h1>
<p id="host-text" class="lead">Host text.</p>
<div id="host-probes">
  <button id="host-button" class="btn btn-primary" type="button">Host button</button>
  <p id="host-hidden" class="visually-hidden screen notice widget">Host element with the widget's class names</p>
  <h2 id="host-h2" class="outcome out-covered">Host heading</h2>
</div>
${widgetTag}
${iframe ? `<iframe id="amnistia-frame" src="${widget}/index.html?embed=1" title="Verificador de la Ley de Amnistía" width="100%" height="900"></iframe>` : ''}
</body>
</html>
`;
}

