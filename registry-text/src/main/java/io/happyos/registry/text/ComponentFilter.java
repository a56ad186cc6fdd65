package io.happyos.registry.text;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import java.util.List;

/**
 * Which components a list shows ({@code registry:list} and {@code GET /api/components}): those of
 * a type, or else all but the system components unless asked for, each in a status if one is given.
 *
 * @param type only this type ({@code system} shows system components), or {@code null}
 * @param status only this status, or {@code null}
 * @param all whether system components are shown without a type
 */
public record ComponentFilter(String type, ComponentStatus status, boolean all) {

    /** Blank types mean none. */
    public ComponentFilter {
        type = type == null || type.isBlank() ? null : type.strip();
    }

    /**
     * The entries the filter shows, in the order given.
     *
     * @param entries the entries
     * @return those shown
     */
    public List<RegistryEntry> apply(List<RegistryEntry> entries) {
        return entries.stream().filter(this::shows).toList();
    }

    private boolean shows(RegistryEntry e) {
        String t = e.component().type();
        if (type != null) {
            return t.equals(type) && (status == null || e.status() == status);
        }
        return (all || !DynamicRegistry.TYPE_SYSTEM.equals(t)) && (status == null || e.status() == status);
    }
}
