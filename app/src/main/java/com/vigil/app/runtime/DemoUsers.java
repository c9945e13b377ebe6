package com.vigil.app.runtime;

import com.vigil.model.Actor;
import com.vigil.model.Role;
import java.util.List;

/**
 * The demo plant's ready-made users, one per role, so tiered acknowledgement can be tried at once.
 * Clearly demo: names start with "demo-". Real accounts with passwords come with the users issue.
 */
public final class DemoUsers {
    public static final List<Actor> ALL = List.of(
            new Actor("demo-operator", Role.OPERATOR),
            new Actor("demo-shift-leader", Role.SHIFT_LEADER),
            new Actor("demo-safety-manager", Role.SAFETY_MANAGER),
            new Actor("demo-engineer", Role.ENGINEER),
            new Actor("demo-viewer", Role.VIEWER));

    private DemoUsers() {
    }
}
