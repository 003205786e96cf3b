// The Reminders tab: today's list, each item with its reason in words and finger-sized actions
// (call, SMS, WhatsApp, email, copy the WeChat ID; done, tomorrow, next week, dismiss; open the
// card), the items over the daily quota below, and the rules. Loaded on demand with the phone
// parser (libphonenumber) it uses for WhatsApp links, so neither is in the app's first load.

import { createMemo, createSignal, For, onMount, Show, type JSX } from 'solid-js';
import { writeShopSettings, readShopSettings, dayToIso, type ReminderItem, type ReminderRules } from '../../core/index';
import { normalizePhone } from '../../io/map/convert';
import { useServices } from '../../ui/services';
import { Icon } from '../../ui/workbench/icons';
import { showToast } from '../purchases/toasts';
import { phoneCountry } from '../settings/phone-country';
import type { Channel, ReminderActions } from './reminders.contribution';
import { contactLinks, customerLabel, reasonText, wechatIdOf } from './reminder-model';

const PAGE = 30;

export function RemindersView(props: { actions: ReminderActions }): JSX.Element {
  const { i18n } = useServices();
  const t = i18n.t.bind(i18n);
  const store = props.actions.store;
  const list = () => store.list();
  const quota = () => store.analysis()?.settings.reminders.dailyQuota ?? 0;
  // Rendered a page at a time: without a quota a big book can have thousands of items today, and
  // each item builds its contact links (phone parsing).
  const [shown, setShown] = createSignal(PAGE);
  const [laterOpen, setLaterOpen] = createSignal(false);
  // A tab restored at start (or opened before the analysis ran) needs the list now.
  onMount(() => store.compute());
  return (
    <div class="wb-page rm-view" data-editor-kind="reminders">
      <div class="wb-page-inner rm-inner">
        <header class="rm-head">
          <h1>{t('reminders.title')}</h1>
          <p class="wb-page-lead">
            {i18n.i18n.formatDate(dayToIso(store.today()))}
            <Show when={list()}>
              {(l) => (
                <>
                  {' · '}
                  <span class="rm-count">{t('reminders.summary', { count: l().today.length })}</span>
                  <Show when={quota() > 0}> · {t('reminders.quotaNote', { count: quota() })}</Show>
                </>
              )}
            </Show>
          </p>
        </header>
        <Show when={list()} fallback={<p class="rm-loading" role="status">{t('reminders.loading')}</p>}>
          {(l) => (
            <>
              <Show
                when={l().today.length > 0}
                fallback={
                  <div class="rm-empty">
                    <Icon name="check" size={32} />
                    <p>{t('reminders.empty')}</p>
                    <p class="rm-note">{t('reminders.emptyHint')}</p>
                  </div>
                }
              >
                <ul class="rm-list" aria-label={t('reminders.title')}>
                  <For each={l().today.slice(0, shown())}>{(item) => <Item item={item} actions={props.actions} />}</For>
                </ul>
                <Show when={l().today.length > shown()}>
                  <button type="button" class="wb-button rm-more" onClick={() => setShown((n) => n + PAGE)}>
                    {t('reminders.showMore', { count: Math.min(PAGE, l().today.length - shown()) })}
                  </button>
                </Show>
              </Show>
              <Show when={l().later.length > 0}>
                <details class="rm-later" onToggle={(e) => setLaterOpen(e.currentTarget.open)}>
                  <summary>{t('reminders.later', { count: l().later.length })}</summary>
                  <ul class="rm-list">
                    <For each={laterOpen() ? l().later.slice(0, PAGE) : []}>{(item) => <Item item={item} actions={props.actions} />}</For>
                  </ul>
                </details>
              </Show>
              <Show when={l().hidden > 0}>
                <p class="rm-note">{t('reminders.hidden', { count: l().hidden })}</p>
              </Show>
            </>
          )}
        </Show>
        <Rules onSaved={() => store.recompute()} />
      </div>
    </div>
  );
}

function Item(props: { item: ReminderItem; actions: ReminderActions }): JSX.Element {
  const { i18n, book } = useServices();
  const t = i18n.t.bind(i18n);
  const a = () => props.actions.store.analysis();
  const c = () => a()?.customer(props.item.customer);
  const name = () => (a() ? customerLabel(a()!, props.item.customer, t('customers.unnamed')) : '');
  const reason = () => reasonText(props.item.reason, { t: i18n.t, formatDate: (iso) => (i18n.locale(), i18n.i18n.formatDate(iso)) });
  const links = createMemo(() => contactLinks(c()?.phone ?? '', c()?.email ?? '', (p) => normalizePhone(p, phoneCountry())));
  const wechat = () => wechatIdOf(book, props.item.customer);
  // The channel last used from this item: the done dialog starts with it.
  const [used, setUsed] = createSignal<Channel | undefined>();
  const titleId = `rm-item-${props.item.id.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  const initial = () => Array.from(name().trim())[0]?.toUpperCase() ?? '?';

  const copyWechat = async (id: string) => {
    setUsed('wechat');
    try {
      await navigator.clipboard.writeText(id);
      showToast(t('reminders.copied', { id }));
    } catch {
      showToast(t('reminders.copyFailed', { id }));
    }
  };

  return (
    <li class="rm-item" data-reminder={props.item.id} data-kind={props.item.kind} aria-labelledby={titleId}>
      <div class="rm-item-head">
        <div class="rm-avatar" aria-hidden="true">
          {initial()}
        </div>
        <div class="rm-item-titles">
          <h2 id={titleId} class="rm-name">
            {name()}
          </h2>
          <p class="rm-reason">
            <span class="rm-kind" data-kind={props.item.kind}>
              {t(`analysis.reminder.${props.item.kind}`)}
            </span>
            <span class="rm-reason-text">{reason()}</span>
          </p>
          <Show when={c()?.phone || c()?.email}>
            <p class="rm-contact">{[c()?.phone, c()?.email].filter(Boolean).join(' · ')}</p>
          </Show>
        </div>
        <button type="button" class="wb-button rm-open" onClick={() => props.actions.openCard(props.item.customer)}>
          <Icon name="card" size={18} />
          <span>{t('reminders.action.openCard')}</span>
        </button>
      </div>
      <div class="rm-actions" role="group" aria-label={t('reminders.actions', { name: name() })}>
        <Show when={links().tel}>
          {(href) => (
            <a class="wb-button rm-act" href={href()} onClick={() => setUsed('phone')}>
              {t('reminders.action.call')}
            </a>
          )}
        </Show>
        <Show when={links().sms}>
          {(href) => (
            <a class="wb-button rm-act" href={href()} onClick={() => setUsed('sms')}>
              {t('reminders.action.sms')}
            </a>
          )}
        </Show>
        <Show when={links().whatsapp}>
          {(href) => (
            <a class="wb-button rm-act" href={href()} target="_blank" rel="noopener noreferrer" onClick={() => setUsed('whatsapp')}>
              {t('reminders.action.whatsapp')}
            </a>
          )}
        </Show>
        <Show when={links().mailto}>
          {(href) => (
            <a class="wb-button rm-act" href={href()} onClick={() => setUsed('email')}>
              {t('reminders.action.email')}
            </a>
          )}
        </Show>
        <Show when={wechat()}>
          {(id) => (
            <button type="button" class="wb-button rm-act" onClick={() => void copyWechat(id())}>
              {t('reminders.action.wechat')}
            </button>
          )}
        </Show>
        <span class="rm-actions-gap" />
        <button type="button" class="wb-button is-primary rm-done" onClick={() => props.actions.done(props.item, used())}>
          <Icon name="check" size={18} />
          {t('reminders.action.done')}
        </button>
        <button type="button" class="wb-button" onClick={() => props.actions.snooze(props.item, 1)}>
          {t('reminders.action.snoozeDay')}
        </button>
        <button type="button" class="wb-button" onClick={() => props.actions.snooze(props.item, 7)}>
          {t('reminders.action.snoozeWeek')}
        </button>
        <button type="button" class="wb-button" onClick={() => props.actions.dismiss(props.item)}>
          {t('reminders.action.dismiss')}
        </button>
      </div>
    </li>
  );
}

/** The reminder rules, stored in the book (both devices use the same ones). */
function Rules(props: { onSaved: () => void }): JSX.Element {
  const { i18n, book } = useServices();
  const t = i18n.t.bind(i18n);
  const initial = readShopSettings(book);
  const [quota, setQuota] = createSignal(initial.reminders.dailyQuota);
  const [birthday, setBirthday] = createSignal(initial.reminders.birthdayLeadDays);
  const [keyDays, setKeyDays] = createSignal(initial.reminders.keyNoContactDays);
  const [welcome, setWelcome] = createSignal(initial.reminders.welcomeAfterDays);
  const [churn, setChurn] = createSignal(initial.reminders.kinds.churn);
  const [points, setPoints] = createSignal(initial.points.expiringLeadDays);
  const reload = () => {
    const s = readShopSettings(book);
    setQuota(s.reminders.dailyQuota);
    setBirthday(s.reminders.birthdayLeadDays);
    setKeyDays(s.reminders.keyNoContactDays);
    setWelcome(s.reminders.welcomeAfterDays);
    setChurn(s.reminders.kinds.churn);
    setPoints(s.points.expiringLeadDays);
  };
  const save = () => {
    const s = readShopSettings(book);
    const r: ReminderRules = {
      ...s.reminders,
      dailyQuota: quota(),
      birthdayLeadDays: birthday(),
      keyNoContactDays: Math.max(1, keyDays()),
      welcomeAfterDays: welcome(),
      kinds: { ...s.reminders.kinds, churn: churn() },
    };
    writeShopSettings(book, { ...s, reminders: r, points: { ...s.points, expiringLeadDays: points() } });
    props.onSaved();
    showToast(t('reminders.rules.saved'));
  };
  const num = (label: string, value: () => number, set: (n: number) => void, name: string) => (
    <label class="rm-field rm-rule">
      <span>{label}</span>
      <input
        class="rm-input rm-num"
        type="number"
        inputMode="numeric"
        min="0"
        max="3650"
        step="1"
        name={name}
        value={value()}
        onInput={(e) => {
          const n = Math.floor(Number(e.currentTarget.value));
          if (Number.isFinite(n) && n >= 0) set(n);
        }}
      />
    </label>
  );
  return (
    // The stored rules are read when the section opens: on the summary's click, which runs before
    // the section opens and so before anything can be typed (the toggle event comes in a later task
    // and would overwrite a value typed in between).
    <details class="rm-rules">
      <summary
        onClick={(e) => {
          if (!(e.currentTarget.parentElement as HTMLDetailsElement).open) reload();
        }}
      >
        <Icon name="settings" size={18} />
        {t('reminders.rules')}
      </summary>
      <form
        class="rm-rules-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        {num(t('reminders.rules.quota'), quota, setQuota, 'dailyQuota')}
        {num(t('reminders.rules.birthdayLead'), birthday, setBirthday, 'birthdayLeadDays')}
        {num(t('reminders.rules.keyDays'), keyDays, setKeyDays, 'keyNoContactDays')}
        {num(t('reminders.rules.welcomeDays'), welcome, setWelcome, 'welcomeAfterDays')}
        {num(t('reminders.rules.pointsLead'), points, setPoints, 'expiringLeadDays')}
        <label class="rm-check">
          <input type="checkbox" checked={churn()} onChange={(e) => setChurn(e.currentTarget.checked)} />
          <span>{t('reminders.rules.churn')}</span>
        </label>
        <div class="rm-form-actions">
          <button type="submit" class="wb-button is-primary">
            {t('reminders.rules.save')}
          </button>
        </div>
      </form>
    </details>
  );
}
