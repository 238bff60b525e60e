/**
 * The purposes ("salts") of a person's entity streams: each purpose has a stream of its own, so
 * that a draw for one purpose never shifts the draws for another, and each episode (a
 * readmission starts a new one) shifts them all by EPISODE_SALT.
 *
 * @module
 */

/** Group, pathway and clinical stay, drawn at arrival. */
export const SALT_ARRIVAL = 0;
/** Death in hospital, discharge process, referral and assessment, drawn when fit. */
export const SALT_FIT = 1;
/** Readmission after discharge home. */
export const SALT_EXIT = 2;
/** Seven-day working and discharge to assess (policy decisions). */
export const SALT_POLICY_FLAGS = 3;
/** Prevention (policy decision). */
export const SALT_DEMAND = 4;
/** Who pays for a spot place bought in a provider market (drawn once per episode). */
export const SALT_FUNDER = 5;
/** The searches for a spot place in a provider market (one draw per search). */
export const SALT_SOURCING = 6;
/**
 * What happens to a person while they wait for a place (waiting-hazards.ts): three draws per
 * wait, one per outcome, the episode's waits taking them in turn.
 */
export const SALT_WAITING = 7;
/** Stay and route in setting s: SALT_SETTING + s. */
export const SALT_SETTING = 8;
/** A redirect of a request for setting s: SALT_REDIRECT + s (policy decision). */
export const SALT_REDIRECT = 256;
/** The provider's own assessment for setting s: SALT_PROVIDER + s. */
export const SALT_PROVIDER = 512;
/**
 * How hard a person is to place in a provider market (one draw per episode, the same for every
 * market).
 */
export const SALT_DIFFICULTY = 768;
/** Added once per episode. */
export const EPISODE_SALT = 1024;

/**
 * Identities: emergency arrival k is IDENTITY_STRIDE * k; community referral stream c's arrival
 * k is IDENTITY_STRIDE * k + 1 + c; people present at time 0 take negative multiples. The stride
 * leaves room for 7 community streams (the model schema's limit).
 */
export const IDENTITY_STRIDE = 8;

/** The named streams of a replication (seeded from its seed). */
export const STREAM_ARRIVALS = 'arrivals';
/** The stream that keys every person's entity streams. */
export const STREAM_PEOPLE = 'people';
/** The stream of community referral source `name`. */
export function communityStreamName(name: string): string {
  return `community:${name}`;
}
