// The staff chunk: the board, the new-product form and a product's page (loaded after sign-in only).
import type { Route } from '../router';
import { Board } from './Board';
import { NewProduct } from './NewProduct';
import { ProductPage } from './Product';

export function StaffPage({ route }: { route: Extract<Route, { page: 'board' | 'new-product' | 'product' }> }) {
  switch (route.page) {
    case 'board':
      return <Board />;
    case 'new-product':
      return <NewProduct />;
    case 'product':
      return <ProductPage key={route.id} id={route.id} />;
    default: {
      const unknown: never = route;
      return unknown;
    }
  }
}
