/** Browser entry: the only module that touches document to mount React. No game code here. */
import './zodConfig';
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

// Offline play after the first visit: the worker precaches the whole build (see scripts/serviceWorkerPlugin.ts).
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
