/**
 * Every policy careflow knows, by name, in the order `careflow list policies` prints them.
 *
 * @module
 */
import { admissionAvoidance } from './admission-avoidance.js';
import type { PolicyDefinition } from './definition.js';
import { dischargeToAssess } from './discharge-to-assess.js';
import { flexibleBeds } from './flexible-beds.js';
import { freePersonalCare } from './free-personal-care.js';
import { integratedDischargeTeam } from './integrated-discharge-team.js';
import { personalBudgets } from './personal-budgets.js';
import { pooledBudget } from './pooled-budget.js';
import { prevention } from './prevention.js';
import { reablementExpansion } from './reablement-expansion.js';
import { sevenDayServices } from './seven-day-services.js';
import { sharedData } from './shared-data.js';
import { structuralMerger } from './structural-merger.js';
import { trustedAssessor } from './trusted-assessor.js';

/** All policies. */
export const POLICIES: readonly PolicyDefinition[] = [
  dischargeToAssess,
  trustedAssessor,
  integratedDischargeTeam,
  sevenDayServices,
  pooledBudget,
  reablementExpansion,
  admissionAvoidance,
  prevention,
  flexibleBeds,
  sharedData,
  personalBudgets,
  structuralMerger,
  freePersonalCare,
];

/** Policy names, in registry order. */
export const POLICY_NAMES: readonly string[] = POLICIES.map((p) => p.name);

/** The policy called `name`, or undefined. */
export function policyByName(name: string): PolicyDefinition | undefined {
  return POLICIES.find((p) => p.name === name);
}
