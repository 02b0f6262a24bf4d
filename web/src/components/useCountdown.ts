import { useCallback, useEffect, useState } from 'react';

/** A resend-SMS countdown: `start()` then `running` for `total` seconds. */
export function useCountdown(total: number, startRunning = false) {
  const [seconds, setSeconds] = useState(startRunning ? total : 0);
  useEffect(() => {
    if (seconds <= 0) return;
    const timer = setTimeout(() => setSeconds((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [seconds]);
  const start = useCallback(() => setSeconds(total), [total]);
  return { seconds, running: seconds > 0, start };
}
