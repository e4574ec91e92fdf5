// Served as its own script before the bundle: it starts recording the
// page's CSP reports, then probes the policy, so the report this probe
// causes is told apart (by its source file) from any the client's code would cause.
globalThis.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  globalThis.cspViolations.push(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`);
});
try {
  new Function('');
  globalThis.evalRefused = false;
} catch (error) {
  globalThis.evalRefused = error instanceof EvalError;
}
