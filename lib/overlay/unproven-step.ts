/**
 * When the active step of a run offers "I did this" instead of waiting for the page's proof: its
 * control has been missing from the settled page for a while, or the user has acted on the page
 * for a while without the step being recognised. The runner tells it of routes, steps and acts;
 * it keeps the clocks, and asks for one more reading when a grace runs out on a quiet page.
 */
import type { PageKind } from '../tiktok/routes';
import { ACCESS_PAGE_KINDS } from '../tiktok/routes';

/** The active step as the fallback weighs it. */
export interface UnprovenCandidate {
  id: string;
  /** The step has a control on the page to look for. */
  target: boolean;
  /** The page can prove the step (else it offers "I did this" from the start). */
  proves: boolean;
}

/**
 * How long a step's control may be missing from a settled page before the step offers "I did
 * this". The clock starts only once the page has rendered what it loads late (its access table)
 * and restarts whenever the control is seen or the route changes, so a slow (loaded) machine
 * rendering late does not count against the control; and the fallback gives way as soon as the
 * control shows up after all.
 */
export const UNRECOGNISED_AFTER_MS = 2500;

/**
 * The user has acted on the page for a while without the active step being recognised (TikTok
 * showed it in a way the detectors do not know): at least this many acts — a click, typing into
 * a new field, a dialog or drawer opening — spread over at least {@link UNRECOGNISED_AFTER_ACTIVITY_MS}
 * since the first, all while the same step stayed active. The step then offers "I did this",
 * whether or not its control is on show, and keeps offering it until the step changes.
 */
export const UNRECOGNISED_AFTER_ACTS = 3;
export const UNRECOGNISED_AFTER_ACTIVITY_MS = 4000;

/** What the runner tells the fallback, and asks it after each reading. */
export interface UnprovenStep {
  /** A new route renders afresh: a control missing on the last one has not been missed here. */
  routeStarted(): void;
  /** The route is left: nothing pending of it reads the page again. */
  stop(): void;
  /** The run is at another step: the acts that moved it on were its predecessor's. */
  stepChanged(): void;
  /** The user acted on the page `acts` times (clicks, typing into a new field, a dialog opened). */
  acted(acts: number): void;
  /**
   * The steps offering "I did this" after this reading (`seen`: the active step's control is on
   * show now; `obs.tableUp`: a table with rows is on the page): the active step's control has been missing from the settled page for
   * {@link UNRECOGNISED_AFTER_MS}, or the user acted without proof (see actedWithoutProof); a
   * step whose control shows up (again) leaves the fallback. While a grace runs, one re-check is
   * pending, so the step falls back even if the page stays quiet.
   */
  offers(
    step: UnprovenCandidate | null,
    seen: boolean,
    obs: { pageKind: PageKind; tableUp: boolean },
    unrecognised: string[],
  ): string[];
}

/**
 * The fallback's clocks for the active step of one run; `readAgain` reads the page once more (a
 * grace ran out while the page stayed quiet).
 */
export function unprovenStep(readAgain: () => void): UnprovenStep {
  /** Since when the active step's control has been missing from the settled page, or null. */
  let missingSince: number | null = null;
  /** When the current route began: a page that never renders a table settles this long after. */
  let routeSince = Date.now();
  /** The one pending re-check of a missing control (the page may stay quiet meanwhile). */
  let recheck: ReturnType<typeof setTimeout> | null = null;
  /** The user's acts on the page while the active step stayed the same, and when the first was. */
  let acts = 0;
  let firstActAt: number | null = null;
  /** The one pending re-check of the user's activity (they may stop acting meanwhile). */
  let activityCheck: ReturnType<typeof setTimeout> | null = null;

  const cancelRecheck = () => {
    if (recheck !== null) clearTimeout(recheck);
    recheck = null;
  };
  const cancelActivityCheck = () => {
    if (activityCheck !== null) clearTimeout(activityCheck);
    activityCheck = null;
  };

  /**
   * Whether the user has acted on the page for a while ({@link UNRECOGNISED_AFTER_ACTS} acts over
   * {@link UNRECOGNISED_AFTER_ACTIVITY_MS}) while the active step stayed unproven. With the acts
   * made but the time not yet up, one re-check is pending, so the offer comes even if the user
   * then waits.
   */
  const actedWithoutProof = (): boolean => {
    if (acts < UNRECOGNISED_AFTER_ACTS || firstActAt === null) return false;
    const due = firstActAt + UNRECOGNISED_AFTER_ACTIVITY_MS;
    const now = Date.now();
    if (now >= due) return true;
    if (activityCheck === null)
      activityCheck = setTimeout(
        () => {
          activityCheck = null;
          readAgain();
        },
        due - now + 50,
      );
    return false;
  };

  return {
    routeStarted() {
      routeSince = Date.now();
      missingSince = null;
    },
    stop() {
      cancelRecheck();
      cancelActivityCheck();
    },
    stepChanged() {
      missingSince = null;
      acts = 0;
      firstActAt = null;
      cancelActivityCheck();
    },
    acted(more) {
      if (more <= 0) return;
      acts += more;
      firstActAt ??= Date.now();
    },
    offers(step, seen, obs, unrecognised) {
      if (step?.proves && actedWithoutProof()) {
        missingSince = null;
        return unrecognised.includes(step.id) ? unrecognised : [...unrecognised, step.id];
      }
      if (!step?.target || !step.proves) {
        missingSince = null;
        return unrecognised;
      }
      if (seen) {
        missingSince = null;
        return unrecognised.includes(step.id)
          ? unrecognised.filter((s) => s !== step.id)
          : unrecognised;
      }
      if (unrecognised.includes(step.id)) return unrecognised;
      const now = Date.now();
      // Settled: an access page has rendered its table (TikTok renders it late, later still on a
      // loaded machine); any other page, or one whose table never comes, after the grace itself.
      const settled =
        !ACCESS_PAGE_KINDS.has(obs.pageKind) ||
        obs.tableUp ||
        now - routeSince >= UNRECOGNISED_AFTER_MS;
      if (settled && missingSince === null) missingSince = now;
      const since = missingSince ?? routeSince;
      if (now - since >= UNRECOGNISED_AFTER_MS) return [...unrecognised, step.id];
      cancelRecheck();
      recheck = setTimeout(
        () => {
          recheck = null;
          readAgain();
        },
        since + UNRECOGNISED_AFTER_MS - now + 50,
      );
      return unrecognised;
    },
  };
}
