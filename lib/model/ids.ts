/** Record ids are random strings, so ids made in different tabs or imports never collide. */
export function newId(): string {
  return crypto.randomUUID();
}
