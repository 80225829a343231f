import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { installFieldValidity } from './common/field-validity.ts';
import './app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
installFieldValidity(document);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
