// The Record Sale form: a touch-first dialog for the counter. Pick the customer by search (name,
// phone, code; accents and pinyin forgiven) or type a new one (name + phone), the amount in the
// shop's currency ("12,50" in Spanish), items as free text or chips of past products (most sold
// first), the date (today) and a note. Enter saves. Bad input is explained next to its field and
// nothing typed is lost; the write is one transaction (src/core/ops/sales.ts).

import { createMemo, createSignal, For, onMount, Show, type JSX } from 'solid-js';
import { todayIso } from '../../base/date';
import { splitTags } from '../../core/index';
import type { RowId } from '../../core/index';
import { productList, recordSale, parseAmount, type SaleError, type SaleField, type SaleRecorded } from '../../core/ops/sales';
import { createSheetVersion } from '../../ui/bindings/book';
import { useServices } from '../../ui/services';
import { Icon } from '../../ui/workbench/icons';
import { sharedCustomerSearch, type CustomerHit } from '../customers/customer-search';

let formSeq = 0;

/** The decimal mark and the currency sign of the person's language and the shop's currency. */
function moneyParts(locale: string, currency: string): { decimal: ',' | '.'; symbol: string } {
  const dec = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
  const symbol = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
  return { decimal: dec === ',' ? ',' : '.', symbol };
}

export function RecordSaleForm(props: { initialCustomer?: RowId; onDone: (r: SaleRecorded) => void; onCancel: () => void }): JSX.Element {
  const { book, i18n } = useServices();
  const t = i18n.t.bind(i18n);
  const uid = `pu-sale-${++formSeq}`;
  const search = sharedCustomerSearch(book);
  const customersV = createSheetVersion(book, 'customers');
  const purchasesV = createSheetVersion(book, 'purchases');

  const [customer, setCustomer] = createSignal<RowId | undefined>(props.initialCustomer);
  const [query, setQuery] = createSignal('');
  const [active, setActive] = createSignal(0);
  const [creating, setCreating] = createSignal(false);
  const [newName, setNewName] = createSignal('');
  const [newPhone, setNewPhone] = createSignal('');
  const [amount, setAmount] = createSignal('');
  const [items, setItems] = createSignal('');
  const [date, setDate] = createSignal(todayIso());
  const [note, setNote] = createSignal('');
  const [errors, setErrors] = createSignal<readonly SaleError[]>([]);
  let amountInput!: HTMLInputElement;
  let searchInput: HTMLInputElement | undefined;
  let nameInput: HTMLInputElement | undefined;

  const money = () => moneyParts(i18n.locale(), i18n.i18n.currency);
  const results = createMemo<CustomerHit[]>(() => {
    customersV();
    const q = query().trim();
    return q ? search.search(q, 6) : [];
  });
  const picked = createMemo(() => {
    customersV();
    const row = customer();
    if (!row) return undefined;
    const r = book.sheet('customers');
    if (!r.has(row)) return undefined;
    const text = (c: string) => String(r.get(row, c) ?? '').trim();
    return { row, name: text('name'), code: text('code'), phone: text('phone') };
  });
  const products = createMemo(() => (purchasesV(), productList(book.sheet('purchases'), 14)));
  const chosen = createMemo(() => new Set(splitTags(items()).map((s) => s.toLowerCase())));
  const preview = createMemo(() => {
    const n = parseAmount(amount(), money().decimal);
    return typeof n === 'number' && n >= 0 ? i18n.i18n.formatCurrency(n) : '';
  });

  const errorOf = (field: SaleField) => errors().find((e) => e.field === field);
  const clearError = (field: SaleField) => setErrors((list) => list.filter((e) => e.field !== field));
  const message = (e: SaleError | undefined) => (e ? t(`sales.error.${e.code}`) : '');

  const pick = (hit: CustomerHit) => {
    setCustomer(hit.row);
    setCreating(false);
    setQuery('');
    clearError('customer');
    queueMicrotask(() => amountInput?.focus());
  };
  const startNew = () => {
    // What was typed in the search becomes the new customer's name, or phone when it is digits.
    const q = query().trim();
    if (q && /^[\d\s()+\-.]+$/.test(q)) setNewPhone(q);
    else if (q) setNewName(q);
    setCreating(true);
    setCustomer(undefined);
    clearError('customer');
    queueMicrotask(() => nameInput?.focus());
  };
  const toggleProduct = (name: string) => {
    const list = splitTags(items());
    const i = list.findIndex((s) => s.toLowerCase() === name.toLowerCase());
    if (i >= 0) list.splice(i, 1);
    else list.push(name);
    setItems(list.join(', '));
  };

  const save = () => {
    const r = recordSale(book, {
      customer: customer() ? { row: customer()! } : creating() ? { name: newName(), phone: newPhone() } : undefined,
      amount: amount(),
      decimal: money().decimal,
      items: items(),
      date: date(),
      note: note(),
    });
    if (r.ok) props.onDone(r);
    else {
      setErrors(r.errors);
      // Focus the first field that needs attention.
      const first = r.errors[0]?.field;
      if (first === 'amount') amountInput?.focus();
      else if (first === 'customer') (creating() ? nameInput : searchInput)?.focus();
    }
  };

  const onSearchKey = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    const n = results().length;
    if (e.key === 'ArrowDown' && n) setActive((i) => Math.min(n - 1, i + 1));
    else if (e.key === 'ArrowUp' && n) setActive((i) => Math.max(0, i - 1));
    else if (e.key === 'Enter' && n) pick(results()[Math.min(active(), n - 1)]!);
    else return;
    e.preventDefault();
  };

  onMount(() => {
    if (customer()) amountInput?.focus();
    else searchInput?.focus();
  });

  const fieldError = (field: SaleField) => (
    <Show when={errorOf(field)}>
      <p class="pu-error" id={`${uid}-${field}-err`} role="alert">
        <Icon name="alert" size={16} />
        {message(errorOf(field))}
      </p>
    </Show>
  );

  return (
    <form
      class="pu-form"
      aria-labelledby={`${uid}-title`}
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <header class="pu-head">
        <Icon name="receipt" size={22} />
        <h2 id={`${uid}-title`}>{t('sales.title')}</h2>
        <button type="button" class="wb-icon-button" aria-label={t('common.close')} title={t('common.close')} onClick={() => props.onCancel()}>
          <Icon name="close" size={18} />
        </button>
      </header>

      <fieldset class="pu-section" classList={{ 'is-invalid': !!errorOf('customer') }}>
        <legend>{t('sales.customer')}</legend>
        <Show
          when={picked()}
          fallback={
            <Show
              when={creating()}
              fallback={
                <>
                  <div class="pu-search">
                    <Icon name="search" size={18} />
                    <input
                      ref={searchInput}
                      class="pu-input"
                      type="search"
                      role="combobox"
                      aria-label={t('sales.searchCustomer')}
                      aria-expanded={results().length > 0}
                      aria-controls={`${uid}-results`}
                      aria-activedescendant={results().length ? `${uid}-r${active()}` : undefined}
                      aria-invalid={!!errorOf('customer') || undefined}
                      aria-describedby={errorOf('customer') ? `${uid}-customer-err` : undefined}
                      placeholder={t('sales.searchPlaceholder')}
                      autocomplete="off"
                      spellcheck={false}
                      value={query()}
                      onInput={(e) => {
                        setQuery(e.currentTarget.value);
                        setActive(0);
                      }}
                      onKeyDown={onSearchKey}
                    />
                  </div>
                  <ul class="pu-results" id={`${uid}-results`} role="listbox" aria-label={t('sales.results')} onMouseDown={(e) => e.preventDefault()}>
                    <For each={results()}>
                      {(hit, i) => (
                        <li
                          id={`${uid}-r${i()}`}
                          role="option"
                          class="pu-result"
                          classList={{ 'is-active': active() === i() }}
                          aria-selected={active() === i()}
                          onClick={() => pick(hit)}
                        >
                          <span class="pu-result-name">{hit.name || hit.code || t('customers.unnamed')}</span>
                          <span class="pu-result-detail">{[hit.code, hit.phone].filter(Boolean).join(' · ')}</span>
                        </li>
                      )}
                    </For>
                  </ul>
                  <Show when={query().trim() && results().length === 0}>
                    <p class="pu-hint">{t('sales.noMatch')}</p>
                  </Show>
                  <button type="button" class="wb-button pu-new" onClick={startNew}>
                    <Icon name="plus" size={18} />
                    {t('sales.newCustomer')}
                  </button>
                </>
              }
            >
              <div class="pu-row">
                <label class="pu-field">
                  <span>{t('sales.newName')}</span>
                  <input
                    ref={nameInput}
                    class="pu-input"
                    type="text"
                    autocomplete="off"
                    value={newName()}
                    aria-invalid={!!errorOf('customer') || undefined}
                    aria-describedby={errorOf('customer') ? `${uid}-customer-err` : undefined}
                    onInput={(e) => {
                      setNewName(e.currentTarget.value);
                      clearError('customer');
                    }}
                  />
                </label>
                <label class="pu-field">
                  <span>{t('sales.newPhone')}</span>
                  <input class="pu-input" type="tel" autocomplete="off" value={newPhone()} onInput={(e) => setNewPhone(e.currentTarget.value)} />
                </label>
              </div>
              <button type="button" class="wb-button pu-link" onClick={() => setCreating(false)}>
                <Icon name="search" size={18} />
                {t('sales.pickExisting')}
              </button>
            </Show>
          }
        >
          {(c) => (
            <div class="pu-picked" data-customer={c().row}>
              <div class="cu-avatar" aria-hidden="true">
                {Array.from(c().name || c().code || '?')[0]!.toUpperCase()}
              </div>
              <div class="pu-picked-text">
                <strong>{c().name || c().code || t('customers.unnamed')}</strong>
                <span>{[c().code || t('sales.codeOnSave'), c().phone].filter(Boolean).join(' · ')}</span>
              </div>
              <button
                type="button"
                class="wb-button"
                onClick={() => {
                  setCustomer(undefined);
                  queueMicrotask(() => searchInput?.focus());
                }}
              >
                {t('sales.change')}
              </button>
            </div>
          )}
        </Show>
        {fieldError('customer')}
      </fieldset>

      <div class="pu-row">
        <label class="pu-field pu-amount" classList={{ 'is-invalid': !!errorOf('amount') }}>
          <span>{t('sales.amount')}</span>
          <span class="pu-money">
            <span class="pu-symbol" aria-hidden="true">
              {money().symbol}
            </span>
            <input
              ref={amountInput}
              class="pu-input"
              type="text"
              inputMode="decimal"
              autocomplete="off"
              placeholder={i18n.i18n.formatNumber(12.5)}
              value={amount()}
              aria-invalid={!!errorOf('amount') || undefined}
              aria-describedby={errorOf('amount') ? `${uid}-amount-err` : `${uid}-amount-preview`}
              onInput={(e) => {
                setAmount(e.currentTarget.value);
                clearError('amount');
              }}
            />
          </span>
          <span class="pu-preview" id={`${uid}-amount-preview`}>
            {preview()}
          </span>
          {fieldError('amount')}
        </label>
        <label class="pu-field pu-date" classList={{ 'is-invalid': !!errorOf('date') }}>
          <span>{t('sales.date')}</span>
          <input
            class="pu-input"
            type="date"
            value={date()}
            aria-invalid={!!errorOf('date') || undefined}
            onInput={(e) => {
              setDate(e.currentTarget.value);
              clearError('date');
            }}
          />
          {fieldError('date')}
        </label>
      </div>

      <label class="pu-field">
        <span>{t('sales.items')}</span>
        <input class="pu-input" type="text" autocomplete="off" placeholder={t('sales.itemsPlaceholder')} value={items()} onInput={(e) => setItems(e.currentTarget.value)} />
      </label>
      <Show when={products().length > 0}>
        <div class="pu-chips" role="group" aria-label={t('sales.products')}>
          <For each={products()}>
            {(p) => (
              <button
                type="button"
                class="pu-chip"
                aria-pressed={chosen().has(p.name.toLowerCase())}
                onClick={() => toggleProduct(p.name)}
                onKeyDown={(e) => {
                  // Space toggles a chip; Enter saves the sale, as everywhere else in the form.
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    save();
                  }
                }}
              >
                {p.name}
              </button>
            )}
          </For>
        </div>
      </Show>

      <label class="pu-field">
        <span>{t('sales.note')}</span>
        <input class="pu-input" type="text" autocomplete="off" value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>

      <footer class="pu-actions">
        <button type="button" class="wb-button" onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
        <button type="submit" class="wb-button is-primary">
          <Icon name="check" size={18} />
          {t('sales.save')}
        </button>
      </footer>
    </form>
  );
}
