import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

/** One cache for the app; signing in or out clears it so no user ever sees another's data. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: true,
      // A 4xx will not change by asking again; a network blip or a 5xx might.
      retry: (failures, error) =>
        failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});
