// @vitest-environment jsdom
import { mocksSocketsInThisDom } from './support/domCase';

mocksSocketsInThisDom();
