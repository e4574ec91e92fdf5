// @vitest-environment happy-dom
import { mocksSocketsInThisDom } from './support/domCase';

mocksSocketsInThisDom();
