import type { Config } from "tailwindcss";

// Tailwind 4 reads its theme from CSS; this file is loaded through `@config` in app/globals.css
// and only carries what is easier to say in TypeScript.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      fontFamily: {
        sans: ["Inter", "ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "sans-serif"],
      },
    },
  },
};

export default config;
