/** The slices of `action` and `alarms` the badge uses; fakes in tests. */
export interface ColdBadgeDeps {
  count(): Promise<number>;
  setText(text: string): Promise<void>;
  setColor(color: string): Promise<void>;
  /** Waits this long after a change before counting, so a burst of writes counts once. */
  debounceMs?: number;
}

export const COLD_BADGE_ALARM = 'acquaint-cold-badge';
/** Time alone turns people cold; count again at least this often. */
export const COLD_BADGE_PERIOD_MINUTES = 60;

export type ColdBadge = ReturnType<typeof createColdBadge>;

/** The toolbar button shows how many conversations have gone cold; nothing when none have. */
export function createColdBadge(deps: ColdBadgeDeps) {
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = async (): Promise<number> => {
    const cold = await deps.count();
    await deps.setColor('#a3312a');
    await deps.setText(cold === 0 ? '' : cold > 999 ? '999+' : String(cold));
    return cold;
  };

  return {
    update,
    /** After a write: counts again shortly. */
    changed() {
      clearTimeout(timer);
      timer = setTimeout(() => void update().catch(() => {}), deps.debounceMs ?? 300);
    },
  };
}
