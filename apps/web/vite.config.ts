import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Built into target/dist, which Maven packages under couchannel-web/ for the gateway to serve.
// `npm run dev` proxies the API and the BFF login to a running stack (./couchannel up).
const gateway = "http://localhost:8080";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "target/dist",
    emptyOutDir: true,
    // the gateway's CSP allows no inline script: keep the module preload polyfill out of the HTML
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      "/api": gateway,
      "/bff": gateway,
      "/login": gateway,
      "/logout": gateway,
      "/oauth2": gateway,
      "/connect": gateway,
    },
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
