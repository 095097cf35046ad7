// couchannel's service worker: shows the web push messages the notification service sends
// (the in-app entry's title, text and link) and opens the link when one is clicked.
self.addEventListener("push", (event) => {
  let message = { title: "couchannel", body: "" };
  try {
    message = event.data ? event.data.json() : message;
  } catch {
    message = { title: "couchannel", body: event.data ? event.data.text() : "" };
  }
  event.waitUntil(
    self.registration.showNotification(message.title || "couchannel", {
      body: message.body || message.text || "",
      data: { link: message.link || "/inbox" },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const link = (event.notification.data && event.notification.data.link) || "/inbox";
  event.waitUntil(self.clients.openWindow(link.startsWith("/") ? link : "/inbox"));
});
