// A Node module-resolution hook: resolve workspace packages through their
// `@feedkit/source` export condition (TypeScript sources) like the tests and
// the Vite builds do, instead of their unbuilt dist/.
export async function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier, {
    ...context,
    conditions: [...context.conditions, '@feedkit/source'],
  });
}
