// Vega's CSP-safe expression interpreter, for app.js: charts then render without eval, so the
// Content-Security-Policy needs no 'unsafe-eval'.
import { expressionInterpreter } from "/static/vendor/vega-interpreter-2.3.2.js";

window.vegaExpressionInterpreter = expressionInterpreter;
