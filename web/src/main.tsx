import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createApi } from './api';
import { App } from './App';
import { SessionProvider } from './session/session';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider api={createApi()}>
        <App />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
