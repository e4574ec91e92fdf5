import { FeedkitProvider } from '@feedkit/react';
import { useState } from 'react';
import type { DashboardClients } from './createDashboardClients';
import { ActiveImmuneCorePanel } from './panels/ActiveImmuneCorePanel';
import { HeliosPanel } from './panels/HeliosPanel';
import { PlataformaEPanel } from './panels/PlataformaEPanel';
import { TakhinPanel } from './panels/TakhinPanel';
import { VeloFluxPanel } from './panels/VeloFluxPanel';
import { ColorSchemeContext, useColorScheme } from './useColorScheme';

/** All five systems on one page; each panel reads its own client from its provider. */
export function App({ clients }: { clients: DashboardClients }) {
  const [helios, setHelios] = useState({ client: clients.helios, notice: '', generation: 0 });
  const { scheme, toggle } = useColorScheme();
  const endHeliosSession = (reason: string) => {
    helios.client.close();
    setHelios({
      client: clients.newHelios(),
      notice: `Session ended (${reason}). Sign in again.`,
      generation: helios.generation + 1,
    });
  };
  return (
    <ColorSchemeContext.Provider value={scheme}>
      <main>
        <header className="page-header">
          <div>
            <h1>
              feedkit <span className="muted">live dashboard</span>
            </h1>
            <p className="muted">
              Five real-time systems, one reference server. Stop the server and watch every badge
              reconnect.
            </p>
          </div>
          <button
            type="button"
            className="scheme-toggle"
            onClick={toggle}
            data-testid="scheme-toggle"
            aria-label={`Switch to ${scheme === 'dark' ? 'light' : 'dark'} colours`}
          >
            {scheme === 'dark' ? 'Light' : 'Dark'} mode
          </button>
        </header>
        <div className="grid">
          <FeedkitProvider client={clients.takhin}>
            <TakhinPanel />
          </FeedkitProvider>
          <FeedkitProvider client={clients.veloflux}>
            <VeloFluxPanel />
          </FeedkitProvider>
          <FeedkitProvider client={helios.client} key={helios.generation}>
            <HeliosPanel notice={helios.notice} onSessionEnded={endHeliosSession} />
          </FeedkitProvider>
          <FeedkitProvider client={clients.activeImmuneCore}>
            <ActiveImmuneCorePanel />
          </FeedkitProvider>
          <FeedkitProvider client={clients.plataformaE}>
            <PlataformaEPanel />
          </FeedkitProvider>
        </div>
      </main>
    </ColorSchemeContext.Provider>
  );
}
