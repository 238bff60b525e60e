/**
 * Where a route can lead: another setting, or out of the system (home, death, readmission).
 * Routes are named in files and run as integer codes: a setting's index, or one of the
 * negative ROUTE_* codes.
 *
 * @module
 */

/** Names a setting may not take: they are where a route can end instead of a setting. */
export const EXIT_NAMES = ['home', 'death', 'readmission'] as const;

/** Route target code: home, leaving services. */
export const ROUTE_HOME = -1;
/** Route target code: death. */
export const ROUTE_DEATH = -2;
/** Route target code: back to hospital as an emergency readmission. */
export const ROUTE_READMISSION = -3;

/** The code of a route target: a setting's index (from `indexOf`) or a ROUTE_* code. */
export function routeCode(to: string, indexOf: (setting: string) => number): number {
  if (to === 'home') return ROUTE_HOME;
  if (to === 'death') return ROUTE_DEATH;
  if (to === 'readmission') return ROUTE_READMISSION;
  return indexOf(to);
}

/** The name of a route target code (the inverse of {@link routeCode}). */
export function routeName(code: number, settingNames: readonly string[]): string {
  if (code === ROUTE_HOME) return 'home';
  if (code === ROUTE_DEATH) return 'death';
  if (code === ROUTE_READMISSION) return 'readmission';
  return settingNames[code];
}
