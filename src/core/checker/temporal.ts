/** Temporal for the checker's rules (re-exported so rules stay one import away from core/time). */
export { Temporal } from '../time';
