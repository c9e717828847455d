import { useQuery, useQueryClient } from '@tanstack/react-query';
import { loadDeviceLogs } from './researchService';

const KEY = ['study', 'device-logs'] as const;

/** The participants and events on this device; `refresh` after anything that changes them. */
export function useDeviceLogs() {
  const client = useQueryClient();
  const query = useQuery({ queryKey: KEY, queryFn: loadDeviceLogs, staleTime: 0 });
  return { ...query, refresh: () => client.invalidateQueries({ queryKey: KEY }) };
}
