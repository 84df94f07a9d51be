import { describe, expect, it } from "vitest";
import { withParents } from "./use-action-form";

describe("nested errors reach the input that holds them", () => {
  it("files an item's error under its list field too, once", () => {
    expect(
      withParents({
        "techStack.0": ["Each tech stack entry must be at most 60 characters."],
        "techStack.3": ["Each tech stack entry must be at most 60 characters."],
        name: ["Name is required."],
      }),
    ).toEqual({
      "techStack.0": ["Each tech stack entry must be at most 60 characters."],
      "techStack.3": ["Each tech stack entry must be at most 60 characters."],
      techStack: ["Each tech stack entry must be at most 60 characters."],
      name: ["Name is required."],
    });
  });
});
