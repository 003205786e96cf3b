// The services the UI is handed by app/: one context, so components never construct edges.

import { createContext, useContext } from 'solid-js';
import type { Book } from '../core/index';
import type { CommandRegistry } from '../platform/commands';
import type { ContextKeys } from '../platform/context-keys';
import type { BookStorage, DeviceStore } from '../storage/types';
import type { ReactiveI18n } from './bindings/i18n';

export type Services = {
  readonly book: Book;
  readonly commands: CommandRegistry;
  readonly contextKeys: ContextKeys;
  readonly i18n: ReactiveI18n;
  readonly storage: Pick<BookStorage, 'status' | 'onDidChangeStatus' | 'flush'>;
  readonly deviceStore: DeviceStore;
};

export const ServicesContext = createContext<Services>();

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesContext');
  return s;
}
