import { useCallback, useState } from 'react';
import { useAccess } from '../../access';
import type { Density } from './types';

/** What the toolbar remembers per account and list: hidden columns and density. */
export interface TableSettings {
  hidden: string[];
  density: Density;
}

const DEFAULTS: TableSettings = { hidden: [], density: 'large' };

function read(key: string): TableSettings {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return DEFAULTS;
    const parsed = JSON.parse(raw) as Partial<TableSettings>;
    return {
      hidden: Array.isArray(parsed.hidden) ? parsed.hidden.filter((k) => typeof k === 'string') : [],
      density: parsed.density === 'middle' || parsed.density === 'small' ? parsed.density : 'large',
    };
  } catch {
    return DEFAULTS;
  }
}

/** Settings kept in localStorage under `ce.table.<account id>.<list key>`. */
export function useTableSettings(listKey: string | undefined) {
  const { session } = useAccess();
  const account = session?.account.id ?? 'anonymous';
  const storageKey = listKey ? `ce.table.${account}.${listKey}` : undefined;
  const [state, setState] = useState<{ key: string | undefined; value: TableSettings }>(() => ({
    key: storageKey,
    value: storageKey ? read(storageKey) : DEFAULTS,
  }));
  // another account or list: read its own settings
  const current = state.key === storageKey ? state.value : storageKey ? read(storageKey) : DEFAULTS;
  if (state.key !== storageKey) setState({ key: storageKey, value: current });

  const update = useCallback(
    (patch: Partial<TableSettings>) => {
      setState((prev) => {
        const value = { ...prev.value, ...patch };
        if (storageKey) {
          try {
            window.localStorage.setItem(storageKey, JSON.stringify(value));
          } catch {
            // storage full or disabled: the setting holds for this visit only
          }
        }
        return { key: storageKey, value };
      });
    },
    [storageKey],
  );
  return { settings: current, update };
}
