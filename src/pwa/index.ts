// The PWA edge: service worker registration and the update prompt's hooks.
export { registerPwa, type PwaCallbacks, type RegisterPwa } from './register';
