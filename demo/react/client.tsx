import { useEffect, useState } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { createInkling } from '../../src/index.js';
import { App, type AppData } from './app.js';

// The server (demo/react/build.mjs) rendered the same tree from the same JSON: hydration matches.
const data = JSON.parse(document.getElementById('react-data')?.textContent ?? '{"routes":{}}') as AppData;
// The SDK's worker lives beside the script tag build; the npm build would find it by itself.
const inkling = createInkling({ workerUrl: '/dist/inkling.worker.js' });
// `?rank-budget=5000` makes the browser test deterministic on a loaded machine.
const rankBudgetMs = Number(new URLSearchParams(location.search).get('rank-budget')) || undefined;

function Root() {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate = (href: string) => {
    history.pushState(null, '', href);
    setPath(href);
  };
  return (
    <App data={data} path={path} inkling={inkling} navigate={navigate} {...(rankBudgetMs ? { rankBudgetMs } : {})} />
  );
}

hydrateRoot(document.getElementById('root')!, <Root />);
