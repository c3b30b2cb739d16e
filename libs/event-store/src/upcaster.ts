/**
 * Upcasters let a stored event of an old schema version be read as the current one, so stored
 * history is never rewritten. Each upcaster lifts one (type, version) to version + 1; they chain.
 */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: Record<string, unknown>): Record<string, unknown>;
}

export function upcasterChain(upcasters: readonly Upcaster[]) {
  const byKey = new Map(upcasters.map((u) => [`${u.type}@${u.fromVersion}`, u]));
  return <E extends { type: string; schemaVersion: number; data: unknown }>(event: E): E => {
    let current = event;
    for (
      let u = byKey.get(`${current.type}@${current.schemaVersion}`);
      u;
      u = byKey.get(`${current.type}@${current.schemaVersion}`)
    ) {
      current = {
        ...current,
        schemaVersion: current.schemaVersion + 1,
        data: u.upcast(current.data as Record<string, unknown>),
      };
    }
    return current;
  };
}
