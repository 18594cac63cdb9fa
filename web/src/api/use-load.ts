import { useEffect, useState } from 'react';
import { useShowError } from './use-show-error';

interface Loaded<K, T> {
  key: K | null;
  data?: T;
}

/**
 * Loads what `loader` answers for `key` (null: nothing to load yet), again whenever the key changes; a
 * failure is shown to the user. `loader` must be stable (a module-level API function).
 */
export function useLoad<K, T>(key: K | null, loader: (key: K) => Promise<T>) {
  const showError = useShowError();
  const [state, setState] = useState<Loaded<K, T>>({ key: null });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    loader(key).then(
      (data) => live && setState({ key, data }),
      (error: unknown) => {
        if (!live) return;
        setState({ key });
        showError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [key, loader, showError]);
  const current = key !== null && state.key === key;
  return { data: current ? state.data : undefined, loading: key !== null && !current };
}
