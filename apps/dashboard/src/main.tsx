import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createDashboardClients } from './createDashboardClients';
import { readDashboardConfig } from './readDashboardConfig';
import 'uplot/dist/uPlot.min.css';
import './styles.css';

// One client per system for the page's lifetime, created outside render.
const clients = createDashboardClients(readDashboardConfig(window.location, import.meta.env));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App clients={clients} />
  </StrictMode>,
);
