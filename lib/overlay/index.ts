/**
 * What the companion frame's React takes of the overlay: the shape of the store the agent
 * writes and the frame mirrors, and the findings its cards show. Types only, so the frame's
 * components load none of the agent's code; the entrypoints wire the runner, dock and bridge by
 * their paths.
 */
export type { OverlayState, OverlayStore, TargetRect } from './store';
export type { ReconcileFinding } from './reconcile';
export type { PersonDiagnosis } from './troubleshoot';
