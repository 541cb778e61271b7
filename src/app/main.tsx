import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/index.css';
import { App } from './App';
import { bootstrap } from './bootstrap';
import { AppStoreProvider } from './store/store-context';

const root = document.getElementById('root');
if (root) {
  const store = bootstrap();
  createRoot(root).render(
    <StrictMode>
      <AppStoreProvider store={store}>
        <App />
      </AppStoreProvider>
    </StrictMode>,
  );
}
