import { configure } from '@testing-library/react';

// The machine is shared and 1,000-row renders are slow in development builds:
// give `findBy*` / `waitFor` room before they fail. They still resolve as soon as the UI matches.
configure({ asyncUtilTimeout: 10_000 });
