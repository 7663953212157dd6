import { QueryClient } from "@tanstack/react-query";
import { AppError } from "@/lib/errors";

/** The one QueryClient factory. 4xx answers are final; only network and 5xx errors retry. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: true,
        retry: (count, error) => !(error instanceof AppError && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}
