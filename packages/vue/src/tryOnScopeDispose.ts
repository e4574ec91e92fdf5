import { getCurrentScope, onScopeDispose } from 'vue';

/**
 * `onScopeDispose` when there is a scope (a component's setup or an
 * `effectScope`), nothing otherwise: a composable called at module level
 * then lives as long as the page, like VueUse's helper of the same name.
 * Returns whether the cleanup was registered.
 */
export function tryOnScopeDispose(cleanup: () => void): boolean {
  if (!getCurrentScope()) return false;
  onScopeDispose(cleanup);
  return true;
}
