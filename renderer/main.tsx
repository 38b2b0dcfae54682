import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bootstrap } from './app/bootstrap';
import { startTheme } from './app/theme';
import { App } from './components/shell/app';
import './styles/app.css';

const rootEl = document.getElementById('root')!;
startTheme();

bootstrap().then(
  () =>
    createRoot(rootEl).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  (err: Error) => {
    // Plain text only: the message may quote a path.
    const box = document.createElement('div');
    box.className = 'fatal';
    const title = document.createElement('h1');
    title.textContent = 'SigninScope could not start';
    const text = document.createElement('p');
    text.textContent = err.message;
    box.append(title, text);
    rootEl.replaceChildren(box);
  },
);
