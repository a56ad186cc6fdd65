// The page's small pieces of dialogue: the message line, the confirmation, the token form.

import { token } from './api.js';

const message = document.getElementById('message');
const messageText = document.getElementById('message-text');
const confirmDialog = document.getElementById('confirm');
const confirmText = document.getElementById('confirm-text');
const tokenForm = document.getElementById('token-form');
const tokenInput = document.getElementById('token-input');
const tokenReason = document.getElementById('token-reason');
const tokenButton = document.getElementById('token-button');

const defaultReason = tokenReason.textContent;

document.getElementById('message-close').addEventListener('click', hideMessage);

/**
 * Shows one message; kind is "ok", "info" or "error". An error stays until dismissed or replaced.
 */
export function showMessage(kind, text) {
  message.dataset.kind = kind;
  message.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  messageText.textContent = text;
  message.hidden = false;
}

export function hideMessage() {
  message.hidden = true;
  message.dataset.kind = 'none';
  messageText.textContent = '';
}

/** Asks the user to confirm; resolves true only for the Confirm button. */
export function confirmAction(text, okLabel) {
  confirmText.textContent = text;
  document.getElementById('confirm-ok').textContent = okLabel || 'Confirm';
  confirmDialog.returnValue = '';
  return new Promise((resolve) => {
    confirmDialog.addEventListener('close', () => resolve(confirmDialog.returnValue === 'ok'), { once: true });
    confirmDialog.showModal();
    document.getElementById('confirm-cancel').focus();
  });
}

let pendingToken = null;

/**
 * Shows the token form and resolves with the token entered (kept for the tab), or null when the
 * user cancels. Asked while already open, it shares the open form.
 */
export function askToken(reason) {
  tokenReason.textContent = reason || defaultReason;
  if (pendingToken) {
    return pendingToken.promise;
  }
  let resolve;
  const promise = new Promise((r) => {
    resolve = r;
  });
  pendingToken = { promise, resolve };
  tokenInput.value = '';
  tokenForm.hidden = false;
  tokenForm.scrollIntoView({ block: 'nearest' });
  tokenInput.focus();
  return promise;
}

function closeTokenForm(value) {
  tokenForm.hidden = true;
  tokenInput.value = '';
  const pending = pendingToken;
  pendingToken = null;
  updateTokenButton();
  if (pending) {
    pending.resolve(value);
  }
}

tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const value = tokenInput.value.trim();
  if (!value) {
    tokenInput.focus();
    return;
  }
  token.set(value);
  closeTokenForm(value);
});

document.getElementById('token-cancel').addEventListener('click', () => closeTokenForm(null));

tokenButton.addEventListener('click', () => {
  if (token.get()) {
    token.clear();
    updateTokenButton();
    showMessage('info', 'The token is forgotten; the next change will ask for it.');
  } else {
    askToken().then((value) => {
      if (value) {
        showMessage('ok', 'Token kept for this tab.');
      }
    });
  }
});

/** The header button says whether a token is kept. */
export function updateTokenButton() {
  const kept = token.get() !== null;
  tokenButton.textContent = kept ? 'Forget token' : 'Set token';
  tokenButton.dataset.token = kept ? 'kept' : 'none';
}

updateTokenButton();
