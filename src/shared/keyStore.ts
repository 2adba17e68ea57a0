/**
 * Small keyed values that replicas share, with an optional expiry: turn locks,
 * "seen once" marks (Slack retries) and generated secrets. Every call is atomic
 * in the store, so two replicas asking at once get one answer each.
 */
export interface KeyStore {
  /** Sets the key only if it is not set (or has expired); true when this call set it. */
  setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean>;
  get(key: string): Promise<string | undefined>;
  /** Deletes the key only while it still holds this value (a lock released by its holder); true when deleted. */
  deleteIf(key: string, value: string): Promise<boolean>;
  /** Renews the expiry only while the key still holds this value; false when someone else has it now. */
  extendIf(key: string, value: string, ttlMs: number): Promise<boolean>;
}

/** The value stored under `key`, created at random by whichever replica asks first, then the same for all. */
export async function sharedSecret(keys: KeyStore, key: string, create: () => string): Promise<string> {
  await keys.setIfAbsent(key, create());
  const value = await keys.get(key);
  if (value === undefined) throw new Error(`the shared value ${key} could not be stored`);
  return value;
}
