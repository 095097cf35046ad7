// Web push: whether this browser can, and the VAPID key in the form pushManager.subscribe wants.

export function pushSupported(scope: typeof globalThis = globalThis): boolean {
  return (
    "navigator" in scope &&
    "serviceWorker" in scope.navigator &&
    "PushManager" in scope &&
    "Notification" in scope &&
    scope.isSecureContext === true
  );
}

/** base64url (RFC 4648 §5, padding optional) to bytes. */
export function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}
