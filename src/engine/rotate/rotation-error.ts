/** A rotation that cannot be planned, naming the host or the option at fault. */
export class RotationError extends Error {}
