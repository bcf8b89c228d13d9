import { v7 } from 'uuid';

/** A new time-ordered unique id (UUIDv7): exports from two machines merge without collisions. */
export const newId = (): string => v7();
