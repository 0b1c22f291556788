/** Browser entry: the only module that touches document to mount React. No game code here. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './store/i18n';
import './styles.css';
import { App } from './App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
