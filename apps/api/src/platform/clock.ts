/** Where "now" comes from, so expiry and retention can be tested without waiting. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };
