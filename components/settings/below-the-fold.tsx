"use client";

import dynamic from "next/dynamic";

// The setup page's editors further down: server-rendered as before, but their JavaScript comes after the page's
// first load and each hydrates when it has arrived, so the page's first load carries only what is at the top.
export const FrameworkBuilder = dynamic(() => import("./framework-builder").then((m) => m.FrameworkBuilder));
export const StageListEditor = dynamic(() => import("./stage-list-editor").then((m) => m.StageListEditor));
export const PipelineEditor = dynamic(() => import("./pipeline-editor").then((m) => m.PipelineEditor));
