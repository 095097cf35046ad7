// Signing in goes through the gateway's BFF (/bff/login), which always lands back on "/": the page
// the guest came from waits in sessionStorage.
const RETURN_TO = "couchannel.returnTo";

export function signIn(returnTo: string = window.location.pathname) {
  try {
    window.sessionStorage.setItem(RETURN_TO, returnTo);
  } catch {
    // storage off: the guest lands on the start page
  }
  window.location.assign("/bff/login");
}

/** The page to go back to after signing in, once. */
export function takeReturnTo(): string | null {
  try {
    const path = window.sessionStorage.getItem(RETURN_TO);
    window.sessionStorage.removeItem(RETURN_TO);
    return path && path.startsWith("/") && !path.startsWith("//") ? path : null;
  } catch {
    return null;
  }
}
