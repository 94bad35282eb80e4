import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';

/** The platform's readiness as the api reports it (database, migrations, pipeline). */
export function useReadiness() {
  return useQuery({
    queryKey: ['readiness'],
    queryFn: async () => {
      const { data, error } = await api.GET('/readyz');
      // 503 carries the same body: which checks fail is what the user wants to see.
      return data ?? error;
    },
    refetchInterval: 15_000,
  });
}
