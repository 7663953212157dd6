/**
 * The one place React Query keys are built. Keys nest, so invalidating a prefix reaches
 * everything under it: `generations.lists()` refreshes every gallery page and filter at once
 * without touching the per-generation polls.
 *
 * What each key holds:
 *   models()                  ModelView[]
 *   generations.list(filters) GenerationListView (one page)
 *   generations.infinite(filters) InfiniteData<GenerationListView> (the gallery's pages; its
 *                             own key, so a one-page query never shares a cache entry with it)
 *   generations.detail(id)    GenerationView
 *   generations.pending()     GenerationView[]: the tab's one poll of everything on screen still
 *                             pending (components/studio/pending-poll.ts); it writes into detail(id)
 *                             and the list pages, which is where screens read
 *   media.file(id)            File (a media item fetched as a Blob, e.g. to reuse as an edit input)
 *   usage.all()               prefix for whatever the usage page loads (credits held and spent)
 *   tokens.list()             ApiTokenView[] (the user's live personal API tokens)
 *   collections.all()         CollectionView[] (the user's collections, by name)
 *   shares.all()              ShareView[] (the user's shared generations and their links)
 */
export type GenerationListFilters = Readonly<Record<string, string | number | boolean | undefined>>;

export const queryKeys = {
  models: () => ["models"] as const,
  generations: {
    all: () => ["generations"] as const,
    lists: () => ["generations", "list"] as const,
    list: (filters: GenerationListFilters = {}) => ["generations", "list", filters] as const,
    infinite: (filters: GenerationListFilters = {}) => ["generations", "list", "infinite", filters] as const,
    details: () => ["generations", "detail"] as const,
    detail: (id: string) => ["generations", "detail", id] as const,
    pending: () => ["generations", "pending"] as const,
  },
  media: {
    file: (id: string) => ["media", "file", id] as const,
  },
  usage: {
    all: () => ["usage"] as const,
  },
  tokens: {
    all: () => ["tokens"] as const,
    list: () => ["tokens", "list"] as const,
  },
  collections: {
    all: () => ["collections"] as const,
  },
  shares: {
    all: () => ["shares"] as const,
  },
} as const;
