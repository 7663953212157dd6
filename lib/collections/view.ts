/** A collection as the browser sees it. */
export interface CollectionView {
  id: string;
  name: string;
  itemCount: number;
  createdAt: string;
  updatedAt: string;
}
