// Single sign-on with Microsoft Entra ID (profile entra, docs/sso.md), in Tasklist, Cockpit, Admin and the welcome
// page. Served only in that profile (SsoLogoutPlugin); LOGOUT_URL is filled in by the server.
const logoutUrl = "LOGOUT_URL";

// The menu's "Log out" signs out of Entra ID too: a plain link to /logout instead of Camunda's own logout call.
const observer = new MutationObserver(() => {
  const item = document.querySelector("li.account li.logout");
  if (item) {
    observer.disconnect();
    const link = item.getElementsByTagName("a")[0].cloneNode(true); // the clone has none of Angular's listeners
    link.setAttribute("href", logoutUrl);
    item.replaceChild(link, item.getElementsByTagName("a")[0]);
  }
});
observer.observe(document, { childList: true, subtree: true });

// Camunda's password login has no use beside Entra ID: loading the page again signs in with Entra.
function leaveLoginPage() {
  if (window.location.hash.startsWith("#/login")) {
    window.location.replace(window.location.pathname);
  }
}
leaveLoginPage();
window.addEventListener("hashchange", leaveLoginPage);

export default [];
