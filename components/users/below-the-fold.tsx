"use client";

import dynamic from "next/dynamic";

// "Add a user" sits under the users table: server-rendered as before, but its JavaScript (the form stack) comes
// after the page's first load and the form hydrates when it has arrived.
export const NewUserForm = dynamic(() => import("./new-user-form").then((m) => m.NewUserForm));
