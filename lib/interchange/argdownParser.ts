import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin, type IArgdownResponse } from "@argdown/core";

// One application for the process: the plugins hold no state between runs.
let app: ArgdownApplication | null = null;

/** Parses Argdown with @argdown/core into its AST and model (statements, arguments, relations, front matter). */
export function parseArgdown(input: string): IArgdownResponse {
  if (!app) {
    app = new ArgdownApplication();
    app.addPlugin(new ParserPlugin(), "parse-input");
    app.addPlugin(new DataPlugin(), "build-model");
    app.addPlugin(new ModelPlugin(), "build-model");
  }
  return app.run({ input, process: ["parse-input", "build-model"] });
}
